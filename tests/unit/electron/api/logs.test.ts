/**
 * logs.list and logs.get over real listener traffic (design/screens.md Screen 2; entra-behavior.md §4): every filter,
 * keyset paging, bounded scans that say where to continue, redacted headers and "what Entra will record".
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../../../electron/api/call.js';
import { chooseDriver, filterTerms, pageSql } from '../../../../electron/api/log-query.js';
import { logHandlers, logLister } from '../../../../electron/api/logs.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import type { LogQuery, LogRow } from '../../../../shared/api/log-types.js';
import { testApiDeps } from '../../../support/api.js';
import { startTestMonitor, type TestMonitor } from '../../../support/monitor.js';

const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const user = (userName: string, displayName: string) => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, displayName, active: true });
const patch = (path: string, value: unknown) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path, value }] });

let t: TestMonitor;
let clock = T0;
let api: ReturnType<typeof logHandlers>;
let aliceId: string;

beforeAll(async () => {
  t = await startTestMonitor({ now: () => clock });
  api = logHandlers(testApiDeps(t, { now: () => clock }));
  const step = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    clock += 1_000;
    return t.scim(method, path, body, headers);
  };
  aliceId = (await step('POST', '/Users', user('alice@contoso.com', 'Alice'))).body.id;
  await step('POST', '/Users', user('alice@contoso.com', 'Alice again'));
  await step('GET', '/Users?filter=userName+eq+%22alice%40contoso.com%22', undefined, { authorization: 'Bearer not-the-token-at-all-WXYZ' });
  await step('PATCH', `/Users/${aliceId}`, patch('displayName', 'Alice B'));
  await step('POST', '/Users', user('bob@contoso.com', 'Bob'));
  clock += 10 * 60_000; // past the 5-minute idle gap: a second inferred cycle
  await step('GET', '/Users?filter=userName+eq+%22carol%40contoso.com%22');
  await step('GET', '/Users/nonexistent');
});

afterAll(async () => {
  await t.stop();
});

const list = async (query: LogQuery = {}): Promise<LogRow[]> => [...(await api['logs.list'](query as never)).rows];
const summary = (rows: readonly LogRow[]) => rows.map((r) => `${r.method} ${r.status} ${r.identity ?? '-'}`);

describe('logs.list', () => {
  it('returns every exchange newest first, classified in Entra\'s words', async () => {
    const rows = await list();
    expect(summary(rows)).toEqual([
      'GET 404 -',
      'GET 200 carol@contoso.com',
      'POST 201 bob@contoso.com',
      'PATCH 200 alice@contoso.com',
      'GET 401 alice@contoso.com',
      'POST 409 alice@contoso.com',
      'POST 201 alice@contoso.com',
    ]);
    expect(rows.map((r) => r.ts)).toEqual([...rows.map((r) => r.ts)].sort((a, b) => b - a));
    expect(rows[5]).toMatchObject({ operation: 'create', action: 'Create', outcome: 'Failure', errorCode: 'EntryConflict', scimType: 'uniqueness' });
  });

  it('filters by outcome, operation, action, entity, method and status', async () => {
    expect(summary(await list({ outcome: ['Failure'] }))).toEqual(['GET 404 -', 'GET 401 alice@contoso.com', 'POST 409 alice@contoso.com']);
    expect(summary(await list({ operation: ['create'] }))).toEqual(['POST 201 bob@contoso.com', 'POST 409 alice@contoso.com', 'POST 201 alice@contoso.com']);
    expect(summary(await list({ action: ['Update'] }))).toEqual(['PATCH 200 alice@contoso.com']);
    expect(await list({ entity: ['Group'] })).toEqual([]);
    expect(summary(await list({ method: ['patch'] }))).toEqual(['PATCH 200 alice@contoso.com']);
    expect(summary(await list({ statusMin: 400 }))).toEqual(['GET 404 -', 'GET 401 alice@contoso.com', 'POST 409 alice@contoso.com']);
    expect(summary(await list({ statusMin: 400, statusMax: 401 }))).toEqual(['GET 401 alice@contoso.com']);
    expect(summary(await list({ outcome: ['Success', 'Failure'], operation: ['create', 'update'], statusMax: 299 }))).toEqual([
      'POST 201 bob@contoso.com',
      'PATCH 200 alice@contoso.com',
      'POST 201 alice@contoso.com',
    ]);
  });

  it('matches the identity by case-insensitive prefix', async () => {
    const expected = ['PATCH 200 alice@contoso.com', 'GET 401 alice@contoso.com', 'POST 409 alice@contoso.com', 'POST 201 alice@contoso.com'];
    expect(summary(await list({ identity: 'ali' }))).toEqual(expected);
    expect(summary(await list({ identity: 'ALICE@' }))).toEqual(expected);
    expect(await list({ identity: 'alice@contoso.com.' })).toEqual([]);
    expect(summary(await list({ identity: 'ali', outcome: ['Failure'] }))).toEqual(['GET 401 alice@contoso.com', 'POST 409 alice@contoso.com']);
  });

  it('filters by cycle, time, resource id, change id, error code and injected faults', async () => {
    const all = await list();
    expect(summary(await list({ cycleId: 2 }))).toEqual(['GET 404 -', 'GET 200 carol@contoso.com']);
    expect(new Set(all.map((r) => r.cycleId))).toEqual(new Set([1, 2]));
    const [newest, , , , , , oldest] = all;
    expect(summary(await list({ from: oldest!.ts + 1, to: newest!.ts }))).toEqual(summary(all.slice(1, 6)));
    expect(summary(await list({ resourceId: aliceId }))).toEqual(['PATCH 200 alice@contoso.com', 'POST 201 alice@contoso.com']);
    expect((await list({ changeId: all[3]!.changeId })).map((r) => r.id)).toEqual([all[3]!.id]);
    expect(summary(await list({ errorCode: 'Unauthorized' }))).toEqual(['GET 401 alice@contoso.com']);
    expect(await list({ faultOnly: true })).toEqual([]);
  });

  it('searches free text in identity, path, query and error code', async () => {
    expect(summary(await list({ text: 'entryconflict' }))).toEqual(['POST 409 alice@contoso.com']);
    expect(summary(await list({ text: 'nonexistent' }))).toEqual(['GET 404 -']);
    expect(summary(await list({ text: 'bob@' }))).toEqual(['POST 201 bob@contoso.com']);
    // The query string is stored URL-encoded; the search finds the plain spelling in it too.
    expect(summary(await list({ text: 'userName eq "carol' }))).toEqual(['GET 200 carol@contoso.com']);
    expect(await list({ text: '100%_' })).toEqual([]);
  });

  it('pages by keyset, each row exactly once, with or without filters', async () => {
    for (const query of [{}, { outcome: ['Failure'] }, { identity: 'alice' }, { text: 'contoso' }] as LogQuery[]) {
      const everything = await list(query);
      const seen: number[] = [];
      let before: number | undefined;
      for (let pages = 0; pages < 20; pages += 1) {
        const page = await api['logs.list']({ ...query, limit: 2, ...(before === undefined ? {} : { before }) } as never);
        seen.push(...page.rows.map((r) => r.id));
        if (page.nextBefore === null) break;
        before = page.nextBefore;
      }
      expect(seen).toEqual(everything.map((r) => r.id));
    }
  });

  it('bounds a scan the index cannot narrow and says where to continue', async () => {
    const narrow = logLister(t.monitor.db, { filterRows: 2, textRows: 2 });
    const first = narrow({ text: 'alice' });
    // Two rows examined (the 404 and carol's match), none matched: an empty page that still points further.
    expect(first.rows).toEqual([]);
    expect(first.nextBefore).not.toBeNull();
    const found: number[] = [];
    let page = first;
    while (page.nextBefore !== null) {
      page = narrow({ text: 'alice', before: page.nextBefore });
      found.push(...page.rows.map((r) => r.id));
    }
    expect(found).toEqual((await list({ text: 'alice' })).map((r) => r.id));
  });

  it('rejects invalid queries at the boundary', async () => {
    const handlers = { ...api } as unknown as MonitorApiHandlers;
    for (const input of [{ limit: 5000 }, { limit: 0 }, { colour: 'red' }, { outcome: ['Failed'] }, { before: -1 }]) {
      const result = await callApi(handlers, 'logs.list', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await callApi(handlers, 'logs.list', { outcome: ['Failure'], limit: 1 })).toMatchObject({ ok: true, value: { rows: [{ status: 404 }] } });
  });
});

describe('logs.get', () => {
  it('returns one exchange in full, with the bearer token masked', async () => {
    const [, , , patched, unauthorized] = await list();
    const detail = await api['logs.get']({ id: patched!.id });
    expect(detail.requestHeaders.authorization).toBe(`Bearer ••••${t.secret.slice(-4)}`);
    expect(JSON.stringify(detail)).not.toContain(t.secret);
    expect(JSON.parse(detail.requestBody ?? '')).toEqual(patch('displayName', 'Alice B'));
    expect(detail.responseHeaders['Content-Type']).toContain('application/scim+json');
    expect(JSON.parse(detail.responseBody ?? '')).toMatchObject({ id: aliceId, displayName: 'Alice B' });
    expect(detail.modified).toEqual([{ attribute: 'displayName', oldValue: 'Alice', newValue: 'Alice B' }]);
    expect(detail.explanation).toBeNull();
    expect((await api['logs.get']({ id: unauthorized!.id })).requestHeaders.authorization).toBe('Bearer ••••WXYZ');
  });

  it('explains a failure the way Entra will record it', async () => {
    const conflict = (await list({ errorCode: 'EntryConflict' }))[0]!;
    const detail = await api['logs.get']({ id: conflict.id });
    expect(detail.explanation).toMatchObject({ errorCode: 'EntryConflict', retry: expect.stringContaining('retried') });
    expect(detail.explanation?.recommendedAction).toContain('matching attribute');
    const retryAt = new Date(conflict.ts + 40 * 60_000).toISOString().replace('Z', '0000Z');
    expect(detail.explanation?.entraMessage).toBe(
      [
        'StatusCode: Conflict',
        "Message: Processing of the HTTP request resulted in an exception. Please see the HTTP response returned by the 'Response' property of this exception for details.",
        `Web Response: ${detail.responseBody}.`,
        `This operation was retried 0 times. It will be retried again after this date: ${retryAt} UTC`,
      ].join('\n'),
    );
    const notFound = await api['logs.get']({ id: (await list({ statusMin: 404, statusMax: 404 }))[0]!.id });
    expect(notFound.explanation).toMatchObject({ errorCode: 'InvalidAnchor' });
  });

  it('answers not-found for an id that was never logged', async () => {
    const handlers = { ...api } as unknown as MonitorApiHandlers;
    expect(await callApi(handlers, 'logs.get', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await callApi(handlers, 'logs.get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('query plans', () => {
  const plan = (query: LogQuery, identityFits = true): string => {
    const terms = filterTerms(query as never);
    const driver = chooseDriver(query as never, identityFits);
    const page = pageSql(driver, terms, query.before === undefined ? null : { ts: T0 + 60 * 60_000, id: query.before }, null, 100);
    const rows = t.monitor.db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(...page.params) as { detail: string }[];
    return rows.map((r) => r.detail).join(' | ');
  };

  it('walks an index in page order for one equality or time, with no sort', () => {
    expect(plan({})).toMatch(/requests_ts/);
    expect(plan({ outcome: ['Failure'], before: 5 })).toMatch(/requests_outcome_ts \(outcome=\? AND ts<\?\)/);
    expect(plan({ operation: ['create'], from: T0 })).toMatch(/requests_operation_ts \(operation=\? AND ts>\?\)/);
    expect(plan({ cycleId: 2, text: 'x' })).toMatch(/requests_cycle \(cycle_id=\?\)/);
    expect(plan({ faultOnly: true })).toMatch(/requests_fault/);
    for (const query of [{}, { outcome: ['Failure'] }, { cycleId: 1 }, { errorCode: 'EntryConflict' }, { resourceId: 'x' }] as LogQuery[]) {
      expect(plan(query)).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('pages the common values (Success; match, read, list) in time order: the partial indexes of migration 0009 leave them out', () => {
    expect(plan({ outcome: ['Success'] })).toMatch(/requests_ts/);
    expect(plan({ operation: ['match'] })).toMatch(/requests_ts/);
    expect(plan({ operation: ['read'], outcome: ['Success'] })).toMatch(/requests_ts/);
    expect(plan({ operation: ['delete'] })).toMatch(/requests_operation_ts \(operation=\?\)/);
    expect(plan({ outcome: ['Skipped'], operation: ['match'] })).toMatch(/requests_outcome_ts \(outcome=\?\)/);
  });

  it('reads an identity prefix as a range of requests_identity_ts', () => {
    expect(plan({ identity: 'ali' })).toMatch(/requests_identity_ts \(identity>\? AND identity<\?\)/);
    // A prefix that matches too many rows pages in time order and checks the prefix row by row instead.
    expect(plan({ identity: 'a' }, false)).toMatch(/requests_ts/);
  });
});
