/**
 * SQL behind the status line (`status.get`): a handful of indexed lookups, cheap enough to poll.
 */

import type { Db } from './open.js';

export interface StatusRepo {
  /** Newest log timestamp (index `requests_ts`), or null for an empty log. */
  lastRequestAt(): number | null;
  /** Start of the newest cycle that carried more than Test Connection probes, or null before the first. */
  lastWorkingCycleStart(): number | null;
}

export function statusRepo(db: Db): StatusRepo {
  const lastRequest = db.prepare<[], { ts: number | null }>('SELECT max(ts) AS ts FROM requests');
  // Walks cycles newest first and stops at the first with work; probe-only cycles are rare and short.
  const lastWorking = db.prepare<[], { started: number }>('SELECT started FROM cycles WHERE requests > probes ORDER BY id DESC LIMIT 1');
  return {
    lastRequestAt: () => lastRequest.get()?.ts ?? null,
    lastWorkingCycleStart: () => lastWorking.get()?.started ?? null,
  };
}
