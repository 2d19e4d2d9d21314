/**
 * The health tracker: judges health from local evidence (health-rules.ts) and keeps `health_history`, one row per
 * stretch of the same state and reason, like the "Quarantine" entries of Entra's audit log and Graph's
 * `quarantine.currentBegan` (entra-behavior.md §9; design/screens.md Screen 5).
 *
 * The monitor should call `evaluate()` after each logged batch and on a timer (LikelyQuarantined comes from
 * silence, which no request announces), and publish `health-changed` when it says `changed`. `current()` evaluates
 * too, so the history never misses a state that someone was shown.
 */

import type { Health, HealthHistoryEntry, HealthState } from '../../shared/api/provisioning-types.js';
import type { SettingsStore } from '../api/deps.js';
import type { Db } from '../db/open.js';
import { healthEvidence } from './health-evidence.js';
import { judgeHealth, transitionTime } from './health-rules.js';

export interface HealthTracker {
  /** The health as of now; records a transition when there is one. */
  current(): Health;
  evaluate(): { readonly health: Health; readonly changed: boolean };
  /** The newest entries first. */
  history(limit: number): HealthHistoryEntry[];
}

interface HistoryRow {
  readonly id: number;
  readonly state: string;
  readonly reason: string | null;
  readonly detail: string | null;
  readonly began: number;
  readonly ended: number | null;
}

const toEntry = (row: HistoryRow): HealthHistoryEntry => ({
  state: row.state as HealthState,
  reason: row.reason,
  detail: row.detail,
  began: row.began,
  ended: row.ended,
});

/** The newest `limit` history entries, newest first (for `health.history`). */
export function readHealthHistory(db: Db, limit: number): HealthHistoryEntry[] {
  return db.prepare<[number], HistoryRow>('SELECT * FROM health_history ORDER BY id DESC LIMIT ?').all(limit).map(toEntry);
}

export function createHealthTracker(options: {
  readonly db: Db;
  readonly now: () => number;
  readonly settings: SettingsStore;
  /** Told about every recorded transition, whichever call found it (an API read or the live-event flush). */
  readonly onChange?: (health: Health) => void;
}): HealthTracker {
  const { db, now, settings, onChange } = options;
  const gather = healthEvidence(db);
  const openEntry = db.prepare<[], HistoryRow>('SELECT * FROM health_history WHERE ended IS NULL ORDER BY id DESC LIMIT 1');
  const close = db.prepare('UPDATE health_history SET ended = ? WHERE id = ?');
  const insert = db.prepare('INSERT INTO health_history (state, reason, detail, began) VALUES (?, ?, ?, ?)');

  const judge = db.transaction((): { health: Health; changed: boolean } => {
    const evidence = gather(now());
    const judged = judgeHealth(evidence);
    // While the latest cycle still runs, say so: a failure share half-way through a cycle can still change.
    const running = evidence.latest !== undefined && evidence.now - evidence.latest.ended <= settings.get().cycleIdleGapMinutes * 60_000;
    const message = running && judged.state !== 'Healthy' ? `${judged.message} (cycle #${evidence.latest?.id ?? 0} is still running)` : judged.message;
    const open = openEntry.get();
    if (open && open.state === judged.state && open.reason === judged.reason) {
      return { health: { ...judged, message, since: open.began }, changed: false };
    }
    // A new state began with the request that caused it, not when someone happened to look.
    const began = Math.max(open?.began ?? 0, transitionTime(judged, evidence));
    if (open) close.run(began, open.id);
    insert.run(judged.state, judged.reason, judged.message, began);
    return { health: { ...judged, message, since: began }, changed: true };
  });

  const evaluate = (): { health: Health; changed: boolean } => {
    const result = judge();
    if (result.changed) onChange?.(result.health);
    return result;
  };

  return {
    current: () => evaluate().health,
    evaluate: () => evaluate(),
    history: (limit) => readHealthHistory(db, limit),
  };
}
