/**
 * failures.groups' `source` filter after a rehearsal, on real listener traffic: Entra's requests (the admin's token),
 * the in-app simulator's (its internal token) and Live's Replay (replay.resend, with the replay token and with a
 * typed wrong one) each fail. Entra's view leaves the app's failures out of every group, the app's view leaves
 * Entra's out, and each group says how many of its failures each sender met.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeDetail, LogSource } from '../../shared/api/log-types.js';
import type { FailureGroup } from '../../shared/api/provisioning-types.js';
import { callApi } from '../../electron/api/call.js';
import { failureHandlers } from '../../electron/api/failures.js';
import { logHandlers } from '../../electron/api/logs.js';
import { replayHandlers } from '../../electron/api/replay.js';
import { SIMULATOR_TOKEN_LABEL } from '../../electron/auth/internal-labels.js';
import type { MonitorApiHandlers } from '../../shared/api/contract.js';
import { testApiDeps } from '../support/api.js';
import { unavailableHandlers } from '../support/admin.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import { SCHEMA_USER } from './scim-helpers.js';
import { notFromEntraNotice, partlyFromAppNote, sentOnlyByApp } from '../../renderer/screens/failures/entra-record-text.js';

const CONFLICT = 'Create user → 409 uniqueness';
const NOT_FOUND = 'Get user → 404 NotFound';
const UNAUTHORIZED = 'Create user → 401 Unauthorized';

let t: TestMonitor;
let api: MonitorApiHandlers;
let clock = Date.UTC(2025, 5, 1, 8, 0, 0);
let simulator = '';
/** The logged request ids of each sender's failures. */
const failed: Record<LogSource, number[]> = { entra: [], simulator: [], replay: [] };
const user = (userName: string) => ({ schemas: [SCHEMA_USER], userName, active: true });

async function send(source: LogSource, method: string, path: string, body: unknown, token: string): Promise<number> {
  clock += 1_000;
  const reply = await t.scim(method, path, body, { authorization: `Bearer ${token}` });
  if (reply.status >= 400) failed[source].push(t.monitor.log.latest(1)[0]!.id);
  return reply.status;
}

async function groups(source?: LogSource[]): Promise<FailureGroup[]> {
  const result = await callApi(api, 'failures.groups', source === undefined ? undefined : { source });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as FailureGroup[];
}
const titled = (found: readonly FailureGroup[], title: string): FailureGroup | undefined => found.find((g) => g.title.startsWith(title));
/** The groups as [title, count, per sender], in title order. */
const summary = (found: readonly FailureGroup[]) => [...found].sort((a, b) => a.title.localeCompare(b.title)).map((g) => [g.title, g.count, g.bySource]);

beforeAll(async () => {
  t = await startTestMonitor({ now: () => clock });
  api = { ...unavailableHandlers(), ...failureHandlers(testApiDeps(t, { now: () => clock })), ...replayHandlers(testApiDeps(t)), ...logHandlers(testApiDeps(t)) };
  simulator = t.monitor.tokens.internal(SIMULATOR_TOKEN_LABEL);
  // Entra: a conflict. The simulator: the same conflict for its own user, and a read of a user that is not there.
  expect(await send('entra', 'POST', '/Users', user('alice@contoso.com'), t.secret)).toBe(201);
  expect(await send('entra', 'POST', '/Users', user('alice@contoso.com'), t.secret)).toBe(409);
  expect(await send('simulator', 'POST', '/Users', user('sim@contoso.com'), simulator)).toBe(201);
  expect(await send('simulator', 'POST', '/Users', user('sim@contoso.com'), simulator)).toBe(409);
  expect(await send('simulator', 'GET', '/Users/no-such-id', undefined, simulator)).toBe(404);
  // Replay: Entra's conflict again with the replay token, then with a wrong token typed in (a 401, still a replay).
  const original = failed.entra[0]!;
  clock += 1_000;
  expect(await callApi(api, 'replay.resend', { id: original })).toMatchObject({ ok: true, value: { status: 409 } });
  failed.replay.push(t.monitor.log.latest(1)[0]!.id);
  clock += 1_000;
  const typed = { headers: [{ name: 'Authorization', value: 'Bearer not-the-secret-token-QRST' }] };
  expect(await callApi(api, 'replay.resend', { id: original, edit: typed })).toMatchObject({ ok: true, value: { status: 401 } });
  failed.replay.push(t.monitor.log.latest(1)[0]!.id);
});

afterAll(async () => {
  await t?.stop();
});

