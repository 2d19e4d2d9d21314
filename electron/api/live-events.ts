/**
 * Turns what the listener and the trackers report into MonitorEvents: a logged row at once, cycle and health
 * changes coalesced so a burst of Entra traffic sends one update per ~quarter second instead of one per request.
 */

import type { MonitorEvent } from '../../shared/api/admin-types.js';
import type { Db } from '../db/open.js';
import type { CyclesRepo } from '../db/cycles-repo.js';
import type { HealthTracker } from '../provisioning/health.js';
import type { Recorded } from '../provisioning/recorder.js';
import { isOpen, toCycleSummary } from './cycle-summary.js';
import type { EventHub } from './events.js';
import { LOG_ROW_COLUMNS, toLogRow, type RequestRow } from './log-row.js';

/** Cycle and health updates are batched at this interval; a request row is never delayed. */
const COALESCE_MS = 250;
/** Silence is a health signal too (LikelyQuarantined), so health is re-judged on a timer as well. */
const HEALTH_TIMER_MS = 60_000;

export interface LiveEvents {
  /** The listener's onLogged callback. */
  readonly onLogged: (recorded: Recorded) => void;
  stop(): void;
}

export function createLiveEvents(options: {
  readonly db: Db;
  readonly cycles: CyclesRepo;
  readonly health: HealthTracker;
  readonly hub: EventHub;
  readonly now: () => number;
  readonly idleGapMinutes: () => number;
}): LiveEvents {
  const { db, cycles, health, hub, now } = options;
  const rowById = db.prepare<[number], RequestRow>(`SELECT ${LOG_ROW_COLUMNS} FROM requests r WHERE r.id = ?`);
  const dirtyCycles = new Set<number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const publish = (event: MonitorEvent): void => {
    if (!stopped) hub.publish(event);
  };

  // The tracker publishes its own transitions (monitor-app wires onChange), so a read through the API that notices
  // a change first cannot swallow the event.
  const judgeHealth = (): void => void health.evaluate();

  const flush = (): void => {
    timer = undefined;
    for (const id of dirtyCycles) {
      const row = cycles.get(id);
      if (row) publish({ type: 'cycle-changed', cycle: toCycleSummary(row, isOpen(row, now(), options.idleGapMinutes())) });
    }
    dirtyCycles.clear();
    judgeHealth();
  };

  const healthTimer = setInterval(judgeHealth, HEALTH_TIMER_MS);
  healthTimer.unref();

  return {
    onLogged(recorded) {
      if (stopped) return;
      // With no one watching, skip the row read; the trackers still run on their own timers.
      if (hub.size > 0) {
        const row = rowById.get(recorded.id);
        if (row) publish({ type: 'request-logged', row: toLogRow(row) });
      }
      dirtyCycles.add(recorded.cycleId);
      timer ??= setTimeout(flush, COALESCE_MS);
    },
    stop() {
      stopped = true;
      clearInterval(healthTimer);
      if (timer) clearTimeout(timer);
    },
  };
}
