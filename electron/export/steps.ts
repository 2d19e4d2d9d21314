/**
 * The Steps of Entra's provisioning log (entra-behavior.md §5.3; Graph provisioningStep), rebuilt from one exchange:
 * what Entra imported or asked, what it decided (matching), and what it exported to the app, with the step that
 * failed marked `failure`. Entra sends no step data to the app, so the names and texts follow the observed ones
 * (`EntryImportAdd`, `EntrySynchronizationAdd`, `EntryExportUpdateSoftDelete`, …) and are inferred from the wire.
 */

import type { LogRow } from '../../shared/api/log-types.js';
import { SOURCE_SYSTEM, TARGET_SYSTEM } from './types.js';

/** Graph provisioningStepType and provisioningResult (entra-behavior.md §5.3). */
export type StepType = 'import' | 'scoping' | 'matching' | 'processing' | 'referenceResolution' | 'export';
export type StepStatus = 'success' | 'warning' | 'failure' | 'skipped';

export interface ProvisioningStep {
  readonly name: string;
  readonly provisioningStepType: StepType;
  readonly status: StepStatus;
  readonly description: string;
  readonly details: Readonly<Record<string, string>>;
}

export type StepInput = Pick<LogRow, 'method' | 'path' | 'query' | 'status' | 'entity' | 'operation' | 'outcome' | 'identity' | 'resourceId' | 'errorCode' | 'scimType'> & {
  readonly responseBody: string | null;
};

/** totalResults of a ListResponse, read without parsing the whole body. */
export function matchResults(body: string | null): number | null {
  const found = body === null ? null : /"totalResults"\s*:\s*(\d+)/.exec(body);
  return found?.[1] === undefined ? null : Number(found[1]);
}

const CHANGE: Readonly<Record<string, { change: string; sync: string; exportName: string; verb: string }>> = {
  create: { change: 'Add', sync: 'EntrySynchronizationAdd', exportName: 'EntryExportAdd', verb: 'created' },
  update: { change: 'Update', sync: 'EntrySynchronizationUpdate', exportName: 'EntryExportUpdate', verb: 'updated' },
  enable: { change: 'Update', sync: 'EntrySynchronizationUpdate', exportName: 'EntryExportUpdate', verb: 'updated (re-enabled)' },
  'add-members': { change: 'Update', sync: 'EntrySynchronizationUpdate', exportName: 'EntryExportUpdate', verb: 'updated (members added)' },
  'remove-members': { change: 'Update', sync: 'EntrySynchronizationUpdate', exportName: 'EntryExportUpdate', verb: 'updated (members removed)' },
  disable: { change: 'Update', sync: 'EntrySynchronizationUpdate', exportName: 'EntryExportUpdateSoftDelete', verb: 'disabled (soft delete)' },
  delete: { change: 'Delete', sync: 'EntrySynchronizationDelete', exportName: 'EntryExportDelete', verb: 'deleted' },
};

const NO_DETAILS: Readonly<Record<string, string>> = Object.freeze({});

const step = (name: string, type: StepType, status: StepStatus, description: string, details: Readonly<Record<string, string>> = NO_DETAILS): ProvisioningStep => ({
  name,
  provisioningStepType: type,
  status,
  description,
  details,
});

/** The steps of one exchange, in order; exactly one carries the failure when the exchange failed. */
export function provisioningSteps(row: StepInput): ProvisioningStep[] {
  const kind = row.entity === 'Group' ? 'Group' : 'User';
  const who = `${kind} '${row.identity ?? row.resourceId ?? 'unknown'}'`;
  const failed = row.outcome === 'Failure';
  const http: Record<string, string> = { 'HTTP method': row.method, 'Request path': row.path + (row.query ? `?${row.query}` : ''), 'HTTP status': String(row.status) };
  if (row.errorCode) http['Error code'] = row.errorCode;
  if (row.scimType) http.scimType = row.scimType;
  const change = CHANGE[row.operation];
  if (change) {
    const exportStatus: StepStatus = failed ? 'failure' : row.outcome === 'Skipped' ? 'skipped' : row.outcome === 'Warning' ? 'warning' : 'success';
    const result = failed ? `Failed to export ${who} to ${TARGET_SYSTEM}` : row.outcome === 'Skipped' ? `${who} already matched ${TARGET_SYSTEM}; nothing to export (RedundantExport)` : `${who} was ${change.verb} in ${TARGET_SYSTEM}`;
    return [
      step(`EntryImport${change.change}`, 'import', 'success', `Received ${who} change of type (${change.change}) from ${SOURCE_SYSTEM}`),
      step(change.sync, 'matching', 'success', `${who} will be ${change.verb} in ${TARGET_SYSTEM}`),
      step(change.exportName, 'export', exportStatus, result, http),
    ];
  }
  if (row.operation === 'match' || row.operation === 'read' || row.operation === 'list' || row.operation === 'test-connection') {
    const results = row.operation === 'read' ? (failed ? 0 : 1) : matchResults(row.responseBody);
    if (failed && !(row.status >= 200 && row.status < 300)) {
      return [step('EntryImport', 'import', 'failure', `Could not retrieve ${who} from ${TARGET_SYSTEM}`, http)];
    }
    if (row.operation === 'list' || row.operation === 'test-connection') {
      return [step('EntryImport', 'import', failed ? 'failure' : 'success', `Queried ${TARGET_SYSTEM} (${row.operation === 'list' ? 'list' : 'Test Connection'})`, http)];
    }
    if (results === 0) {
      return [
        step('EntryImportObjectNotFound', 'import', 'success', `No ${kind} matching ${who} was found in ${TARGET_SYSTEM}`, http),
        step('EntrySynchronizationAdd', 'matching', 'success', `${who} will be created in ${TARGET_SYSTEM} (no matching ${kind} was found)`),
      ];
    }
    if (results !== null && results > 1) {
      return [
        step('EntryImport', 'import', 'success', `Retrieved ${results} ${kind}s matching ${who} from ${TARGET_SYSTEM}`, http),
        step('EntrySynchronizationError', 'matching', 'failure', `More than one ${kind} in ${TARGET_SYSTEM} matches ${who}; Entra cannot tell which to update (DuplicateTargetEntries)`),
      ];
    }
    return [
      step('EntryImport', 'import', 'success', `Retrieved ${who} from ${TARGET_SYSTEM}`, http),
      ...(row.operation === 'match' ? [step('EntrySynchronizationUpdate', 'matching', 'success', `${who} matched an existing ${kind} in ${TARGET_SYSTEM}`)] : []),
    ];
  }
  const what = row.operation === 'discovery' ? `Read the app's schema (${row.path})` : `Sent ${row.method} ${row.path}`;
  return [step(row.operation === 'discovery' ? 'SchemaDiscovery' : 'EntryProcessing', 'processing', failed ? 'failure' : 'success', what, http)];
}
