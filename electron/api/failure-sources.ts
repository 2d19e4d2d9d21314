/**
 * Who sent each failure (LogRow.source), for failures.groups' `source` filter and its per-group counts.
 *
 * `failures` (migration 0006) holds no token, so a failure's sender is found through its request: one primary-key
 * read of `requests` and one of `tokens` (log-source.ts). Done inside every grouping, that read cost ~110 ms on the
 * 50,000 failures of a 1,000,000-row log, more than the whole aggregate's budget. A sender never changes once
 * logged (the row's token and `replay_of` are written once, and a token is internal from birth), so each failure
 * is looked up once, the first time groups are read after it was logged, like its signature (failure-signer.ts),
 * and only the app's failures are remembered: a rehearsal's few hundred ids, where Entra's are tens of thousands.
 * Groupings then test `request_id`, which every index of `failures` carries, against that short list.
 */

import type { LogSource } from '../../shared/api/log-types.js';
import type { Db } from '../db/open.js';
import { INTERNAL_LABEL_COLUMN, sourceOf } from './log-source.js';

type AppSource = Exclude<LogSource, 'entra'>;

interface AppRow {
  readonly id: number;
  readonly replay_of: number | null;
  readonly internal_label: string | null;
}

export interface SqlTerm {
  readonly sql: string;
  readonly params: readonly string[];
}

export interface FailureSources {
  /** Looks up the senders of the failures logged since the last call. */
  refresh(): void;
  /** A WHERE term on `failures` keeping only these senders' failures; null when it would leave nothing out. */
  term(sources: readonly LogSource[] | undefined): SqlTerm | null;
  /** The term that keeps only the app's failures among these senders (all when none are named); null for none. */
  appTerm(sources: readonly LogSource[] | undefined): SqlTerm | null;
  /** The sender of a failure known to be the app's; undefined for Entra's. */
  appSourceOf(requestId: number): AppSource | undefined;
}

const APP_SOURCES: readonly AppSource[] = ['simulator', 'replay'];
const ALL_SOURCES = 1 + APP_SOURCES.length;

export function failureSources(db: Db): FailureSources {
  // Two subqueries, so each is one probe of the primary key (min and max together scan the table).
  const bounds = db.prepare<[], { low: number | null; high: number | null }>(
    'SELECT (SELECT min(request_id) FROM failures) AS low, (SELECT max(request_id) FROM failures) AS high',
  );
  const appRows = db.prepare<[number, number], AppRow>(
    `SELECT * FROM (
       SELECT r.id, r.replay_of, ${INTERNAL_LABEL_COLUMN}
       FROM failures f JOIN requests r ON r.id = f.request_id
       WHERE f.request_id > ? AND f.request_id <= ?)
     WHERE replay_of IS NOT NULL OR internal_label IS NOT NULL`,
  );
  const app = new Map<number, AppSource>();
  /** Every failure up to this request id has been looked at. */
  let seen = 0;
  let low = 0;
  // The lists as bound to SQL (JSON for json_each), rebuilt only after the app's failures changed.
  const lists = new Map<string, string>();
  const idList = (wanted: (source: AppSource) => boolean): string => {
    const key = APP_SOURCES.filter(wanted).join();
    let list = lists.get(key);
    if (list === undefined) lists.set(key, (list = JSON.stringify([...app].filter(([, source]) => wanted(source)).map(([id]) => id))));
    return list;
  };

  return {
    refresh() {
      const span = bounds.get() ?? { low: null, high: null };
      const high = span.high ?? 0;
      // The newest failures were deleted (the log was cleared): their ids may be handed out again, so start over.
      if (high < seen) {
        lists.clear();
        app.clear();
        seen = 0;
        low = 0;
      }
      // Retention pruned the oldest failures: forget them, so the list stays the size of what is still logged.
      if ((span.low ?? 0) > low) {
        low = span.low ?? 0;
        for (const id of app.keys()) if (id < low && app.delete(id)) lists.clear();
      }
      if (high === seen) return;
      for (const row of appRows.all(seen, high)) {
        const source = sourceOf(row.replay_of, row.internal_label);
        if (source === 'entra') continue;
        app.set(row.id, source);
        lists.clear();
      }
      seen = high;
    },
    term(sources) {
      const wanted = new Set(sources ?? []);
      if (wanted.size === 0 || wanted.size === ALL_SOURCES) return null;
      // With Entra wanted, leave out the unwanted app senders' failures; without it, keep only the wanted ones'.
      if (wanted.has('entra')) {
        const left = idList((source) => !wanted.has(source));
        return left === '[]' ? null : { sql: 'request_id NOT IN (SELECT value FROM json_each(?))', params: [left] };
      }
      return { sql: 'request_id IN (SELECT value FROM json_each(?))', params: [idList((source) => wanted.has(source))] };
    },
    appTerm(sources) {
      const wanted = APP_SOURCES.filter((source) => sources === undefined || sources.length === 0 || sources.includes(source));
      const list = idList((source) => wanted.includes(source));
      return list === '[]' ? null : { sql: 'request_id IN (SELECT value FROM json_each(?))', params: [list] };
    },
    appSourceOf: (requestId) => app.get(requestId),
  };
}
