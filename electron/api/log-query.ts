/**
 * SQL for one page of the request log (design/screens.md Screen 2, the Live table), built from a LogQuery with
 * every value bound as a parameter.
 *
 * Pages come newest first in (ts, id) order and page by keyset: the indexes of migrations 0003–0006 all end in
 * `ts` (and the implicit rowid), so one equality filter plus that order walks an index with no sort and stops after
 * `limit` rows, at any depth (design/stack.md §2: OFFSET paging costs milliseconds per 100k rows skipped).
 * The query planner is told which index drives the page (INDEXED BY) instead of guessing, since it cannot know that
 * "Failure" is rare and "Success" is not:
 * - `sorted`: a short identity prefix range, read whole and sorted (at most IDENTITY_PROBE_CAP rows);
 * - `ordered`: one equality (cycle, resource, error code, fault, replay, operation, outcome) or just time, in index order.
 * Filters the driver does not cover are checked row by row; a rare combination could then scan the whole log, so
 * such a scan is bounded to a window of rows (see `boundarySql`), and the page says where to continue.
 */

import type { ParsedInput } from '../../shared/api/contract.js';
import { LOG_ROW_COLUMNS } from './log-row.js';
import { sourceTerm } from './log-source.js';

export type LogQueryInput = ParsedInput<'logs.list'>;
type Param = string | number;
interface Fragment {
  readonly sql: string;
  readonly params: readonly Param[];
}

/** An identity prefix range read whole when it holds fewer rows than this; longer ranges page in time order. */
export const IDENTITY_PROBE_CAP = 5_000;
/** Rows a page may examine for filters its index does not cover (~25 ms); text search may examine more (~100 ms). */
export const FILTER_SCAN_ROWS = 50_000;
export const TEXT_SCAN_ROWS = 100_000;

/**
 * [low, high) holding exactly the strings that start with `prefix` under NOCASE: NOCASE folds ASCII letters on both
 * sides, and U+10FFFF sorts after every character SQLite stores as UTF-8, so no other string falls in between.
 */
export const identityRange = (prefix: string): [string, string] => [prefix, `${prefix}\u{10FFFF}`];

/** `%text%` for LIKE, with LIKE's own wildcards in the text escaped. */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The position after which a page starts: the previous page's last row, or only its id when it was pruned since. */
export type Cursor = { readonly ts: number; readonly id: number } | { readonly ts: null; readonly id: number };

export interface Driver {
  readonly kind: 'sorted' | 'ordered';
  readonly index: string;
  /** The filters the index itself applies; all others are residual. */
  readonly covers: ReadonlySet<keyof LogQueryInput>;
  /** A partial index's condition, repeated word for word so SQLite may use the index (migration 0009). */
  readonly implies?: string;
}

/** The conditions of the partial indexes of migration 0009: only the rare values are indexed. */
const PARTIAL = {
  requests_outcome_ts: "r.outcome <> 'Success'",
  requests_operation_ts: "r.operation NOT IN ('match', 'read', 'list')",
} as const;
/** Operations too common to be indexed (migration 0009); their pages walk the time index. */
const UNINDEXED_OPERATIONS: ReadonlySet<string> = new Set(['match', 'read', 'list']);

/** The driver's own condition as a WHERE term, when its index is partial. */
export const impliedTerm = (driver: Driver): Fragment | null => (driver.implies === undefined ? null : { sql: driver.implies, params: [] });

const one = <T>(values: readonly T[] | undefined): T | undefined => (values?.length === 1 ? values[0] : undefined);

/**
 * Picks the index that drives the page. `identityFits` says whether the identity prefix matches fewer than
 * IDENTITY_PROBE_CAP rows (a probe the caller runs with `identityProbeSql`).
 */
export function chooseDriver(query: LogQueryInput, identityFits: boolean): Driver {
  const time = ['from', 'to'] as const;
  const by = (index: string, ...fields: (keyof LogQueryInput)[]): Driver => ({ kind: 'ordered', index, covers: new Set([...time, ...fields]) });
  if (query.identity && identityFits) return { kind: 'sorted', index: 'requests_identity_ts', covers: new Set([...time, 'identity']) };
  if (query.resourceId !== undefined) return by('requests_resource', 'resourceId');
  if (query.cycleId !== undefined) return by('requests_cycle', 'cycleId');
  if (query.errorCode !== undefined) return by('requests_error_code', 'errorCode');
  if (query.faultOnly) return by('requests_fault', 'faultOnly');
  if (query.replayOnly) return by('requests_replay', 'replayOnly');
  const outcome = one(query.outcome);
  const partial = (index: keyof typeof PARTIAL, field: keyof LogQueryInput): Driver => ({ ...by(index, field), implies: PARTIAL[index] });
  // Failures, skips and warnings are a few percent of the log and indexed; "Success" is most of it and is not: its
  // rows are found at once walking the time index, with the outcome checked row by row.
  if (outcome !== undefined && outcome !== 'Success') return partial('requests_outcome_ts', 'outcome');
  const operation = one(query.operation);
  if (operation !== undefined && !UNINDEXED_OPERATIONS.has(operation)) return partial('requests_operation_ts', 'operation');
  return by('requests_ts');
}

const list = (column: string, values: readonly string[]): Fragment => ({ sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: values });

