/**
 * failures.groups: failed exchanges grouped by signature, Sentry-style (design/screens.md Screen 4).
 *
 * Everything is aggregated by SQL over the narrow `failures` table (migration 0006) through its covering index on
 * the signature id; JavaScript only shapes the grouped rows (a few dozen). The one thing SQL cannot do is the detail
 * template (no regular expressions), so each failure is put into its group once, the first time groups are read
 * after it was logged, and grouping then runs on small integers. Who sent each failure is looked up the same way,
 * once (failure-sources.ts).
 */

import type { ParsedInput } from '../../shared/api/contract.js';
import type { LogSource } from '../../shared/api/log-types.js';
import type { FailureGroup } from '../../shared/api/provisioning-types.js';
import type { Operation } from '../../shared/domain/operation.js';
import type Database from 'better-sqlite3';
import type { ApiDeps, NamespaceHandlers } from './deps.js';
import { errorInfo } from './explain.js';
import { failureTitle } from './failure-signature.js';
import { signer } from './failure-signer.js';
import { failureSources, type SqlTerm } from './failure-sources.js';
import { identityRange } from './log-query.js';

const HOUR_MS = 3_600_000;
const TREND_HOURS = 24;
/** Identities and cycles listed per group; the count stays exact. */
const MAX_IDENTITIES = 50;
const MAX_CYCLES = 50;

interface GroupRow {
  readonly signature: string;
  readonly entity: string;
  readonly operation: string;
  readonly status: number;
  readonly scim_type: string | null;
  readonly error_code: string;
  readonly signature_id: number;
  readonly n: number;
  readonly first_seen: number;
  readonly last_seen: number;
  readonly sample: number;
  readonly open: number;
  readonly identities: string;
  readonly cycles: string;
}

interface TrendRow {
  readonly signature_id: number;
  readonly bucket: number;
  readonly n: number;
}

interface AppFailureRow {
  readonly signature_id: number;
  readonly request_id: number;
}

type Filter = NonNullable<ParsedInput<'failures.groups'>>;

/** The WHERE clause for a query's filters and the sender terms, with its parameters (bound, never interpolated). */
function whereOf(query: Filter, from: number | undefined, ...senders: (SqlTerm | null)[]): { sql: string; params: (string | number)[] } {
  const terms: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]): void => {
    terms.push(sql);
    params.push(...values);
  };
  if (from !== undefined) add('ts >= ?', from);
  if (query.to !== undefined) add('ts < ?', query.to);
  if (query.cycleId !== undefined) add('cycle_id = ?', query.cycleId);
  // `identity` is NOCASE in this table, so the range compares case-insensitively and walks failures_identity.
  if (query.identity) add('identity >= ? AND identity < ?', ...identityRange(query.identity));
  for (const term of senders) if (term !== null) add(term.sql, ...term.params);
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

/** A group's senders: the app's failures as counted, Entra's the rest of the group. */
function entraRest(app: Record<LogSource, number> | undefined, count: number): Record<LogSource, number> {
  return app === undefined ? { entra: count, simulator: 0, replay: 0 } : { ...app, entra: count - app.simulator - app.replay };
}

function parseList<T>(json: string, keep: (value: unknown) => value is T): T[] {
  const values: unknown = JSON.parse(json);
  return Array.isArray(values) ? values.filter(keep) : [];
}

