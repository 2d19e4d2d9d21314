/**
 * Retention (issue 3 item 7, issue 11 "Resource limits"): keeps the request log within `retentionDays` and the
 * database within `maxDatabaseMb`, oldest rows first.
 *
 * It runs in the background in small batches, each its own short transaction, yielding to the event loop between
 * batches: the listener commits every request before answering (architecture.md, "Nothing acknowledged is lost"),
 * so a long delete would stall Entra's requests. No VACUUM: it rewrites the whole file under an exclusive lock;
 * freed pages are reused by new rows instead.
 */

import type { Settings } from '../../shared/api/admin-types.js';
import type { Db } from '../db/open.js';
import { retentionRepo } from '../db/retention-repo.js';

const DAY_MS = 86_400_000;
const MB = 1024 * 1024;

export interface RetentionOptions {
  readonly db: Db;
  /** Read on every run, so a changed setting applies at the next tick. */
  readonly settings: { get(): Settings };
  readonly now?: () => number;
  readonly intervalMs?: number;
  /** Rows per transaction, kept small: 2,000 rows with 4 KB bodies held the event loop for 17–81 ms in a test run. */
  readonly batch?: number;
  /** Batches per run at most, so one run stays short even far over a limit; the next tick continues. */
  readonly maxBatches?: number;
}

export interface PruneReport {
  readonly deletedByAge: number;
  readonly deletedBySize: number;
  /** Used bytes after the run (see RetentionRepo.usedBytes). */
  readonly usedBytes: number;
  /** False when the batch budget ran out before the limits were met. */
  readonly done: boolean;
}

export interface Retention {
  /** Runs one pruning pass now (tests, or after a settings change); concurrent calls share the running pass. */
  pruneOnce(): Promise<PruneReport>;
  stop(): void;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function startRetention(options: RetentionOptions): Retention {
  const { db, settings, now = Date.now, intervalMs = 60_000, batch = 500, maxBatches = 200 } = options;
  // The cascade to bodies and modified properties depends on it; openDatabase sets it, this makes sure.
  if (db.pragma('foreign_keys', { simple: true }) !== 1) db.pragma('foreign_keys = ON');
  const repo = retentionRepo(db);
  let stopped = false;
  let running: Promise<PruneReport> | null = null;

  async function pass(): Promise<PruneReport> {
    const { retentionDays, maxDatabaseMb } = settings.get();
    let deletedByAge = 0;
    let deletedBySize = 0;
    let batches = 0;
    let ageDone = retentionDays === 0;
    let sizeDone = maxDatabaseMb === 0;
    const more = (): boolean => !stopped && db.open && batches < maxBatches;

    if (!ageDone) {
      const cutoff = now() - retentionDays * DAY_MS;
      while (more()) {
        const deleted = repo.deleteOlderThan(cutoff, batch);
        batches += 1;
        deletedByAge += deleted;
        if (deleted < batch) {
          ageDone = true;
          break;
        }
        await yieldToEventLoop();
      }
    }
    const limit = maxDatabaseMb * MB;
    while (!sizeDone && more()) {
      if (repo.usedBytes() <= limit) {
        sizeDone = true;
        break;
      }
      const deleted = repo.deleteOldest(batch);
      batches += 1;
      deletedBySize += deleted;
      // Nothing left to prune: what remains (the directory, cycles) is over the limit by itself.
      if (deleted === 0) sizeDone = true;
      else await yieldToEventLoop();
    }
    const usedBytes = db.open ? repo.usedBytes() : 0;
    if (!sizeDone && db.open && usedBytes <= limit) sizeDone = true;
    const done = ageDone && sizeDone;
    return { deletedByAge, deletedBySize, usedBytes, done };
  }

  const pruneOnce = (): Promise<PruneReport> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  const tick = (): void => {
    if (stopped || !db.open) return;
    pruneOnce().catch((error: unknown) => {
      // Disk full or a locked database: report and try again next tick; the listener is unaffected.
      console.error('provisioning-monitor: retention failed:', error instanceof Error ? error.message : error);
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  // A monitor restarted over its limits starts pruning soon, not a full interval later.
  const first = setTimeout(tick, Math.min(intervalMs, 5_000));
  first.unref();

  return {
    pruneOnce,
    stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
