/**
 * failures.groups: failed exchanges grouped by signature, Sentry-style (design/screens.md Screen 4).
 *
 * Everything is aggregated by SQL over the narrow `failures` table (migration 0006) through its covering index on
 * the signature id; JavaScript only shapes the grouped rows (a few dozen). The one thing SQL cannot do is the detail
 * template (no regular expressions), so each failure is put into its group once, the first time groups are read
 * after it was logged, and grouping then runs on small integers.
 */

import type { ParsedInput } from '../../shared/api/contract.js';
import type { FailureGroup } from '../../shared/api/provisioning-types.js';
import type { Operation } from '../../shared/domain/operation.js';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';
import { errorInfo } from './explain.js';
import { detailTemplate, failureTitle, signatureOf } from './failure-signature.js';
import { identityRange } from './log-query.js';

const HOUR_MS = 3_600_000;
const TREND_HOURS = 24;
/** Identities and cycles listed per group; the count stays exact. */
const MAX_IDENTITIES = 50;
const MAX_CYCLES = 50;
const SIGN_BATCH = 2_000;

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

interface UnsignedRow {
  readonly id: number;
  readonly entity: string;
  readonly operation: string;
  readonly status: number;
  readonly scim_type: string | null;
  readonly error_code: string;
  readonly detail: string | null;
}

type Filter = NonNullable<ParsedInput<'failures.groups'>>;

/** The WHERE clause for a query's filters, with its parameters (bound, never interpolated). */
function whereOf(query: Filter, from: number | undefined): { sql: string; params: (string | number)[] } {
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
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

/** Puts the failures logged since the last read into their groups, in one short transaction per batch. */
function signer(db: Db): () => void {
  const pending = db.prepare<[number], UnsignedRow>(
    `SELECT request_id AS id, entity, operation, status, scim_type, error_code, detail
     FROM failures INDEXED BY failures_unsigned WHERE signature_id IS NULL LIMIT ?`,
  );
  const add = db.prepare<[string, string, string, number, string | null, string, string]>(
    `INSERT INTO failure_signatures (signature, entity, operation, status, scim_type, error_code, template) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (signature) DO NOTHING`,
  );
  const idOf = db.prepare<[string], { id: number }>('SELECT id FROM failure_signatures WHERE signature = ?');
  const assign = db.prepare<[number, number]>('UPDATE failures SET signature_id = ? WHERE request_id = ?');
  const known = new Map<string, number>();
  const batch = db.transaction((rows: readonly UnsignedRow[]) => {
    for (const row of rows) {
      const template = detailTemplate(row.detail);
      const signature = signatureOf({ entity: row.entity, operation: row.operation, status: row.status, scimType: row.scim_type, errorCode: row.error_code, template });
      let id = known.get(signature);
      if (id === undefined) {
        add.run(signature, row.entity, row.operation, row.status, row.scim_type, row.error_code, template);
        id = idOf.get(signature)?.id ?? 0;
        known.set(signature, id);
      }
      assign.run(id, row.id);
    }
  });
  return () => {
    for (;;) {
      const rows = pending.all(SIGN_BATCH);
      if (rows.length > 0) batch(rows);
      if (rows.length < SIGN_BATCH) return;
    }
  };
}

function parseList<T>(json: string, keep: (value: unknown) => value is T): T[] {
  const values: unknown = JSON.parse(json);
  return Array.isArray(values) ? values.filter(keep) : [];
}

export function failureHandlers(deps: ApiDeps): NamespaceHandlers<'failures'> {
  const { db } = deps.store;
  const sign = signer(db);
  const statements = new Map<string, { groups: Database.Statement<unknown[]>; trend: Database.Statement<unknown[]> }>();
  const prepared = (groupsWhere: string, trendWhere: string) => {
    const key = `${groupsWhere}|${trendWhere}`;
    let entry = statements.get(key);
    if (!entry) {
      entry = {
        groups: db.prepare(
          `SELECT s.signature, s.entity, s.operation, s.status, s.scim_type, s.error_code, g.*
           FROM (SELECT signature_id, count(*) AS n, min(ts) AS first_seen, max(ts) AS last_seen, max(request_id) AS sample,
                   sum(resolved_by IS NULL) AS open, json_group_array(DISTINCT identity) AS identities,
                   json_group_array(DISTINCT cycle_id) AS cycles
                 FROM failures ${groupsWhere} GROUP BY signature_id) g
           JOIN failure_signatures s ON s.id = g.signature_id`,
        ),
        trend: db.prepare(
          `SELECT signature_id, CAST((ts - ?) / ${HOUR_MS} AS INTEGER) AS bucket, count(*) AS n
           FROM failures ${trendWhere} GROUP BY signature_id, bucket`,
        ),
      };
      statements.set(key, entry);
    }
    return entry;
  };

  return {
    'failures.groups': (input) => {
      const query: Filter = input ?? {};
      sign();
      const trendStart = deps.now() - TREND_HOURS * HOUR_MS;
      const groupsWhere = whereOf(query, query.from);
      const trendWhere = whereOf(query, Math.max(query.from ?? 0, trendStart));
      const { groups, trend } = prepared(groupsWhere.sql, trendWhere.sql);
      const trends = new Map<number, number[]>();
      for (const row of trend.all(trendStart, ...trendWhere.params) as TrendRow[]) {
        const buckets = trends.get(row.signature_id) ?? new Array<number>(TREND_HOURS).fill(0);
        const bucket = Math.min(TREND_HOURS - 1, Math.max(0, row.bucket));
        buckets[bucket] = (buckets[bucket] ?? 0) + row.n;
        trends.set(row.signature_id, buckets);
      }
      const result: FailureGroup[] = [];
      for (const row of groups.all(...groupsWhere.params) as GroupRow[]) {
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
        });
      }
      return result.sort((a, b) => b.lastSeen - a.lastSeen || b.count - a.count);
    },
  };
}
