/**
 * health.* over real traffic: each rule of electron/provisioning/health-rules.ts, with injected faults standing in
 * for a broken app (entra-behavior.md §4, §9; design/screens.md Screen 5).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { healthHandlers } from '../../../../electron/api/health.js';
import { createHealthTracker } from '../../../../electron/provisioning/health.js';
import type { FaultDecision } from '../../../../electron/scim/http/faults.js';
import type { Operation } from '../../../../shared/domain/operation.js';
import { memorySettings, testApiDeps } from '../../../support/api.js';
import { MINUTE, START, startEntraReplay, STEP_MS, type EntraReplay } from '../../../support/entra-replay.js';

let r: EntraReplay | undefined;
afterEach(async () => {
  await r?.stop();
  r = undefined;
});

/** A replay whose requests of the given operations answer `status` while `failing.on` is set. */
async function setup(operations: readonly Operation[] = [], status = 500) {
  const failing = { on: false };
  r = await startEntraReplay({
    faults: (_request, info): FaultDecision | undefined =>
      failing.on && operations.includes(info.operation) ? { rule: `forced-${status}`, response: { status } } : undefined,
  });
  const replay = r;
  const tracker = createHealthTracker({ db: replay.t.monitor.db, now: () => replay.now(), settings: memorySettings() });
  replay.afterEach(() => tracker.evaluate());
  const api = healthHandlers(testApiDeps(replay.t, { now: () => replay.now(), health: tracker }));
  return { r: replay, tracker, api, failing };
}

describe('health rules', () => {
  it('flags a 404 on a filter query as the SCIM compliance quarantine risk', async () => {
    const { r, api, failing } = await setup(['match'], 404);
    await r.provisionUser('alice@contoso.com');
    r.at(START + 40 * MINUTE);
    failing.on = true;
    await r.matchUser('bob@contoso.com');
    r.advance(10 * MINUTE);
    expect(await api['health.get'](undefined)).toMatchObject({
      state: 'QuarantineRisk',
      reason: 'SCIM compliance (HTTP 404 on a query)',
      message:
        'SCIM compliance issue: 1 list or filter query got HTTP 404 instead of 200 with an empty ListResponse since cycle #2. Entra can quarantine the job for this.',
      nextAction: 'Answer filter queries that match nothing with 200 and an empty ListResponse, check that the Tenant URL ends in /scim/v2, then Restart provisioning',
      since: START + 40 * MINUTE,
      consecutiveFailedCycles: 1,
      lastSuccessfulCycle: { id: 1, ended: START + STEP_MS },
    });
  });

  it('calls 5xx answers in one cycle entry-level errors, and in two cycles in a row persistent server errors', async () => {
    const { r, api, failing } = await setup(['read']);
    const alice = await r.provisionUser('alice@contoso.com');
    failing.on = true;
    r.at(START + 40 * MINUTE);
    await r.readUser(alice);
    expect(await api['health.get'](undefined)).toMatchObject({
      state: 'Degraded',
      reason: 'EntryLevelErrors',
      message:
        '1 request failed in cycle #2, below the share at which Entra quarantines. Entra keeps failed objects in escrow and retries them on later cycles. (cycle #2 is still running)',
    });
    r.at(START + 80 * MINUTE);
    await r.readUser(alice);
    r.advance(10 * MINUTE);
    expect(await api['health.get'](undefined)).toMatchObject({
      state: 'Degraded',
      reason: 'PersistentServerErrors',
      message:
        'HTTP 5xx answers or timeouts in cycle #3 (1) and in cycle #2 (1). Entra logs InternalServerError or Timeout and retries each about 40 minutes later.',
      since: START + 80 * MINUTE,
      consecutiveFailedCycles: 2,
      lastCycleFailureShare: 0,
    });
  });

  it('counts consecutive failed cycles until a cycle writes successfully', async () => {
    const { r, api, failing } = await setup(['create']);
    failing.on = true;
    for (let cycle = 0; cycle < 3; cycle++) {
      r.at(START + cycle * 40 * MINUTE);
      for (const name of ['a', 'b', 'c']) await r.createUser(`${name}@contoso.com`);
    }
    expect(await api['health.get'](undefined)).toMatchObject({
      state: 'QuarantineRisk',
      reason: 'EncounteredEscrowProportionThreshold',
      consecutiveFailedCycles: 3,
      lastSuccessfulCycle: null,
      lastCycleFailureShare: 1,
    });
    failing.on = false;
    r.at(START + 120 * MINUTE);
    for (const name of ['a', 'b', 'c']) await r.createUser(`${name}@contoso.com`);
    expect(await api['health.get'](undefined)).toMatchObject({
      state: 'Healthy',
      message: 'No failures in the latest cycle (#4, incremental).',
      consecutiveFailedCycles: 0,
      lastSuccessfulCycle: { id: 4, ended: START + 120 * MINUTE + 2 * STEP_MS },
      lastCycleFailureShare: 0,
    });
  });

  it('does not call a failed Test Connection followed by silence a quarantine: there is no job yet', async () => {
    const { r, api } = await setup();
    r.useSecret('not-a-token');
    expect((await r.probe()).status).toBe(401);
    r.advance(10 * 60 * MINUTE);
    expect(await api['health.get'](undefined)).toMatchObject({ state: 'QuarantineRisk', reason: 'EncounteredQuarantineException', recentAuthFailures: 1 });
  });
});

describe('health.history', () => {
  it('lists entries newest first, up to the limit', async () => {
    const { r, api, tracker } = await setup();
    expect(tracker.evaluate()).toMatchObject({ changed: true, health: { state: 'Healthy', since: START } });
    expect(tracker.evaluate().changed).toBe(false);
    r.useSecret('not-a-token');
    await r.matchUser('alice@contoso.com');
    r.useSecret(r.t.secret);
    await r.matchUser('alice@contoso.com');
    expect((await api['health.history']({ limit: 2 })).map((h) => [h.state, h.began, h.ended])).toEqual([
      ['Healthy', START + STEP_MS, null],
      ['QuarantineRisk', START, START + STEP_MS],
    ]);
    expect(await api['health.history'](undefined)).toHaveLength(3);
  });
});
