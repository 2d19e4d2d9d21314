/**
 * The "Current status" of provisioning, rebuilt from inferred cycles (entra-behavior.md §5, §7; design/screens.md
 * §1.2 and Screen 3): progress of the current cycle in *identities* (Entra's own bar counts pages), when Entra's next
 * cycle is due, and whether Entra looks like it is backing off after failures. Progress counts everyone's traffic
 * (a rehearsal with the simulator shows its own progress); the due time and the back-off follow Entra's cycles only.
 */

import type { CycleProgress } from '../../shared/api/provisioning-types.js';
import type { CycleRow } from '../db/cycles-repo.js';
import type { Db } from '../db/open.js';
import { CYCLE_INTERVAL_MS } from './cycle-tracker.js';

/** Entra's cadence is "about" 40 minutes (20–40 min on some pages, §5.2): a cycle is overdue 10 minutes after that. */
export const OVERDUE_AFTER_MS = 10 * 60_000;
/** A wait this much longer than the cadence is no longer an ordinary cycle interval. */
export const BEYOND_CADENCE_MS = 1.5 * CYCLE_INTERVAL_MS;
export const BACKOFF_NOTE = 'Entra may be backing off (quarantine retries at +6h, +12h, +24h)';
/** Names listed as pending, at most. */
const MAX_PENDING = 100;
/** Entra's work cycles read for the back-off note: enough for two completed gaps and the wait since. */
const RECENT_WORK = 4;

export interface CycleOutlook {
  readonly progress: CycleProgress | null;
  readonly nextExpectedAt: number | null;
  readonly overdue: boolean;
  readonly backoffNote: string | null;
}

/** Identities count as processed once Entra matched or wrote them: the same rule as the cycle's `identities` counter. */
const TOUCHING = `operation IN ('match', 'create', 'update', 'disable', 'enable', 'delete', 'add-members', 'remove-members')`;

const keyOf = (entity: string, identity: string): string => `${entity.toLowerCase()}:${identity.toLowerCase()}`;

export interface CycleOutlookQueries {
  outlook(latest: CycleRow | undefined, now: number, open: boolean): CycleOutlook;
}

export function cycleOutlookQueries(db: Db): CycleOutlookQueries {
  // Progress compares with the previous cycle of anyone's work (a rehearsal's progress is the simulator's); the
  // cadence follows Entra's own work cycles only (migration 0010): the app's simulated cycles and replays were never
  // scheduled by Entra, so 40 minutes after one Entra owes nothing.
  const previousWorkOf = db.prepare<[number], CycleRow>('SELECT * FROM cycles WHERE id < ? AND requests > probes ORDER BY id DESC LIMIT 1');
  const entraWork = db.prepare<[number, number], CycleRow>('SELECT * FROM cycles WHERE id <= ? AND entra_work > 0 ORDER BY id DESC LIMIT ?');
  const scope = db.prepare<[], { value: string; kind: string }>('SELECT value, kind FROM scope ORDER BY added, value');
  const touched = db.prepare<[number], { identity: string; entity: string }>(
    `SELECT identity, entity FROM requests WHERE cycle_id = ? AND identity IS NOT NULL AND entity IN ('User', 'Group') AND ${TOUCHING}
     GROUP BY identity, entity ORDER BY min(id)`,
  );

  /** Names (with their entity) that the cycle touched, keyed case-insensitively; first spelling wins. */
  const touchedIn = (cycleId: number): Map<string, string> => {
    const out = new Map<string, string>();
    for (const row of touched.all(cycleId)) if (!out.has(keyOf(row.entity, row.identity))) out.set(keyOf(row.entity, row.identity), row.identity);
    return out;
  };

  /**
   * Progress = processed / expected. Expected comes from the admin's scope (users + groups they assigned); without
   * one, from the previous work cycle's identities, flagged `estimated` (issue "Provisioning semantics" item 3).
   */
  const progress = (current: CycleRow, previousWork: CycleRow | undefined): CycleProgress | null => {
    const done = touchedIn(current.id);
    const expected = scope.all();
    if (expected.length > 0) {
      const pending = expected.filter((entry) => !done.has(keyOf(entry.kind, entry.value))).map((entry) => entry.value);
      return { processed: expected.length - pending.length, expected: expected.length, pending: pending.slice(0, MAX_PENDING), estimated: false };
    }
    if (!previousWork) return null;
    const before = touchedIn(previousWork.id);
    const pending = [...before].filter(([key]) => !done.has(key)).map(([, name]) => name);
    return { processed: done.size, expected: Math.max(previousWork.identities, done.size), pending: pending.slice(0, MAX_PENDING), estimated: true };
  };

  return {
    outlook(latest, now, open) {
      if (!latest) return { progress: null, nextExpectedAt: null, overdue: false, backoffNote: null };
      const works = entraWork.all(latest.id, RECENT_WORK);
      const lastWork = works[0];
      // A cycle of nothing but Test Connection probes has no progress to show (yet: Entra probes before a cycle, §1.1).
      const probesOnly = latest.requests === latest.probes;
      const current = probesOnly ? null : progress(latest, previousWorkOf.get(latest.id));
      // §5.2: the next cycle starts about 40 minutes after the last one in which Entra did real work started.
      const nextExpectedAt = lastWork ? lastWork.started + CYCLE_INTERVAL_MS : null;
      return {
        progress: current,
        nextExpectedAt,
        // An initial cycle can run for hours (§5.2): a cycle still receiving Entra's work is never overdue.
        overdue: nextExpectedAt !== null && !(open && latest.entra_work > 0) && now > nextExpectedAt + OVERDUE_AFTER_MS,
        backoffNote: backoffNote(works, now),
      };
    },
  };
}

/**
 * While quarantined Entra retries at +6 h, +12 h, +24 h (entra-behavior.md §9). Quiet incremental cycles also send
 * nothing (§5.2), so long gaps alone mean nothing: the note needs the gaps to *grow*, each following a failing cycle.
 * The wait since the newest failing cycle counts as a gap once it is beyond the cadence.
 *
 * @param works Entra's recent work cycles, newest first (the app's rehearsals say nothing of Entra's retries)
 */
export function backoffNote(works: readonly CycleRow[], now: number): string | null {
  const gaps: { readonly gap: number; readonly afterFailure: boolean }[] = [];
  const newest = works[0];
  if (newest && newest.failures > 0 && now - newest.started > BEYOND_CADENCE_MS) gaps.push({ gap: now - newest.started, afterFailure: true });
  for (let i = 0; i + 1 < works.length; i++) {
    const later = works[i]!;
    const earlier = works[i + 1]!;
    gaps.push({ gap: later.started - earlier.started, afterFailure: earlier.failures > 0 });
  }
  const [latest, previous] = gaps;
  if (!latest || !previous) return null;
  const growing = latest.afterFailure && previous.afterFailure && latest.gap > previous.gap && latest.gap > BEYOND_CADENCE_MS;
  return growing ? BACKOFF_NOTE : null;
}