/** Every filter of the query as SQL terms on `requests r`, keyed by the field they come from. */
export function filterTerms(query: LogQueryInput): Map<keyof LogQueryInput, Fragment> {
  const terms = new Map<keyof LogQueryInput, Fragment>();
  const add = (field: keyof LogQueryInput, sql: string, ...params: Param[]): void => void terms.set(field, { sql, params });
  if (query.from !== undefined) add('from', 'r.ts >= ?', query.from);
  if (query.to !== undefined) add('to', 'r.ts < ?', query.to);
  if (query.outcome?.length) terms.set('outcome', list('r.outcome', query.outcome));
  if (query.action?.length) terms.set('action', list('r.action', query.action));
  if (query.operation?.length) terms.set('operation', list('r.operation', query.operation));
  if (query.entity?.length) terms.set('entity', list('r.entity', query.entity));
  if (query.method?.length) terms.set('method', list('r.method', query.method.map((m) => m.toUpperCase())));
  if (query.statusMin !== undefined) add('statusMin', 'r.status >= ?', query.statusMin);
  if (query.statusMax !== undefined) add('statusMax', 'r.status <= ?', query.statusMax);
  // COLLATE on the column side makes the comparison NOCASE, which is what lets requests_identity_ts serve it.
  if (query.identity) add('identity', 'r.identity COLLATE NOCASE >= ? AND r.identity COLLATE NOCASE < ?', ...identityRange(query.identity));
  if (query.resourceId !== undefined) add('resourceId', 'r.resource_id = ?', query.resourceId);
  if (query.cycleId !== undefined) add('cycleId', 'r.cycle_id = ?', query.cycleId);
  if (query.errorCode !== undefined) add('errorCode', 'r.error_code = ?', query.errorCode);
  if (query.changeId !== undefined) add('changeId', 'r.change_id = ?', query.changeId);
  if (query.faultOnly) add('faultOnly', 'r.fault IS NOT NULL');
  if (query.replayOnly) add('replayOnly', 'r.replay_of IS NOT NULL');
  // No index covers the sender: it is always checked row by row, within the page's bounded window.
  const source = sourceTerm(query.source);
  if (source) terms.set('source', source);
  if (query.text) {
    // The query string is stored URL-encoded as received (`userName+eq+%22alice%40…`); look for both spellings.
    const plain = containing(query.text);
    const encoded = containing(encodeURIComponent(query.text).replace(/%20/g, '+'));
    add(
      'text',
      `(r.identity LIKE ? ESCAPE '\\' OR r.path LIKE ? ESCAPE '\\' OR r.query LIKE ? ESCAPE '\\' OR r.query LIKE ? ESCAPE '\\'
        OR r.error_code LIKE ? ESCAPE '\\')`,
      plain, plain, plain, encoded, plain,
    );
  }
  return terms;
}

/** Whether any filter must be checked row by row on the driver's rows. */
export const hasResidual = (driver: Driver, terms: ReadonlyMap<keyof LogQueryInput, Fragment>): boolean =>
  [...terms.keys()].some((field) => !driver.covers.has(field));

const cursorTerm = (cursor: Cursor | null): Fragment | null => {
  if (!cursor) return null;
  return cursor.ts === null ? { sql: 'r.id < ?', params: [cursor.id] } : { sql: '(r.ts, r.id) < (?, ?)', params: [cursor.ts, cursor.id] };
};

function where(fragments: readonly (Fragment | null)[]): Fragment {
  const present = fragments.filter((f): f is Fragment => f !== null);
  return { sql: present.length ? `WHERE ${present.map((f) => f.sql).join(' AND ')}` : '', params: present.flatMap((f) => f.params) };
}

/** Counts up to IDENTITY_PROBE_CAP rows of the identity prefix within the time range, from the index alone. */
export function identityProbeSql(terms: ReadonlyMap<keyof LogQueryInput, Fragment>): Fragment {
  const w = where([terms.get('identity') ?? null, terms.get('from') ?? null, terms.get('to') ?? null]);
  return {
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM requests r INDEXED BY requests_identity_ts ${w.sql} LIMIT ?)`,
    params: [...w.params, IDENTITY_PROBE_CAP],
  };
}

/**
 * The row `window` places down the driver's order from the cursor: the page examines no row beyond it. Reads only
 * the driver's index (every index holds ts and the rowid), so skipping 100k entries costs a few milliseconds.
 */
export function boundarySql(driver: Driver, terms: ReadonlyMap<keyof LogQueryInput, Fragment>, cursor: Cursor | null, window: number): Fragment {
  const own = [...terms].filter(([field]) => driver.covers.has(field)).map(([, fragment]) => fragment);
  const w = where([impliedTerm(driver), ...own, cursorTerm(cursor)]);
  return {
    sql: `SELECT r.ts AS ts, r.id AS id FROM requests r INDEXED BY ${driver.index} ${w.sql} ORDER BY r.ts DESC, r.id DESC LIMIT 1 OFFSET ?`,
    params: [...w.params, window - 1],
  };
}

/** The page itself: up to `limit + 1` rows (the extra one tells whether there is more), newest first. */
export function pageSql(
  driver: Driver,
  terms: ReadonlyMap<keyof LogQueryInput, Fragment>,
  cursor: Cursor | null,
  bound: { readonly ts: number; readonly id: number } | null,
  limit: number,
): Fragment {
  const boundTerm = bound ? { sql: '(r.ts, r.id) >= (?, ?)', params: [bound.ts, bound.id] } : null;
  const w = where([impliedTerm(driver), ...terms.values(), cursorTerm(cursor), boundTerm]);
  return {
    sql: `SELECT ${LOG_ROW_COLUMNS} FROM requests r INDEXED BY ${driver.index} ${w.sql} ORDER BY r.ts DESC, r.id DESC LIMIT ?`,
    params: [...w.params, limit + 1],
  };
}
