/**
 * Steps rebuilt from an exchange (entra-behavior.md §5.3), the Graph provisioningObjectSummary shape (§6.2), NDJSON
 * lines and HAR 1.2 entries.
 */

import { describe, expect, it } from 'vitest';
import { explainFailure } from '../../../../electron/api/explain.js';
import { explainExported } from '../../../../electron/export/failure-info.js';
import { graphSummary, jsonArrayPiece, ndjsonLine } from '../../../../electron/export/graph.js';
import { HAR_CLOSING, harEntries, harEntry, harOpening } from '../../../../electron/export/har.js';
import { matchResults, provisioningSteps } from '../../../../electron/export/steps.js';
import { exportRow } from './fixtures.js';

const simulated = exportRow({ id: 10, source: 'simulator' });
const replayed = exportRow({ id: 11, replayOf: 7, source: 'replay' });

const match = (totalResults: number) =>
  exportRow({ method: 'GET', query: 'filter=userName+eq+%22alice%22', status: 200, operation: 'match', action: 'Other', outcome: 'Success', errorCode: null, scimType: null, responseBody: `{"totalResults":${totalResults},"Resources":[]}` });

describe('provisioning steps', () => {
  it('rebuilds import, matching and export for a write, the failure on the export step', () => {
    const steps = provisioningSteps(exportRow());
    expect(steps.map((s) => [s.name, s.provisioningStepType, s.status])).toEqual([
      ['EntryImportAdd', 'import', 'success'],
      ['EntrySynchronizationAdd', 'matching', 'success'],
      ['EntryExportAdd', 'export', 'failure'],
    ]);
    expect(steps[0]!.description).toBe("Received User 'alice@contoso.com' change of type (Add) from Azure Active Directory");
    const disable = provisioningSteps(exportRow({ operation: 'disable', action: 'Disable', outcome: 'Success', status: 200 }));
    expect(disable[2]).toMatchObject({ name: 'EntryExportUpdateSoftDelete', status: 'success' });
    expect(provisioningSteps(exportRow({ operation: 'delete', action: 'Delete', outcome: 'Success', status: 204 }))[2]!.name).toBe('EntryExportDelete');
  });

  it('reads a match’s result count: none found means Entra will create', () => {
    expect(matchResults('{"totalResults": 0}')).toBe(0);
    expect(matchResults(null)).toBeNull();
    expect(provisioningSteps(match(0)).map((s) => s.name)).toEqual(['EntryImportObjectNotFound', 'EntrySynchronizationAdd']);
    expect(provisioningSteps(match(1)).map((s) => s.name)).toEqual(['EntryImport', 'EntrySynchronizationUpdate']);
    expect(provisioningSteps({ ...match(2), outcome: 'Failure', errorCode: 'DuplicateTargetEntries' })[1]).toMatchObject({ status: 'failure' });
    expect(provisioningSteps(exportRow({ method: 'GET', operation: 'read', status: 404, errorCode: 'InvalidAnchor' }))).toMatchObject([{ provisioningStepType: 'import', status: 'failure' }]);
  });
});

