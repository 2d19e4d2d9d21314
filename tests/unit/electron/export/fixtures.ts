/**
 * A hand-built ExportRow for the writers' unit tests: what electron/export/source.ts hands every writer.
 */

import type { ExportRow } from '../../../../electron/export/types.js';

export function exportRow(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    id: 7,
    ts: Date.UTC(2025, 5, 1, 8, 0, 0),
    method: 'POST',
    path: '/scim/v2/Users',
    query: '',
    status: 409,
    durationMs: 3.25,
    entity: 'User',
    operation: 'create',
    action: 'Create',
    outcome: 'Failure',
    identity: 'alice@contoso.com',
    externalId: 'ext-1',
    resourceId: null,
    changeId: '5b1f0c1e-0000-4000-8000-000000000001',
    cycleId: 3,
    errorCode: 'EntryConflict',
    scimType: 'uniqueness',
    memberCount: null,
    dialect: null,
    fault: null,
    clientIp: '127.0.0.1',
    forwardedFor: null,
    replayOf: null,
    source: 'entra',
    requestHeaders: { host: 'contoso.ngrok.app', authorization: 'Bearer ••••WXYZ', 'content-type': 'application/scim+json', 'x-forwarded-proto': 'https' },
    requestBody: '{"userName":"alice@contoso.com"}',
    responseHeaders: { 'Content-Type': 'application/scim+json; charset=utf-8' },
    responseBody: '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"userName \\"alice@contoso.com\\" is already used"}',
    modified: [],
    detail: 'userName "alice@contoso.com" is already used',
    ...overrides,
  };
}