describe('failures.groups by sender', () => {
  it('counts every sender in the unfiltered groups', async () => {
    expect(summary(await groups())).toEqual([
      [UNAUTHORIZED, 1, { entra: 0, simulator: 0, replay: 1 }],
      [CONFLICT, 3, { entra: 1, simulator: 1, replay: 1 }],
      [NOT_FOUND, 1, { entra: 0, simulator: 1, replay: 0 }],
    ]);
  });

  it('keeps only Entra’s failures with source: [entra]', async () => {
    const found = await groups(['entra']);
    expect(summary(found)).toEqual([[CONFLICT, 1, { entra: 1, simulator: 0, replay: 0 }]]);
    const conflict = titled(found, CONFLICT)!;
    expect(conflict.identities).toEqual(['alice@contoso.com']);
    expect(conflict.sampleRequestId).toBe(failed.entra[0]);
    expect(conflict.trend.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('keeps only the app’s failures with source: [simulator, replay]', async () => {
    const found = await groups(['simulator', 'replay']);
    expect(summary(found)).toEqual([
      [UNAUTHORIZED, 1, { entra: 0, simulator: 0, replay: 1 }],
      [CONFLICT, 2, { entra: 0, simulator: 1, replay: 1 }],
      [NOT_FOUND, 1, { entra: 0, simulator: 1, replay: 0 }],
    ]);
    const conflict = titled(found, CONFLICT)!;
    expect(new Set(conflict.identities)).toEqual(new Set(['alice@contoso.com', 'sim@contoso.com']));
    expect(conflict.sampleRequestId).toBe(failed.replay[0]);
    expect(conflict.trend.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('tells the simulator and Replay apart, and combines Entra with one of them', async () => {
    expect(summary(await groups(['simulator']))).toEqual([
      [CONFLICT, 1, { entra: 0, simulator: 1, replay: 0 }],
      [NOT_FOUND, 1, { entra: 0, simulator: 1, replay: 0 }],
    ]);
    expect(summary(await groups(['entra', 'replay']))).toEqual([
      [UNAUTHORIZED, 1, { entra: 0, simulator: 0, replay: 1 }],
      [CONFLICT, 2, { entra: 1, simulator: 0, replay: 1 }],
    ]);
    expect(summary(await groups(['entra', 'simulator', 'replay']))).toEqual(summary(await groups()));
  });

  it('tells the Failures card which groups Entra never sent, and who did', async () => {
    const all = await groups();
    // The card's words are built from these counts alone (renderer/screens/failures/entra-record-text.ts).
    expect(sentOnlyByApp(titled(all, NOT_FOUND)!.bySource)).toBe(true);
    expect(notFromEntraNotice(titled(all, NOT_FOUND)!.bySource)).toMatch(/^Entra did not send these requests: they came from the in-app simulator/);
    expect(notFromEntraNotice(titled(all, UNAUTHORIZED)!.bySource)).toMatch(/^Entra did not send these requests: they came from Replay in Live/);
    // Entra met the conflict too: its card is Entra's, with the app's share set apart.
    const conflict = titled(all, CONFLICT)!;
    expect(sentOnlyByApp(conflict.bySource)).toBe(false);
    expect(notFromEntraNotice(conflict.bySource)).toBeNull();
    expect(partlyFromAppNote(conflict.bySource)).toBe(
      "2 of these 3 requests came from the in-app simulator (Connect → Run a simulated cycle) and Replay in Live, not Entra: Entra's provisioning logs show only its own 1.",
    );
    // Within the app's view, every group shown is the app's alone.
    expect((await groups(['simulator', 'replay'])).every((g) => sentOnlyByApp(g.bySource))).toBe(true);
    // The sample behind the log message is the app's request, so the card says Entra would (not will) log it.
    const sample = await callApi(api, 'logs.get', { id: titled(all, NOT_FOUND)!.sampleRequestId });
    expect(sample.ok && (sample.value as ExchangeDetail).source).toBe('simulator');
  });

  it('sorts failures logged after a read as they arrive', async () => {
    expect(await send('simulator', 'GET', '/Users/still-missing', undefined, simulator)).toBe(404);
    expect(await send('entra', 'GET', '/Users/entra-missing', undefined, t.secret)).toBe(404);
    expect(titled(await groups(['entra']), NOT_FOUND)).toMatchObject({ count: 1, bySource: { entra: 1, simulator: 0, replay: 0 } });
    expect(titled(await groups(['simulator']), NOT_FOUND)).toMatchObject({ count: 2, bySource: { entra: 0, simulator: 2, replay: 0 } });
  });

  it('starts over when the newest failures were deleted and their ids are handed out again', async () => {
    const last = failed.entra.at(-1)!;
    // The simulator's 404 and Entra's after it go; the next request takes the simulator's freed id.
    const freed = failed.simulator.at(-1)!;
    t.monitor.db.prepare('DELETE FROM requests WHERE id >= ?').run(freed);
    expect(last).toBeGreaterThan(freed);
    clock += 1_000;
    expect((await t.scim('POST', '/Users', user('alice@contoso.com'), { authorization: `Bearer ${t.secret}` })).status).toBe(409);
    expect(t.monitor.log.latest(1)[0]!.id).toBe(freed);
    const conflict = titled(await groups(['entra']), CONFLICT)!;
    expect(conflict).toMatchObject({ count: 2, sampleRequestId: freed, bySource: { entra: 2, simulator: 0, replay: 0 } });
  });

  it('refuses a sender it does not know, naming the field', async () => {
    const result = await callApi(api, 'failures.groups', { source: ['app'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(!result.ok && result.error.message).toContain('source');
  });
});
