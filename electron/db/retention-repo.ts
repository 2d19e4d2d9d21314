/**
 * SQL for retention: delete the oldest log rows in bounded batches, and measure how much of the file is in use.
 *
 * Bodies (`request_bodies`) and modified properties go with their rows through ON DELETE CASCADE
 * (migrations 0003, 0004), which needs `foreign_keys = ON` on the connection (open.ts sets it). Cycles, the
 * directory, scope and health history are never touched: they are small, and cycles stay as history.
 */

import type { Db } from './open.js';

export interface RetentionRepo {
  /** Deletes up to `limit` of the oldest rows with `ts < cutoff`, in one transaction; returns how many. */
  deleteOlderThan(cutoff: number, limit: number): number;
  /** Deletes up to `limit` of the oldest rows, in one transaction; returns how many. */
  deleteOldest(limit: number): number;
  /**
   * Bytes of the database in use: (page_count − freelist_count) × page_size. Without VACUUM the file never shrinks,
   * but freed pages are reused by new rows, so the used size is what a size limit can hold steady.
   */
  usedBytes(): number;
  /** Total bytes of the main database file as SQLite sees it (page_count × page_size). */
  fileBytes(): number;
}

export function retentionRepo(db: Db): RetentionRepo {
  // Both pick victims through the `requests_ts` index, so a batch costs the same whatever the log's size.
  const olderThan = db.prepare<[number, number]>(
    'DELETE FROM requests WHERE id IN (SELECT id FROM requests WHERE ts < ? ORDER BY ts, id LIMIT ?)',
  );
  const oldest = db.prepare<[number]>('DELETE FROM requests WHERE id IN (SELECT id FROM requests ORDER BY ts, id LIMIT ?)');
  const pages = (): { count: number; free: number; size: number } => ({
    count: Number(db.pragma('page_count', { simple: true })),
    free: Number(db.pragma('freelist_count', { simple: true })),
    size: Number(db.pragma('page_size', { simple: true })),
  });
  // One statement is its own transaction in SQLite; wrapping makes that explicit and keeps the cascade atomic.
  const run = db.transaction((statement: () => number) => statement());
  return {
    deleteOlderThan: (cutoff, limit) => run(() => olderThan.run(cutoff, limit).changes),
    deleteOldest: (limit) => run(() => oldest.run(limit).changes),
    usedBytes() {
      const p = pages();
      return (p.count - p.free) * p.size;
    },
    fileBytes() {
      const p = pages();
      return p.count * p.size;
    },
  };
}
