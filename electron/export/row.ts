/**
 * The row an export reads, as an array (better-sqlite3's raw mode): building one JS object per SQLite row costs
 * more than everything SQLite does for it, and an export reads 100,000s of rows. `toExportRow` then builds the one
 * object the writers use, with toLogRow's defaults (electron/api/log-row.ts); ExportRow extends LogRow, so the
 * compiler keeps the two mappings in step.
 */

import type { EntraAction, EntraStatus, Entity, Operation, PatchDialect } from '../../shared/domain/operation.js';
import type { ModifiedProperty } from '../../shared/api/log-types.js';
import { INTERNAL_LABEL_COLUMN, sourceOf } from '../api/log-source.js';
import type { Redactor } from './redact.js';
import type { ExportRow } from './types.js';

/** The `requests r` columns, in the order of RawRow. */
export const RAW_COLUMNS = `r.id, r.ts, r.method, r.path, r.query, r.status, r.duration_ms, r.entity, r.operation, r.action, r.outcome,
  r.identity, r.external_id, r.resource_id, r.change_id, r.cycle_id, r.error_code, r.scim_type, r.member_count, r.dialect, r.fault,
  r.client_ip, r.forwarded_for, r.replay_of, ${INTERNAL_LABEL_COLUMN}`;

/** RAW_COLUMNS, then detail, req_headers, req_body, res_headers, res_body (each NULL when not asked for). */
export type RawRow = [
  id: number, ts: number, method: string, path: string, query: string, status: number, durationMs: number,
  entity: string | null, operation: string | null, action: string | null, outcome: string | null, identity: string | null,
  externalId: string | null, resourceId: string | null, changeId: string | null, cycleId: number | null, errorCode: string | null,
  scimType: string | null, memberCount: number | null, dialect: string | null, fault: string | null, clientIp: string | null,
  forwardedFor: string | null, replayOf: number | null, internalLabel: string | null, detail: string | null, reqHeaders: string | null, reqBody: string | null, resHeaders: string | null,
  resBody: string | null,
];

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
const NO_MODIFIED: readonly ModifiedProperty[] = Object.freeze([]);

export function toExportRow(raw: RawRow, headers: boolean, redactor: Redactor, modified: readonly ModifiedProperty[] | undefined): ExportRow {
  const [id, ts, method, path, query, status, durationMs, entity, operation, action, outcome, identity, externalId, resourceId, changeId,
    cycleId, errorCode, scimType, memberCount, dialect, fault, clientIp, forwardedFor, replayOf, internalLabel, detail, reqHeaders, reqBody, resHeaders, resBody] = raw;
  return {
    id,
    ts,
    method,
    path,
    query: redactor.query(query),
    status,
    durationMs,
    entity: (entity ?? 'Unknown') as Entity,
    operation: (operation ?? 'unknown') as Operation,
    action: (action ?? 'Other') as EntraAction,
    outcome: (outcome ?? 'Success') as EntraStatus,
    identity,
    externalId,
    resourceId,
    changeId: changeId ?? String(id),
    cycleId,
    errorCode,
    scimType,
    memberCount,
    dialect: dialect as PatchDialect | null,
    fault,
    clientIp,
    forwardedFor,
    replayOf,
    source: sourceOf(replayOf, internalLabel),
    requestHeaders: headers ? redactor.headers(reqHeaders) : NO_HEADERS,
    requestBody: redactor.body(reqBody),
    responseHeaders: headers ? redactor.headers(resHeaders) : NO_HEADERS,
    responseBody: redactor.body(resBody),
    modified: modified ? redactor.modified(modified) : NO_MODIFIED,
    detail,
  };
}
