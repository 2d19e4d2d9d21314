/**
 * WAL checkpoints on a worker thread, so the listener's thread never waits for them (issue "Performance").
 *
 * In WAL mode every commit appends pages to the -wal file, and by default the commit that pushes it past 1,000 pages
 * also copies them into the database and fsyncs it (sqlite.org/wal.html §"Automatic Checkpoint"). That fsync ran on
 * the thread answering Entra, inside a group commit: measured here, it was a fifth of a logged GET's CPU and doubled
 * p99. A PASSIVE checkpoint from a second connection does the same work without blocking writers or readers
 * (sqlite.org/c3ref/wal_checkpoint_v2.html), so this worker runs one every CHECKPOINT_INTERVAL_MS, and sooner when
 * the writer says it committed NUDGE_COMMITS times, and the listener's connection keeps automatic checkpoints only as
 * a safety net at WRITER_FALLBACK_PAGES, for a worker that falls behind. The WAL is reused from its start after each
 * complete checkpoint and truncated back to WAL_SIZE_LIMIT_BYTES when a burst made it larger.
 *
 * synchronous=NORMAL is kept (open.ts): commits still need no fsync, checkpoints still fsync, just elsewhere. If the
 * worker cannot start or dies, the listener's connection takes automatic checkpoints back, so the WAL never grows
 * without bound.
 */

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './open.js';

export const CHECKPOINT_INTERVAL_MS = 250;
/**
 * Commits between two nudges: at ~15 pages a group commit, about 0.5 MB of WAL. Small checkpoints keep each fsync
 * short, and a long one stalls the writer's WAL appends on the same file system: in the bench's sequence (match, get,
 * create, patch; 10 connections) nudging every 64 commits left create's p99 at 13 ms and patch's at 15–16 ms; every
 * 8 commits gave 8–9 ms and 6 ms, with no loss of throughput (issue "Performance").
 */
export const NUDGE_COMMITS = 8;
/** SQLite's own default, restored when the worker is gone. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/** The writer checkpoints itself only past this many WAL pages (16 MB of 4 KB pages) while the worker runs. */
const WRITER_FALLBACK_PAGES = 4000;
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

export interface Checkpointer {
  /** Stops the worker and gives automatic checkpoints back to `db`; resolves once the worker's connection is closed. */
  stop(): Promise<void>;
  /** Whether the worker is running (false before it is ready and after it stopped or failed). */
  running(): boolean;
  /** Called by the writer after each commit; every NUDGE_COMMITS-th call asks for a checkpoint now. */
  committed(): void;
}

// Plain CommonJS run with `eval`, so the worker needs no file of its own next to the built or packaged code.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'checkpoint') return checkpoint();
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage({ type: 'ready' });
`;

/**
 * Starts checkpointing `file` (the database `db` has open) on a worker thread. `db` keeps automatic checkpoints until
 * the worker says it is ready.
 */
export function startCheckpointer(db: Db, file: string, options: { readonly nativeBinding?: string; readonly intervalMs?: number } = {}): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { module, file, nativeBinding: options.nativeBinding, intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS },
  });
  let ready = false;
  let stopped = false;
  const giveBack = (): void => {
    ready = false;
    if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: { type: string; message?: string }) => {
    if (message.type === 'ready' && !stopped) {
      ready = true;
      db.pragma(`wal_autocheckpoint = ${WRITER_FALLBACK_PAGES}`);
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    } else if (message.type === 'error') {
      console.error('provisioning-monitor: a background WAL checkpoint failed:', message.message);
    }
  });
  worker.on('error', (error) => {
    console.error('provisioning-monitor: the WAL checkpoint worker failed; checkpoints run on commit again:', error.message);
    giveBack();
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => {
    giveBack();
    resolve();
  }));
  // The worker must not keep a process alive that has nothing else to do (the CLI's one-shot commands).
  worker.unref();
  let commits = 0;
  return {
    running: () => ready,
    committed() {
      commits += 1;
      if (ready && commits % NUDGE_COMMITS === 0) worker.postMessage('checkpoint');
    },
    async stop() {
      if (stopped) return exited;
      stopped = true;
      giveBack();
      // Held again while it winds down: with nothing else left (a closing CLI), an unreferenced worker would let the
      // process exit before the caller closes the database.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
