/**
 * Maps `requests` rows to the MonitorApi's LogRow. Every query that returns log rows selects LOG_ROW_COLUMNS, so
 * lists never read the bodies table. The last column says which of the app's internal tokens sent the row, if any
 * (log-source.ts), so every list tells the app's own traffic from Entra's.
 */

import type { LogRow } from '../../shared/api/log-types.js';
import type { RequestLogEntry } from '../db/request-log-repo.js';
import type { EntraAction, EntraStatus, Entity, Operation, PatchDialect } from '../../shared/domain/operation.js';
import { INTERNAL_LABEL_COLUMN, sourceOf } from './log-source.js';

export const LOG_ROW_COLUMNS = `r.id, r.ts, r.method, r.path, r.query, r.status, r.duration_ms, r.entity, r.operation, r.action, r.outcome,
  r.identity, r.external_id, r.resource_id, r.change_id, r.cycle_id, r.error_code, r.scim_type, r.member_count, r.dialect, r.fault,
  r.client_ip, r.forwarded_for, r.replay_of, ${INTERNAL_LABEL_COLUMN}`;

/** A `requests` row as LOG_ROW_COLUMNS selects it: the insert's own shape, so the two cannot drift. */
export type RequestRow = { readonly id: number; readonly internal_label: string | null } & Pick<
  RequestLogEntry,
  | 'ts'
  | 'method'
  | 'path'
  | 'query'
  | 'status'
  | 'duration_ms'
  | 'entity'
  | 'operation'
  | 'action'
  | 'outcome'
  | 'identity'
  | 'external_id'
  | 'resource_id'
  | 'change_id'
  | 'cycle_id'
  | 'error_code'
  | 'scim_type'
  | 'member_count'
  | 'dialect'
  | 'fault'
  | 'client_ip'
  | 'forwarded_for'
  | 'replay_of'
>;

export function toLogRow(row: RequestRow): LogRow {
  return {
    id: row.id,
    ts: row.ts,
    method: row.method,
    path: row.path,
    query: row.query,
    status: row.status,
    durationMs: row.duration_ms,
    entity: (row.entity ?? 'Unknown') as Entity,
    operation: (row.operation ?? 'unknown') as Operation,
    action: (row.action ?? 'Other') as EntraAction,
    outcome: (row.outcome ?? 'Success') as EntraStatus,
    identity: row.identity,
    externalId: row.external_id,
    resourceId: row.resource_id,
    changeId: row.change_id,
    cycleId: row.cycle_id,
    errorCode: row.error_code,
    scimType: row.scim_type,
    memberCount: row.member_count,
    dialect: row.dialect as PatchDialect | null,
    fault: row.fault,
    clientIp: row.client_ip,
    forwardedFor: row.forwarded_for,
    replayOf: row.replay_of,
    source: sourceOf(row.replay_of, row.internal_label),
  };
}
