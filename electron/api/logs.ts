/**
 * logs.list and logs.get: the Live screen's table and detail pane (design/screens.md Screen 2), with the links
 * between a replayed exchange and its replays (issue 8).
 *
 * Lists never read bodies; one exchange in full reads its bodies, modified properties and, for a failure, what
 * Entra will record (entra-behavior.md §4). Headers were redacted when the row was written, so the bearer token
 * appears here as `Bearer ••••last4` and nowhere in full.
 */

import { REPLAYS_SHOWN, type ExchangeDetail, type LogPage, type LogRow } from '../../shared/api/log-types.js';
import type { EntraStatus } from '../../shared/domain/operation.js';
import { ApiFailure } from '../../shared/api/result.js';
import { conformanceHints } from '../provisioning/conformance.js';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';
import { explainFailure } from './explain.js';
import {
  FILTER_SCAN_ROWS,
  IDENTITY_PROBE_CAP,
  TEXT_SCAN_ROWS,
  boundarySql,
  chooseDriver,
  filterTerms,
  hasResidual,
  identityProbeSql,
  pageSql,
  type Cursor,
  type LogQueryInput,
} from './log-query.js';
import { LOG_ROW_COLUMNS, toLogRow, type RequestRow } from './log-row.js';

const DEFAULT_LIMIT = 100;
/** Distinct statement shapes kept prepared; filters combine into a few dozen in practice. */
const MAX_CACHED = 300;

type Statement = Database.Statement<unknown[]>;

function statementCache(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= MAX_CACHED) cache.clear();
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

const headers = (json: string): Record<string, string> => {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
  } catch {
    return {};
  }
};

interface BodiesRow {
  readonly req_headers: string;
  readonly req_body: string | null;
  readonly res_headers: string;
  readonly res_body: string | null;
}

export interface ScanWindows {
  /** Rows a page may examine for filters its index does not cover. */
  readonly filterRows: number;
  /** Rows a free-text search may examine per page. */
  readonly textRows: number;
}

/** Lists pages of the log; exported for the benchmark, which measures exactly what the UI calls, and for tests. */
export function logLister(db: Db, windows: ScanWindows = { filterRows: FILTER_SCAN_ROWS, textRows: TEXT_SCAN_ROWS }): (query: LogQueryInput) => LogPage {
  const prepare = statementCache(db);
  const cursorAt = db.prepare<[number], { ts: number }>('SELECT ts FROM requests WHERE id = ?');
  return (query) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    let cursor: Cursor | null = null;
    if (query.before !== undefined) {
      const at = cursorAt.get(query.before);
      cursor = at ? { ts: at.ts, id: query.before } : { ts: null, id: query.before };
    }
    const terms = filterTerms(query);
    let identityFits = false;
    if (query.identity) {
      const probe = identityProbeSql(terms);
      identityFits = (prepare(probe.sql).get(...probe.params) as { n: number }).n < IDENTITY_PROBE_CAP;
    }
    const driver = chooseDriver(query, identityFits);
    let bound: { ts: number; id: number } | null = null;
    if (driver.kind === 'ordered' && hasResidual(driver, terms)) {
      const boundary = boundarySql(driver, terms, cursor, query.text ? windows.textRows : windows.filterRows);
      bound = (prepare(boundary.sql).get(...boundary.params) as { ts: number; id: number } | undefined) ?? null;
    }
    const page = pageSql(driver, terms, cursor, bound, limit);
    const rows = (prepare(page.sql).all(...page.params) as RequestRow[]).map(toLogRow);
    if (rows.length > limit) return { rows: rows.slice(0, limit), nextBefore: rows[limit - 1]?.id ?? null };
    // The window ended before the page filled: nothing matched between the last row and the bound, so the next page
    // starts below the bound (the UI offers "search older" rather than the call silently scanning the whole log).
    return { rows, nextBefore: bound ? bound.id : null };
  };
}

export function logHandlers(deps: ApiDeps): NamespaceHandlers<'logs'> {
  const { db } = deps.store;
  const list = logLister(db);
  const row = db.prepare<[number], RequestRow>(`SELECT ${LOG_ROW_COLUMNS} FROM requests r WHERE r.id = ?`);
  const bodies = db.prepare<[number], BodiesRow>('SELECT req_headers, req_body, res_headers, res_body FROM request_bodies WHERE request_id = ?');

  return {
    'logs.list': (query) => list(query),
    'logs.get': ({ id }) => {
      const found = row.get(id);
      if (!found) throw new ApiFailure('not-found', `No logged request ${id}; it may have been pruned by retention.`);
      const logRow: LogRow = toLogRow(found);
      const body = bodies.get(id);
      const responseBody = body?.res_body ?? null;
      const requestBody = body?.req_body ?? null;
      const responseHeaders = body ? headers(body.res_headers) : {};
      const detail: ExchangeDetail = {
        ...logRow,
        requestHeaders: body ? headers(body.req_headers) : {},
        requestBody,
        responseHeaders,
        responseBody,
        modified: deps.store.log.modified(id),
        explanation: explainFailure({ ...logRow, responseBody }),
        // Computed from what was stored, so old rows and both modes (built-in target, proxy) get them.
        hints: conformanceHints({ ...logRow, requestBody, responseHeaders, responseBody }),
        // The other side of the replay link (LogRow.replayOf): what was re-sent from this exchange.
        replays: deps.store.log.replaysOf(id, REPLAYS_SHOWN).map((r) => ({ ...r, outcome: (r.outcome ?? 'Success') as EntraStatus })),
      };
      return detail;
    },
  };
}
