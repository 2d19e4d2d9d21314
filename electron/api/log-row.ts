/**
 * Maps `requests` rows to the MonitorApi's LogRow. Every query that returns log rows selects LOG_ROW_COLUMNS, so
 * lists never read the bodies table.
 */

import type { LogRow } from '../../shared/api/log-types.js';
import type { EntraAction, EntraStatus, Entity, Operation, PatchDialect } from '../../shared/domain/operation.js';

export const LOG_ROW_COLUMNS = `r.id, r.ts, r.method, r.path, r.query, r.status, r.duration_ms, r.entity, r.operation, r.action, r.outcome,
  r.identity, r.external_id, r.resource_id, r.change_id, r.cycle_id, r.error_code, r.scim_type, r.member_count, r.dialect, r.fault,
  r.client_ip, r.forwarded_for`;

/** A `requests` row as LOG_ROW_COLUMNS selects it. */
export interface RequestRow {
  readonly id: number;
  readonly ts: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  readonly duration_ms: number;
  readonly entity: string | null;
  readonly operation: string | null;
  readonly action: string | null;
  readonly outcome: string | null;
  readonly identity: string | null;
  readonly external_id: string | null;
  readonly resource_id: string | null;
  readonly change_id: string | null;
  readonly cycle_id: number | null;
  readonly error_code: string | null;
  readonly scim_type: string | null;
  readonly member_count: number | null;
  readonly dialect: string | null;
  readonly fault: string | null;
  readonly client_ip: string | null;
  readonly forwarded_for: string | null;
}

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
    changeId: row.change_id ?? String(row.id),
    cycleId: row.cycle_id,
    errorCode: row.error_code,
    scimType: row.scim_type,
    memberCount: row.member_count,
    dialect: row.dialect as PatchDialect | null,
    fault: row.fault,
    clientIp: row.client_ip,
    forwardedFor: row.forwarded_for,
  };
}
