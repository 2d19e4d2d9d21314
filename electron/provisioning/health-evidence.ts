/**
 * The facts the health rules judge, gathered from the cycles counters and a few indexed queries: never a scan
 * over all log rows (issue "Provisioning semantics", speed budget). Per-cycle queries read one cycle's rows through
 * the (cycle_id, ts) index, and only for cycles whose counters say there is something to find.
 */

import type { CycleRow } from '../db/cycles-repo.js';
import type { Db } from '../db/open.js';

/** Work cycles looked at for streaks and the last cycle with writes. */
const RECENT_WORK = 50;
/** Auth failures counted at most (the count is shown, not used as a threshold). */
const MAX_COUNTED = 10_000;

/** Writes that count toward Entra's escrow share: reference updates (group members) do not (entra-behavior.md §9). */
const ESCROW_WRITES = `operation IN ('create', 'update', 'disable', 'enable', 'delete')`;

export interface WriteStats {
  readonly cycleId: number;
  /** Non-reference writes, not counting 401/403 answers (the credential rule covers those). */
  readonly writes: number;
  readonly failed: number;
  /** Successful writes of any kind, members included. */
  readonly succeeded: number;
}

export interface HealthEvidence {
  readonly now: number;
  readonly latest: CycleRow | undefined;
  /** Recent cycles with more than Test Connection probes, newest first. */
  readonly works: readonly CycleRow[];
  readonly lastRequestAt: number | null;
  /** 401/403 answers after the last successful request. */
  readonly recentAuthFailures: number;
  /** 404 answers to list/filter queries since the latest work cycle began (Test Connection probes included). */
  readonly notFoundLists: { readonly count: number; readonly cycleId: number } | null;
  /** The newest cycle with escrow-counted writes. */
  readonly lastWriteCycle: WriteStats | null;
  /** Work cycles, newest first, that failed something and wrote nothing successfully (≈ countSuccessiveCompleteFailures). */
  readonly consecutiveFailedCycles: number;
  readonly lastSuccessfulCycle: { readonly id: number; readonly ended: number } | null;
}

export type GatherEvidence = (now: number) => HealthEvidence;

export function healthEvidence(db: Db): GatherEvidence {
  const latest = db.prepare<[], CycleRow>('SELECT * FROM cycles ORDER BY id DESC LIMIT 1');
  const works = db.prepare<[number], CycleRow>('SELECT * FROM cycles WHERE requests > probes ORDER BY id DESC LIMIT ?');
  const lastSuccess = db.prepare<[], { id: number; ts: number }>("SELECT id, ts FROM requests WHERE outcome = 'Success' ORDER BY ts DESC, id DESC LIMIT 1");
  // One statement per status, so each is a seek on (status, ts) rather than a merge of two ranges. `status >= 400`
  // repeats the condition of the partial index requests_status_ts (migration 0009) so SQLite may use it.
  const authAfter = db.prepare<[number, number, number, number], { n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM requests WHERE status >= 400 AND status = ? AND ts >= ? AND id > ? LIMIT ?)',
  );
  const notFoundSince = db.prepare<[number], { n: number | null }>('SELECT sum(not_found_lists) AS n FROM cycles WHERE id >= ?');
  const writeStats = db.prepare<[number], { writes: number | null; failed: number | null; succeeded: number | null }>(
    `SELECT sum(${ESCROW_WRITES} AND status NOT IN (401, 403)) AS writes,
            sum(${ESCROW_WRITES} AND status NOT IN (401, 403) AND outcome = 'Failure') AS failed,
            sum(outcome = 'Success') AS succeeded
     FROM requests
     WHERE cycle_id = ? AND operation IN ('create', 'update', 'disable', 'enable', 'delete', 'add-members', 'remove-members')`,
  );
  const lastGood = db.prepare<[], { id: number; ended: number }>('SELECT id, ended FROM cycles WHERE requests > probes AND failures = 0 ORDER BY id DESC LIMIT 1');

  const statsOf = (cycle: CycleRow): WriteStats => {
    // The counters rule most cycles out without reading a row.
    if (cycle.creates + cycle.updates + cycle.disables + cycle.deletes === 0) return { cycleId: cycle.id, writes: 0, failed: 0, succeeded: 0 };
    const row = writeStats.get(cycle.id);
    return { cycleId: cycle.id, writes: row?.writes ?? 0, failed: row?.failed ?? 0, succeeded: row?.succeeded ?? 0 };
  };

  return (now) => {
    const newest = latest.get();
    const recent = works.all(RECENT_WORK);
    const stats = new Map<number, WriteStats>();
    const statsFor = (cycle: CycleRow): WriteStats => {
      let found = stats.get(cycle.id);
      if (!found) stats.set(cycle.id, (found = statsOf(cycle)));
      return found;
    };

    let lastWriteCycle: WriteStats | null = null;
    for (const cycle of recent) {
      const s = statsFor(cycle);
      if (s.writes > 0) {
        lastWriteCycle = s;
        break;
      }
    }
    let consecutiveFailedCycles = 0;
    for (const cycle of recent) {
      if (cycle.failures === 0 || statsFor(cycle).succeeded > 0) break;
      consecutiveFailedCycles++;
    }

    const success = lastSuccess.get();
    const after = [success?.ts ?? 0, success?.id ?? 0] as const;
    const recentAuthFailures = Math.min(MAX_COUNTED, (authAfter.get(401, ...after, MAX_COUNTED)?.n ?? 0) + (authAfter.get(403, ...after, MAX_COUNTED)?.n ?? 0));
    const since = recent[0]?.id ?? newest?.id;
    const notFound = since === undefined ? 0 : (notFoundSince.get(since)?.n ?? 0);

    return {
      now,
      latest: newest,
      works: recent,
      lastRequestAt: newest?.ended ?? null,
      recentAuthFailures,
      notFoundLists: notFound > 0 && since !== undefined ? { count: notFound, cycleId: since } : null,
      lastWriteCycle,
      consecutiveFailedCycles,
      lastSuccessfulCycle: lastGood.get() ?? null,
    };
  };
}
