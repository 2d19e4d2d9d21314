/**
 * Reads the rows of an export in chunks, oldest first, with the same filters as the Live screen (LogQuery; the
 * SQL terms and index choice come from electron/api/log-query.ts) and keyset paging on (ts, id), so memory stays
 * flat at any size (issue 7). Between chunks it yields to the event loop, so the SCIM listener keeps answering
 * Entra while an export runs in the same process.
 *
 * Filters the driving index does not cover are checked row by row; so that a rare combination never scans the
 * whole log in one synchronous call, each chunk examines at most `window` index entries and continues from there.
 */

import type { Db } from '../db/open.js';
import {
  chooseDriver,
  impliedTerm,
  filterTerms,
  hasResidual,
  IDENTITY_PROBE_CAP,
  identityProbeSql,
  type Driver,
  type LogQueryInput,
} from '../api/log-query.js';
import type { ModifiedProperty } from '../../shared/api/log-types.js';
import type { Redactor } from './redact.js';
import { RAW_COLUMNS, toExportRow, type RawRow } from './row.js';
import type { ExportRow } from './types.js';

/** The Live screen's filters without its paging. */
export type ExportQuery = Omit<LogQueryInput, 'before' | 'limit'>;

/**
 * Rows per chunk. Measured on 100,000 failures to CSV (bench/export.ts): 500 rows use ~25% less CPU and a fraction
 * of the memory of 2,000, because a chunk's objects then die young (cheap scavenges) instead of being promoted; and
 * each chunk holds the event loop for only a few milliseconds.
 */
export const CHUNK_ROWS = 500;
/** Index entries one chunk may examine for filters its index does not cover (~10–25 ms of SQLite). */
export const CHUNK_WINDOW = 50_000;

/** What a writer reads besides the narrow row; everything else stays in SQLite (less to read, less garbage). */
export interface ReadNeeds {
  readonly headers?: boolean;
  readonly requestBody?: boolean;
  readonly responseBody?: boolean;
  readonly modified?: boolean;
  /** The SCIM error detail of failures (migration 0006's `failures.detail`). */
  readonly detail?: boolean;
}

export interface ExportSource {
  /** Rows the export covers: exact when the index answers every filter, else an upper bound from the index. */
  estimate(): { readonly rows: number; readonly exact: boolean };
  chunks(needs: ReadNeeds, signal?: AbortSignal): AsyncGenerator<ExportRow[]>;
}

interface ModifiedRow {
  readonly request_id: number;
  readonly attribute: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Failures only, within the caller's filters: an outcome filter that excludes Failure leaves nothing. */
export function scopeQuery(query: ExportQuery, failuresOnly: boolean): { query: ExportQuery; empty: boolean } {
  if (!failuresOnly) return { query, empty: false };
  const empty = query.outcome !== undefined && query.outcome.length > 0 && !query.outcome.includes('Failure');
  return { query: { ...query, outcome: ['Failure'] }, empty };
}

export function exportSource(db: Db, query: ExportQuery, redactor: Redactor, options: { chunkRows?: number; window?: number } = {}): ExportSource {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const window = options.window ?? CHUNK_WINDOW;
  const terms = filterTerms(query);
  let identityFits = false;
  if (query.identity) {
    const probe = identityProbeSql(terms);
    identityFits = (db.prepare(probe.sql).get(...probe.params) as { n: number }).n < IDENTITY_PROBE_CAP;
  }
  const driver: Driver = chooseDriver(query, identityFits);
  const residual = driver.kind === 'ordered' && hasResidual(driver, terms);
  const implied = impliedTerm(driver);
  const all = [...(implied ? [implied] : []), ...terms.values()];
  const own = [...(implied ? [implied] : []), ...[...terms].filter(([field]) => driver.covers.has(field)).map(([, fragment]) => fragment)];
  const sqlOf = (fragments: typeof all): string => fragments.map((f) => `${f.sql} AND `).join('');
  const paramsOf = (fragments: typeof all): (string | number)[] => fragments.flatMap((f) => [...f.params]);
  const from = `FROM requests r INDEXED BY ${driver.index}`;
  // A cursor below every row ((-1, -1)) lets the first chunk use the same statement as the others.
  const boundary = db.prepare(`SELECT r.ts AS ts, r.id AS id ${from} WHERE ${sqlOf(own)} (r.ts, r.id) > (?, ?) ORDER BY r.ts, r.id LIMIT 1 OFFSET ?`);
  const pageOf = (needs: ReadNeeds): string => {
    const column = (wanted: boolean | undefined, sql: string, name: string): string => `${wanted ? sql : 'NULL'} AS ${name}`;
    const bodies = needs.headers || needs.requestBody || needs.responseBody;
    return `SELECT ${RAW_COLUMNS}, ${column(needs.detail, 'f.detail', 'detail')},
       ${column(needs.headers, 'b.req_headers', 'req_headers')}, ${column(needs.requestBody, 'b.req_body', 'req_body')},
       ${column(needs.headers, 'b.res_headers', 'res_headers')}, ${column(needs.responseBody, 'b.res_body', 'res_body')}
     ${from} ${bodies ? 'LEFT JOIN request_bodies b ON b.request_id = r.id' : ''} ${needs.detail ? 'LEFT JOIN failures f ON f.request_id = r.id' : ''}
     WHERE ${sqlOf(all)} (r.ts, r.id) > (?, ?) AND (r.ts, r.id) <= (?, ?) ORDER BY r.ts, r.id LIMIT ?`;
  };
  const modified = db.prepare<[string], ModifiedRow>(
    `SELECT request_id, attribute, old_value AS oldValue, new_value AS newValue FROM modified_properties
     WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY request_id, attribute`,
  );

  return {
    estimate() {
      const counted = residual ? own : all;
      const row = db.prepare(`SELECT count(*) AS n ${from} ${counted.length ? `WHERE ${counted.map((f) => f.sql).join(' AND ')}` : ''}`).get(...paramsOf(counted)) as { n: number };
      return { rows: row.n, exact: !residual };
    },
    async *chunks(needs, signal) {
      const page = db.prepare(pageOf(needs)).raw(true);
      let cursor = { ts: -1, id: -1 };
      // The end of the current window: undefined until computed, null when the index ends before a full window.
      let bound: { ts: number; id: number } | null | undefined = residual ? undefined : null;
      for (;;) {
        signal?.throwIfAborted();
        if (bound === undefined) bound = (boundary.get(...paramsOf(own), cursor.ts, cursor.id, window - 1) as { ts: number; id: number } | undefined) ?? null;
        const upper = bound ?? { ts: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
        const rows = page.all(...paramsOf(all), cursor.ts, cursor.id, upper.ts, upper.id, chunkRows) as RawRow[];
        if (rows.length > 0) {
          const props = new Map<number, ModifiedProperty[]>();
          if (needs.modified) {
            for (const { request_id: id, ...property } of modified.all(JSON.stringify(rows.map((r) => r[0])))) {
              const list = props.get(id);
              if (list) list.push(property);
              else props.set(id, [property]);
            }
          }
          yield rows.map((row) => toExportRow(row, needs.headers === true, redactor, props.get(row[0])));
        }
        const last = rows[rows.length - 1];
        if (rows.length === chunkRows && last) cursor = { ts: last[1], id: last[0] };
        else if (bound) {
          // Nothing more matched up to the window's end: the next window starts there.
          cursor = bound;
          bound = undefined;
        } else return;
        await yieldToLoop();
      }
    },
  };
}