describe('what Entra will record', () => {
  it('is what the Live screen explains (electron/api/explain.ts), memoised', () => {
    const rows = [
      exportRow(),
      exportRow({ status: 404, operation: 'match', errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible' }),
      exportRow({ status: 404, operation: 'read', errorCode: 'InvalidAnchor' }),
      exportRow({ status: 200, operation: 'match', errorCode: 'DuplicateTargetEntries' }),
      exportRow({ status: 502, errorCode: null }),
      exportRow({ outcome: 'Success', status: 201, errorCode: null }),
    ];
    for (const row of [...rows, ...rows]) expect(explainExported(row)).toEqual(explainFailure(row));
  });
});

describe('JSON (Graph provisioningObjectSummary)', () => {
  it('uses Graph’s field names and enum spellings', () => {
    const summary = graphSummary(exportRow({ modified: [{ attribute: 'displayName', oldValue: null, newValue: 'A' }] }));
    expect(summary).toMatchObject({
      id: '7',
      activityDateTime: '2025-06-01T08:00:00.000Z',
      cycleId: '3',
      changeId: '5b1f0c1e-0000-4000-8000-000000000001',
      provisioningAction: 'create',
      durationInMilliseconds: 3,
      provisioningStatusInfo: { status: 'failure', errorInformation: { errorCode: 'EntryConflict', errorCategory: 'nonServiceFailure' } },
      modifiedProperties: [{ displayName: 'displayName', oldValue: null, newValue: 'A' }],
      sourceIdentity: { id: 'ext-1', displayName: 'alice@contoso.com', identityType: 'User' },
      targetSystem: { displayName: 'Provisioning Monitor (SCIM app)' },
      initiatedBy: { displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    });
    expect(summary.provisioningStatusInfo.errorInformation?.reason).toMatch(/^StatusCode: Conflict/);
    expect(summary.provisioningSteps).toHaveLength(3);
    expect(graphSummary(exportRow({ action: 'StagedDelete', outcome: 'Skipped' }))).toMatchObject({ provisioningAction: 'stagedDelete', provisioningStatusInfo: { status: 'skipped', errorInformation: null } });
  });

  it('names the sender in Graph’s initiatedBy (system for Entra, application for the app) and in an annotation', () => {
    expect(graphSummary(exportRow())).toMatchObject({
      initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
      '@provisioningMonitor.source': 'entra',
    });
    expect(graphSummary(simulated)).toMatchObject({
      initiatedBy: { displayName: 'Provisioning Monitor Simulator', initiatorType: 'application' },
      '@provisioningMonitor.source': 'simulator',
    });
    expect(graphSummary(replayed)).toMatchObject({
      initiatedBy: { displayName: 'Provisioning Monitor Replay', initiatorType: 'application' },
      '@provisioningMonitor.source': 'replay',
    });
    // Graph's initiator has exactly these three properties; nothing of ours goes inside it.
    for (const row of [exportRow(), simulated, replayed]) expect(Object.keys(graphSummary(row).initiatedBy).sort()).toEqual(['displayName', 'id', 'initiatorType']);
  });

  it('writes one array across chunks', () => {
    const text = `[${jsonArrayPiece([exportRow()], true)}${jsonArrayPiece([exportRow({ id: 8 }), exportRow({ id: 9 })], false)}\n]\n`;
    expect((JSON.parse(text) as { id: string }[]).map((o) => o.id)).toEqual(['7', '8', '9']);
  });
});

describe('NDJSON', () => {
  it('is one JSON object per line with request and response', () => {
    const line = ndjsonLine(exportRow());
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ changeId: '5b1f0c1e-0000-4000-8000-000000000001', errorCode: 'EntryConflict', request: { method: 'POST' }, response: { status: 409 } });
  });

  it('carries the sender as `source`', () => {
    expect([exportRow(), simulated, replayed].map((row) => JSON.parse(ndjsonLine(row)).source)).toEqual(['entra', 'simulator', 'replay']);
  });
});

describe('HAR', () => {
  it('builds an entry with the URL Entra called, headers, query, postData and content', () => {
    const entry = harEntry(exportRow({ method: 'GET', path: '/scim/v2/Users', query: 'filter=userName+eq+%22a%40b%22&count=1', requestBody: null })) as any;
    expect(entry.request.url).toBe('https://contoso.ngrok.app/scim/v2/Users?filter=userName+eq+%22a%40b%22&count=1');
    expect(entry.request.queryString).toEqual([{ name: 'filter', value: 'userName eq "a@b"' }, { name: 'count', value: '1' }]);
    expect(entry.request.postData).toBeUndefined();
    expect(entry.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer ••••WXYZ' });
    expect(entry.response).toMatchObject({ status: 409, statusText: 'Conflict', content: { mimeType: 'application/scim+json; charset=utf-8' } });
    expect(entry.timings).toEqual({ send: 0, wait: 3.25, receive: 0 });
    expect(harEntry(exportRow()).request).toMatchObject({ postData: { mimeType: 'application/scim+json', text: '{"userName":"alice@contoso.com"}' } });
  });

  it('carries the sender in the custom `_source` field and names the app as sender in the comment', () => {
    const entries = [exportRow(), simulated, replayed].map((row) => harEntry(row));
    expect(entries.map((entry) => entry._source)).toEqual(['entra', 'simulator', 'replay']);
    expect(entries.map((entry) => entry.comment)).toEqual([
      'Create Failure alice@contoso.com (EntryConflict)',
      'Create Failure alice@contoso.com (EntryConflict), sent by Simulator',
      'Create Failure alice@contoso.com (EntryConflict), sent by Replay',
    ]);
  });

  it('writes a HAR 1.2 log across chunks', () => {
    const text = harOpening('1.0.0', 'c') + harEntries([exportRow()], true) + harEntries([exportRow({ id: 8 })], false) + HAR_CLOSING;
    const har = JSON.parse(text);
    expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'Provisioning Monitor', version: '1.0.0' }, comment: 'c' });
    expect(har.log.entries).toHaveLength(2);
  });
});
