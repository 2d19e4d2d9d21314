/**
 * Who sent each logged request (LogRow.source) over real listener traffic: Entra with an admin-issued token (or no
 * token at all), the in-app simulator and Live's Replay with their internal tokens; `logs.list { source }` and
 * `cycles.list { workFrom }` agree with it; and the lookup leaves the log page's query plan as it was.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleHandlers } from '../../../../electron/api/cycles.js';
import { chooseDriver, filterTerms, pageSql } from '../../../../electron/api/log-query.js';
import { INTERNAL_LABEL_COLUMN } from '../../../../electron/api/log-source.js';
import { logHandlers } from '../../../../electron/api/logs.js';
import { replayHandlers } from '../../../../electron/api/replay.js';
import { SIMULATOR_TOKEN_LABEL } from '../../../../electron/auth/internal-labels.js';
import type { LogQuery, LogRow, LogSource } from '../../../../shared/api/log-types.js';
import { testApiDeps } from '../../../support/api.js';
import { startTestMonitor, type TestMonitor } from '../../../support/monitor.js';

const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const IDLE = 10 * 60_000; // past the 5-minute idle gap that ends an inferred cycle
const user = (userName: string) => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, active: true });
const probe = '/Users?filter=userName+eq+%2200000000-0000-4000-8000-000000000000%22';

let t: TestMonitor;
let clock = T0;
let logs: ReturnType<typeof logHandlers>;
let cycles: ReturnType<typeof cycleHandlers>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestMonitor({ now: () => clock });
  const deps = testApiDeps(t, { now: () => clock });
  logs = logHandlers(deps);
  cycles = cycleHandlers(deps);
  const replay = replayHandlers(deps);
  const simulator = { authorization: `Bearer ${t.monitor.tokens.internal(SIMULATOR_TOKEN_LABEL)}` };
  const step = async (name: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    clock += 1_000;
    await t.scim(method, path, body, headers);
    ids[name] = t.monitor.log.latest(1)[0]!.id;
  };

  // Cycle 1, Entra: Test Connection, then a create; plus a request with no token at all (still from outside).
  await step('entraProbe', 'GET', probe);
  await step('entraCreate', 'POST', '/Users', user('alice@contoso.com'));
  await step('noToken', 'GET', '/Users', undefined, { authorization: '' });
  // Cycle 2, the simulator alone.
  clock += IDLE;
  await step('simMatch', 'GET', '/Users?filter=userName+eq+%22bob%40contoso.com%22', undefined, simulator);
  await step('simCreate', 'POST', '/Users', user('bob@contoso.com'), simulator);
  // Cycle 3: Entra's Test Connection, then a simulated run within the idle gap joins its cycle. Entra did no work in it.
  clock += IDLE;
  await step('entraProbe2', 'GET', probe);
  await step('simCreate2', 'POST', '/Users', user('carol@contoso.com'), simulator);
  // Replays of Entra's create: with the replay token, and with a wrong token typed in (still linked: a replay).
  clock += 1_000;
  ids.replay = (await replay['replay.resend']({ id: ids.entraCreate! })).id!;
  clock += 1_000;
  const typed = { headers: [{ name: 'Authorization', value: 'Bearer not-the-secret-token-QRST' }] };
  ids.replayTyped = (await replay['replay.resend']({ id: ids.entraCreate!, edit: typed })).id!;
});

afterAll(async () => {
  await t.stop();
});

const list = async (query: LogQuery = {}): Promise<LogRow[]> => [...(await logs['logs.list'](query as never)).rows];
const idsOf = (rows: readonly LogRow[]): number[] => rows.map((r) => r.id).sort((a, b) => a - b);
const named = (...names: string[]): number[] => names.map((n) => ids[n]!).sort((a, b) => a - b);

describe('LogRow.source', () => {
  it('says who sent each row, in lists and in the detail', async () => {
    const byId = new Map((await list()).map((r) => [r.id, r.source]));
    const expected: Record<string, LogSource> = {
      entraProbe: 'entra', entraCreate: 'entra', noToken: 'entra', entraProbe2: 'entra',
      simMatch: 'simulator', simCreate: 'simulator', simCreate2: 'simulator',
      replay: 'replay', replayTyped: 'replay',
    };
    for (const [name, source] of Object.entries(expected)) expect([name, byId.get(ids[name]!)]).toEqual([name, source]);
    expect((await logs['logs.get']({ id: ids.simCreate! })).source).toBe('simulator');
    expect((await logs['logs.get']({ id: ids.replayTyped! })).source).toBe('replay');
    expect((await logs['logs.get']({ id: ids.noToken! })).source).toBe('entra');
  });

  it('filters by sender, alone or combined, agreeing with the rows', async () => {
    expect(idsOf(await list({ source: ['entra'] }))).toEqual(named('entraProbe', 'entraCreate', 'noToken', 'entraProbe2'));
    expect(idsOf(await list({ source: ['simulator'] }))).toEqual(named('simMatch', 'simCreate', 'simCreate2'));
    expect(idsOf(await list({ source: ['replay'] }))).toEqual(named('replay', 'replayTyped'));
    expect(idsOf(await list({ source: ['simulator', 'replay'] }))).toEqual(named('simMatch', 'simCreate', 'simCreate2', 'replay', 'replayTyped'));
    expect(idsOf(await list({ source: ['entra', 'simulator', 'replay'] }))).toEqual(idsOf(await list()));
    // With other filters: Entra's successful answers are its probes and its create, not the simulator's creates.
    expect(idsOf(await list({ source: ['entra'], statusMin: 200, statusMax: 299 }))).toEqual(named('entraProbe', 'entraCreate', 'entraProbe2'));
    expect(idsOf(await list({ source: ['simulator'], operation: ['create'] }))).toEqual(named('simCreate', 'simCreate2'));
  });
});

describe('cycles.list { workFrom }', () => {
  it("keeps only the cycles in which those senders did more than probe", async () => {
    const all = await cycles['cycles.list']({ limit: 10 });
    expect(all.map((c) => c.id)).toEqual([3, 2, 1]);
    expect((await cycles['cycles.list']({ limit: 10, workFrom: ['entra'] })).map((c) => c.id)).toEqual([1]);
    expect((await cycles['cycles.list']({ limit: 10, workFrom: ['simulator'] })).map((c) => c.id)).toEqual([3, 2]);
    // The replays landed in cycle 3; Replay's work counts for Replay only.
    expect((await cycles['cycles.list']({ limit: 10, workFrom: ['replay'] })).map((c) => c.id)).toEqual([3]);
    // The summaries themselves still count everything: cycles and health see the app's traffic too.
    expect((await cycles['cycles.list']({ limit: 10, workFrom: ['simulator'] }))[0]).toEqual(all[0]);
  });
});

describe('query plans', () => {
  const plan = (sql: string, params: readonly unknown[]): string[] =>
    (t.monitor.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

  it('looks the token up by primary key for returned rows only, leaving the page plan as it was', () => {
    for (const query of [{}, { outcome: ['Failure'] }, { operation: ['create'] }, { cycleId: 2 }, { identity: 'ali' }, { faultOnly: true }] as LogQuery[]) {
      const page = pageSql(chooseDriver(query as never, true), filterTerms(query as never), null, null, 100);
      const withLookup = plan(page.sql, page.params);
      const without = plan(page.sql.replace(INTERNAL_LABEL_COLUMN, 'NULL AS internal_label'), page.params);
      expect(withLookup).toContain('CORRELATED SCALAR SUBQUERY 1');
      expect(withLookup).toContain('SEARCH t USING INDEX sqlite_autoindex_tokens_1 (id=?)');
      expect(withLookup.filter((line) => !/SCALAR SUBQUERY|SEARCH t /.test(line))).toEqual(without);
    }
  });

  it('checks the sender row by row on the index the other filters chose', () => {
    const planOf = (query: LogQuery): string => {
      const page = pageSql(chooseDriver(query as never, true), filterTerms(query as never), null, null, 100);
      return plan(page.sql, page.params).join(' | ');
    };
    expect(planOf({ source: ['entra'] })).toMatch(/^SCAN r USING INDEX requests_ts/);
    expect(planOf({ source: ['simulator'], outcome: ['Failure'] })).toMatch(/^SEARCH r USING INDEX requests_outcome_ts \(outcome=\?\)/);
    expect(planOf({ source: ['replay'], cycleId: 3 })).toMatch(/^SEARCH r USING INDEX requests_cycle \(cycle_id=\?\)/);
    for (const query of [{ source: ['entra'] }, { source: ['simulator', 'replay'], operation: ['create'] }] as LogQuery[]) expect(planOf(query)).not.toMatch(/TEMP B-TREE/);
  });
});
