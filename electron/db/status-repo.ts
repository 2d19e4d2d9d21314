/**
 * SQL behind the status line (`status.get`): a handful of indexed lookups, cheap enough to poll.
 */

import type { Db } from './open.js';

export interface StatusRepo {
  /** Newest log timestamp (index `requests_ts`), or null for an empty log. */
  lastRequestAt(): number | null;
  /**
   * Start of the newest cycle in which Entra did work (more than Test Connection probes), or null before the first.
   * Cycles made only by the app's simulator or Replay do not count: they say nothing of Entra's cadence.
   */
  lastEntraCycleStart(): number | null;
}

export function statusRepo(db: Db): StatusRepo {
  const lastRequest = db.prepare<[], { ts: number | null }>('SELECT max(ts) AS ts FROM requests');
  // Walks cycles newest first and stops at Entra's newest: only the app's rehearsals and probe-only cycles lie
  // after it, a handful; with no Entra cycle at all the table holds little else (migration 0010).
  const lastEntra = db.prepare<[], { started: number }>('SELECT started FROM cycles WHERE entra_work > 0 ORDER BY id DESC LIMIT 1');
  return {
    lastRequestAt: () => lastRequest.get()?.ts ?? null,
    lastEntraCycleStart: () => lastEntra.get()?.started ?? null,
  };
}
