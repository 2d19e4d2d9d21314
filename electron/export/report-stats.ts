/**
 * What the HTML failure report summarises (design/screens.md Screen 4, "Export failure report"), accumulated one
 * row at a time so the report needs one pass over the log and bounded memory: counts by Entra Status and Action,
 * failure groups (the Failures screen's signature: operation, status, scimType, Entra code, detail template) with
 * the likely Entra error code, meaning and recommended action (entra-behavior.md §4, §6.4), a per-identity table,
 * and failures per hour. Rows and failures are also counted by sender (LogRow.source), so a report built after a
 * rehearsal says how much of it the app sent itself rather than Entra.
 */

import type { LogSource } from '../../shared/api/log-types.js';
import type { EntraStatus } from '../../shared/domain/operation.js';
import { detailTemplate, failureTitle, signatureOf } from '../api/failure-signature.js';
import { failureInfo } from './failure-info.js';
import type { ExportRow } from './types.js';

export const HOUR_MS = 3_600_000;
/** Bounds on what one report keeps, whatever the log holds; past them rows are still counted, under "others". */
const MAX_GROUPS = 500;
const MAX_IDENTITIES = 50_000;
const MAX_GROUP_IDENTITIES = 20;

export interface GroupStats {
  readonly title: string;
  readonly errorCode: string;
  readonly meaning: string;
  readonly recommendedAction: string;
  readonly retry: string;
  readonly httpStatus: number;
  count: number;
  /** Of `count`, the failures the app sent itself (simulator, Replay). */
  appSent: number;
  readonly identities: Set<string>;
  firstSeen: number;
  lastSeen: number;
  readonly sampleDetail: string | null;
}

export interface IdentityStats {
  readonly identity: string;
  exchanges: number;
  failures: number;
  lastTs: number;
  lastOutcome: EntraStatus;
  readonly codes: Set<string>;
}

export interface ReportStats {
  rows: number;
  readonly outcomes: Record<EntraStatus, number>;
  /** Rows, and failures, by who sent them. */
  readonly sources: Record<LogSource, number>;
  readonly failuresBySource: Record<LogSource, number>;
  readonly actions: Map<string, number>;
  firstTs: number | null;
  lastTs: number | null;
  readonly groups: Map<string, GroupStats>;
  /** Failures that fell outside MAX_GROUPS groups. */
  ungrouped: number;
  readonly identities: Map<string, IdentityStats>;
  untrackedIdentityRows: number;
  /** Failures per hour, keyed by the hour's start (UTC ms). */
  readonly hourly: Map<number, number>;
  readonly cycles: Set<number>;
}

export function newReportStats(): ReportStats {
  return {
    rows: 0,
    outcomes: { Success: 0, Failure: 0, Skipped: 0, Warning: 0 },
    sources: { entra: 0, simulator: 0, replay: 0 },
    failuresBySource: { entra: 0, simulator: 0, replay: 0 },
    actions: new Map(),
    firstTs: null,
    lastTs: null,
    groups: new Map(),
    ungrouped: 0,
    identities: new Map(),
    untrackedIdentityRows: 0,
    hourly: new Map(),
    cycles: new Set(),
  };
}

type StatsRow = Pick<ExportRow, 'ts' | 'entity' | 'operation' | 'action' | 'outcome' | 'status' | 'scimType' | 'errorCode' | 'identity' | 'cycleId' | 'detail' | 'source'>;

/** The likely Entra error code of a failed row (entra-behavior.md §4), as the Failures screen shows it. */
export const likelyCode = (row: Pick<StatsRow, 'errorCode' | 'status' | 'operation'>): string => failureInfo(row).code;

export function addToReport(stats: ReportStats, row: StatsRow): void {
  stats.rows += 1;
  stats.outcomes[row.outcome] = (stats.outcomes[row.outcome] ?? 0) + 1;
  stats.sources[row.source] += 1;
  stats.actions.set(row.action, (stats.actions.get(row.action) ?? 0) + 1);
  stats.firstTs = stats.firstTs === null ? row.ts : Math.min(stats.firstTs, row.ts);
  stats.lastTs = stats.lastTs === null ? row.ts : Math.max(stats.lastTs, row.ts);
  if (row.cycleId !== null && stats.cycles.size < 10_000) stats.cycles.add(row.cycleId);
  const failed = row.outcome === 'Failure';
  const code = failed ? likelyCode(row) : null;

  if (row.identity !== null) {
    let who = stats.identities.get(row.identity);
    if (!who && stats.identities.size < MAX_IDENTITIES) {
      who = { identity: row.identity, exchanges: 0, failures: 0, lastTs: row.ts, lastOutcome: row.outcome, codes: new Set() };
      stats.identities.set(row.identity, who);
    }
    if (who) {
      who.exchanges += 1;
      if (row.ts >= who.lastTs) {
        who.lastTs = row.ts;
        who.lastOutcome = row.outcome;
      }
      if (code !== null) {
        who.failures += 1;
        if (who.codes.size < 10) who.codes.add(code);
      }
    } else stats.untrackedIdentityRows += 1;
  }
  if (code === null) return;
  stats.failuresBySource[row.source] += 1;

  const hour = Math.floor(row.ts / HOUR_MS) * HOUR_MS;
  stats.hourly.set(hour, (stats.hourly.get(hour) ?? 0) + 1);
  const parts = { entity: row.entity, operation: row.operation, status: row.status, scimType: row.scimType, errorCode: row.errorCode ?? code };
  const signature = signatureOf({ ...parts, template: detailTemplate(row.detail) });
  let group = stats.groups.get(signature);
  if (!group) {
    if (stats.groups.size >= MAX_GROUPS) {
      stats.ungrouped += 1;
      return;
    }
    const info = failureInfo(row);
    group = {
      title: failureTitle(parts),
      errorCode: info.code,
      meaning: info.meaning,
      recommendedAction: info.recommendedAction,
      retry: info.retry,
      httpStatus: row.status,
      count: 0,
      appSent: 0,
      identities: new Set(),
      firstSeen: row.ts,
      lastSeen: row.ts,
      sampleDetail: row.detail,
    };
    stats.groups.set(signature, group);
  }
  group.count += 1;
  if (row.source !== 'entra') group.appSent += 1;
  group.firstSeen = Math.min(group.firstSeen, row.ts);
  group.lastSeen = Math.max(group.lastSeen, row.ts);
  if (row.identity !== null && group.identities.size < MAX_GROUP_IDENTITIES) group.identities.add(row.identity);
}