export function failureHandlers(deps: ApiDeps): NamespaceHandlers<'failures'> {
  const { db } = deps.store;
  const sign = signer(db);
  const senders = failureSources(db);
  // One statement per shape of filters: a handful, since values are bound.
  const statements = new Map<string, Database.Statement<unknown[]>>();
  const statement = (sql: string): Database.Statement<unknown[]> => {
    let prepared = statements.get(sql);
    if (!prepared) statements.set(sql, (prepared = db.prepare(sql)));
    return prepared;
  };
  const groupsSql = (where: string): string =>
    `SELECT s.signature, s.entity, s.operation, s.status, s.scim_type, s.error_code, g.*
     FROM (SELECT signature_id, count(*) AS n, min(ts) AS first_seen, max(ts) AS last_seen, max(request_id) AS sample,
             sum(resolved_by IS NULL) AS open, json_group_array(DISTINCT identity) AS identities,
             json_group_array(DISTINCT cycle_id) AS cycles
           FROM failures ${where} GROUP BY signature_id) g
     JOIN failure_signatures s ON s.id = g.signature_id`;
  const trendSql = (where: string): string =>
    `SELECT signature_id, CAST((ts - ?) / ${HOUR_MS} AS INTEGER) AS bucket, count(*) AS n FROM failures ${where} GROUP BY signature_id, bucket`;

  /** The app's failures per group and sender, read through the short list of their ids; Entra's are the rest. */
  const appCounts = (query: Filter): Map<number, Record<LogSource, number>> => {
    const counts = new Map<number, Record<LogSource, number>>();
    // Only the wanted app senders' ids, so this term alone applies the query's sender filter.
    const app = senders.appTerm(query.source);
    if (app === null) return counts;
    const where = whereOf(query, query.from, app);
    for (const row of statement(`SELECT signature_id, request_id FROM failures ${where.sql}`).all(...where.params) as AppFailureRow[]) {
      const sender = senders.appSourceOf(row.request_id);
      if (sender === undefined) continue;
      const tally = counts.get(row.signature_id) ?? { entra: 0, simulator: 0, replay: 0 };
      tally[sender] += 1;
      counts.set(row.signature_id, tally);
    }
    return counts;
  };

  return {
    'failures.groups': (input) => {
      const query: Filter = input ?? {};
      sign();
      senders.refresh();
      const source = senders.term(query.source);
      const trendStart = deps.now() - TREND_HOURS * HOUR_MS;
      const groupsWhere = whereOf(query, query.from, source);
      const trendWhere = whereOf(query, Math.max(query.from ?? 0, trendStart), source);
      const trends = new Map<number, number[]>();
      for (const row of statement(trendSql(trendWhere.sql)).all(trendStart, ...trendWhere.params) as TrendRow[]) {
        const buckets = trends.get(row.signature_id) ?? new Array<number>(TREND_HOURS).fill(0);
        const bucket = Math.min(TREND_HOURS - 1, Math.max(0, row.bucket));
        buckets[bucket] = (buckets[bucket] ?? 0) + row.n;
        trends.set(row.signature_id, buckets);
      }
      const bySource = appCounts(query);
      const result: FailureGroup[] = [];
      for (const row of statement(groupsSql(groupsWhere.sql)).all(...groupsWhere.params) as GroupRow[]) {
        if (query.unresolvedOnly && row.open === 0) continue;
        const info = errorInfo(row.error_code, row.status, row.operation as Operation);
        const parts = { entity: row.entity, operation: row.operation, status: row.status, scimType: row.scim_type, errorCode: row.error_code };
        const cycles = parseList(row.cycles, (v): v is number => typeof v === 'number').sort((a, b) => a - b);
        result.push({
          signature: row.signature,
          title: failureTitle(parts),
          operation: row.operation as Operation,
          httpStatus: row.status,
          scimType: row.scim_type,
          errorCode: info.code,
          meaning: info.meaning,
          recommendedAction: info.recommendedAction,
          retry: info.retry,
          count: row.n,
          identities: parseList(row.identities, (v): v is string => typeof v === 'string').slice(0, MAX_IDENTITIES),
          firstSeen: row.first_seen,
          lastSeen: row.last_seen,
          cycles: cycles.slice(-MAX_CYCLES),
          trend: trends.get(row.signature_id) ?? new Array<number>(TREND_HOURS).fill(0),
          resolved: row.open === 0,
          sampleRequestId: row.sample,
          bySource: entraRest(bySource.get(row.signature_id), row.n),
        });
      }
      return result.sort((a, b) => b.lastSeen - a.lastSeen || b.count - a.count);
    },
  };
}
