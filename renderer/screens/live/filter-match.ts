/**
 * Decides whether a row pushed by a live event belongs in the current filtered list, mirroring the server's
 * query (electron/db request-log filters) so live rows and fetched pages agree.
 */

import type { LogRow } from '../../../shared/api/log-types.js';
import type { FilterQuery } from './filter-parse.js';

const lower = (s: string | null): string => (s ?? '').toLowerCase();

export function matchesFilter(row: LogRow, q: FilterQuery): boolean {
  if (q.outcome?.length && !q.outcome.includes(row.outcome)) return false;
  if (q.action?.length && !q.action.includes(row.action)) return false;
  if (q.operation?.length && !q.operation.includes(row.operation)) return false;
  if (q.entity?.length && !q.entity.includes(row.entity)) return false;
  if (q.method?.length && !q.method.includes(row.method.toUpperCase())) return false;
  if (q.statusMin !== undefined && row.status < q.statusMin) return false;
  if (q.statusMax !== undefined && row.status > q.statusMax) return false;
  // The identity filter is a case-insensitive prefix match (LogQuery.identity).
  if (q.identity !== undefined && !lower(row.identity).startsWith(q.identity.toLowerCase())) return false;
  if (q.resourceId !== undefined && row.resourceId !== q.resourceId) return false;
  if (q.cycleId !== undefined && row.cycleId !== q.cycleId) return false;
  if (q.errorCode !== undefined && lower(row.errorCode) !== q.errorCode.toLowerCase()) return false;
  if (q.changeId !== undefined && row.changeId !== q.changeId) return false;
  if (q.faultOnly && row.fault === null) return false;
  if (q.replayOnly && row.replayOf === null) return false;
  if (q.source?.length && !q.source.includes(row.source)) return false;
  if (q.text !== undefined) {
    const needle = q.text.toLowerCase();
    const hay = [row.identity, row.path, row.query, row.errorCode].map(lower);
    if (!hay.some((h) => h.includes(needle))) return false;
  }
  return true;
}

/** Whether a filter narrows anything (an empty list then means "no traffic yet", not "no match"). */
export const isEmptyFilter = (q: FilterQuery): boolean => Object.keys(q).length === 0;
