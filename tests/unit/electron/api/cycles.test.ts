/**
 * cycles.* over real traffic: errors, estimated progress without a scope, the idle gap setting and the back-off
 * note (entra-behavior.md §5, §9; design/screens.md Screen 3).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '../../../../electron/api/call.js';
import { cycleHandlers } from '../../../../electron/api/cycles.js';
import { BACKOFF_NOTE } from '../../../../electron/provisioning/cycle-overview.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import { memorySettings, testApiDeps } from '../../../support/api.js';
import { MINUTE, START, startEntraReplay, STEP_MS, type EntraReplay } from '../../../support/entra-replay.js';

const HOUR = 60 * MINUTE;

let r: EntraReplay | undefined;
afterEach(async () => {
  await r?.stop();
  r = undefined;
});

/** A replay whose creates of `fail…` users answer 500, so cycles can fail on demand. */
async function setup(idleGapMinutes = 5) {
  r = await startEntraReplay({
    faults: (_request, info, identity) =>
      info.operation === 'create' && identity?.startsWith('fail') ? { rule: 'create-500', response: { status: 500 } } : undefined,
  });
  const replay = r;
  const api = cycleHandlers(testApiDeps(replay.t, { now: () => replay.now(), settings: memorySettings({ cycleIdleGapMinutes: idleGapMinutes }) }));
  return { r: replay, api };
}

describe('cycles.overview', () => {
  it('is empty before any traffic', async () => {
    const { api } = await setup();
    expect(await api['cycles.overview'](undefined)).toEqual({ current: null, progress: null, nextExpectedAt: null, overdue: false, backoffNote: null, idleGapMinutes: 5 });
  });

  it('estimates progress from the previous work cycle when no scope is set, and says so', async () => {
    const { r, api } = await setup();
    const [alice] = [await r.provisionUser('alice@contoso.com'), await r.provisionUser('bob@contoso.com'), await r.provisionUser('carol@contoso.com')];
    // The first work cycle has nothing to estimate from.
    expect((await api['cycles.overview'](undefined)).progress).toBeNull();
    r.at(START + 40 * MINUTE);
    await r.readUser(alice);
    expect((await api['cycles.overview'](undefined)).progress).toEqual({ processed: 0, expected: 3, pending: ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com'], estimated: true });
    await r.patchUser(alice, { op: 'Replace', path: 'title', value: 'Lead' });
    expect((await api['cycles.overview'](undefined)).progress).toEqual({ processed: 1, expected: 3, pending: ['bob@contoso.com', 'carol@contoso.com'], estimated: true });
  });

  it('keeps a cycle open for the configured idle gap after its last request', async () => {
    const { r, api } = await setup(1);
    await r.provisionUser('alice@contoso.com');
    const ended = START + STEP_MS;
    r.at(ended + MINUTE);
    expect(await api['cycles.overview'](undefined)).toMatchObject({ current: { id: 1, open: true }, idleGapMinutes: 1 });
    r.at(ended + MINUTE + 1);
    expect((await api['cycles.overview'](undefined)).current?.open).toBe(false);
    expect((await api['cycles.list'](undefined)).map((c) => c.open)).toEqual([false]);
  });

  it('notes a back-off when the gaps after failing cycles grow past the cadence', async () => {
    const { r, api } = await setup();
    const failingCycle = async (at: number, n: number) => {
      r.at(at);
      for (let i = 0; i < 3; i++) expect((await r.createUser(`fail${n}-${i}@contoso.com`)).status).toBe(500);
    };
    await failingCycle(START, 1);
    await failingCycle(START + 40 * MINUTE, 2);
    expect((await api['cycles.overview'](undefined)).backoffNote).toBeNull();
    // Two hours of silence after the second failing cycle: longer than the 40-minute gap before it.
    r.at(START + 40 * MINUTE + 2 * HOUR);
    expect(await api['cycles.overview'](undefined)).toMatchObject({ backoffNote: BACKOFF_NOTE, nextExpectedAt: START + 80 * MINUTE, overdue: true });
    // Entra's retry at +6 h, failing again: the completed gaps (40 min, then 6 h) grew.
    await failingCycle(START + 40 * MINUTE + 6 * HOUR, 3);
    expect(await api['cycles.overview'](undefined)).toMatchObject({ backoffNote: BACKOFF_NOTE, nextExpectedAt: START + 80 * MINUTE + 6 * HOUR, overdue: false });
  });

  it('notes nothing when long gaps follow good cycles: quiet incremental cycles send no requests at all', async () => {
    const { r, api } = await setup();
    await r.provisionUser('a@contoso.com');
    r.at(START + 40 * MINUTE);
    await r.provisionUser('b@contoso.com');
    r.at(START + 40 * MINUTE + 6 * HOUR);
    await r.provisionUser('c@contoso.com');
    expect((await api['cycles.overview'](undefined)).backoffNote).toBeNull();
  });
});

describe('cycles.get and cycles.list', () => {
  it('answers not-found for an unknown cycle and invalid-argument for a bad id', async () => {
    const { r, api } = await setup();
    await r.probe();
    const handlers = api as unknown as MonitorApiHandlers;
    expect(await callApi(handlers, 'cycles.get', { id: 2 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no cycle #2; it may have been pruned with old log rows.' },
    });
    expect(await callApi(handlers, 'cycles.get', { id: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await callApi(handlers, 'cycles.get', { id: 1 })).toMatchObject({ ok: true, value: { id: 1, kind: 'test-connection', perIdentity: [] } });
  });

  it('shows a failed create as the identity\'s final step, and a match that found the user', async () => {
    const { r, api } = await setup();
    await r.provisionUser('alice@contoso.com');
    r.at(START + 40 * MINUTE);
    await r.matchUser('alice@contoso.com');
    await r.matchUser('fail@contoso.com');
    await r.createUser('fail@contoso.com');
    expect((await api['cycles.get']({ id: 2 })).perIdentity).toEqual([
      { identity: 'alice@contoso.com', entity: 'User', matchResults: 1, action: 'Other', outcome: 'Skipped', errorCode: null, requestIds: [3] },
      { identity: 'fail@contoso.com', entity: 'User', matchResults: 0, action: 'Create', outcome: 'Failure', errorCode: 'InternalServerError', requestIds: [4, 5] },
    ]);
  });
});
