/**
 * Provisioning semantics over real traffic (issue "Provisioning semantics", item 8): Entra's cycles replayed through
 * the listener on a movable clock, then read back through the MonitorApi handlers.
 */

import { afterEach, describe, expect, it } from 'vitest';
import type { ApiDeps } from '../../electron/api/deps.js';
import { cycleHandlers } from '../../electron/api/cycles.js';
import { healthHandlers } from '../../electron/api/health.js';
import { scopeHandlers } from '../../electron/api/scope.js';
import { createHealthTracker, type HealthTracker } from '../../electron/provisioning/health.js';
import { SCHEMA_ENTERPRISE_USER } from '../../shared/scim/constants.js';
import { memorySettings, testApiDeps } from '../support/api.js';
import { MINUTE, START, startEntraReplay, STEP_MS, type EntraReplay } from '../support/entra-replay.js';

const SECOND = STEP_MS;
const USERS = ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com', 'dave@contoso.com', 'erin@contoso.com'];

let r: EntraReplay | undefined;
afterEach(async () => {
  await r?.stop();
  r = undefined;
});

async function setup(): Promise<{ r: EntraReplay; deps: ApiDeps; tracker: HealthTracker; api: ReturnType<typeof handlers> }> {
  r = await startEntraReplay();
  const replay = r;
  const settings = memorySettings();
  const tracker = createHealthTracker({ db: replay.t.monitor.db, now: () => replay.now(), settings });
  const deps = testApiDeps(replay.t, { now: () => replay.now(), settings, health: tracker });
  return { r: replay, deps, tracker, api: handlers(deps) };
}

const handlers = (deps: ApiDeps) => ({ ...cycleHandlers(deps), ...healthHandlers(deps), ...scopeHandlers(deps) });

const zeroActions = { create: 0, update: 0, disable: 0, delete: 0, other: 0 };
const zeroOutcomes = { success: 0, failure: 0, skipped: 0 };

describe('a full initial cycle, then an incremental one 40 minutes later', () => {
  it('infers the cycles, their counters, per-identity steps, progress and the next expected cycle', async () => {
    const { r, api } = await setup();
    await api['scope.set']({ entries: USERS.map((value) => ({ value, kind: 'user' as const })) });

    // Initial cycle (entra-behavior.md §5.1): probe, match + create each user, groups, members, then the manager.
    await r.probe();
    const ids: string[] = [];
    for (const user of USERS.slice(0, 3)) ids.push(await r.provisionUser(user));
    const mid = await api['cycles.overview'](undefined);
    expect(mid.progress).toEqual({ processed: 3, expected: 5, pending: ['dave@contoso.com', 'erin@contoso.com'], estimated: false });
    expect(mid.current).toMatchObject({ id: 1, kind: 'initial', open: true, requests: 7 });
    for (const user of USERS.slice(3)) ids.push(await r.provisionUser(user));
    const sales = await r.provisionGroup('Sales');
    const engineering = await r.provisionGroup('Engineering');
    expect((await r.addMembers(sales, ids.slice(0, 3))).status).toBe(204);
    expect((await r.addMembers(engineering, ids.slice(3))).status).toBe(204);
    expect((await r.patchUser(ids[1]!, { op: 'Add', path: `${SCHEMA_ENTERPRISE_USER}:manager`, value: ids[0] })).status).toBe(200);

    // Incremental cycle (§5.2): read then update one user, read then disable another.
    r.at(START + 40 * MINUTE);
    await r.readUser(ids[0]!);
    expect((await r.patchUser(ids[0]!, { op: 'Replace', path: 'title', value: 'Manager' })).status).toBe(200);
    await r.readUser(ids[2]!);
    expect((await r.patchUser(ids[2]!, { op: 'Replace', path: 'active', value: 'False' })).status).toBe(200);

    const running = await api['cycles.overview'](undefined);
    expect(running.current).toMatchObject({ id: 2, kind: 'incremental', open: true });
    expect(running.progress).toEqual({ processed: 2, expected: 5, pending: ['bob@contoso.com', 'dave@contoso.com', 'erin@contoso.com'], estimated: false });
    expect(running.nextExpectedAt).toBe(START + 80 * MINUTE);
    expect(running.overdue).toBe(false);

    // A lone Test Connection probe 10 minutes later.
    r.at(START + 50 * MINUTE);
    await r.probe();

    const list = await api['cycles.list'](undefined);
    expect(list.map((c) => [c.id, c.kind])).toEqual([
      [3, 'test-connection'],
      [2, 'incremental'],
      [1, 'initial'],
    ]);
    expect(list[2]).toEqual({
      id: 1,
      started: START,
      ended: START + 17 * SECOND,
      durationMs: 17 * SECOND,
      kind: 'initial',
      inferred: true,
      requests: 18,
      actions: { create: 7, update: 3, disable: 0, delete: 0, other: 8 },
      outcomes: { ...zeroOutcomes, success: 18 },
      probes: 1,
      matches: 7,
      identities: 7,
      open: false,
    });
    expect(list[1]).toEqual({
      id: 2,
      started: START + 40 * MINUTE,
      ended: START + 40 * MINUTE + 3 * SECOND,
      durationMs: 3 * SECOND,
      kind: 'incremental',
      inferred: true,
      requests: 4,
      actions: { ...zeroActions, update: 1, disable: 1, other: 2 },
      outcomes: { ...zeroOutcomes, success: 4 },
      probes: 0,
      matches: 0,
      identities: 2,
      open: false,
    });
    expect(list[0]).toMatchObject({ id: 3, requests: 1, probes: 1, identities: 0, actions: { ...zeroActions, other: 1 }, open: true });
    expect((await api['cycles.list']({ limit: 2 })).map((c) => c.id)).toEqual([3, 2]);
    expect((await api['cycles.list']({ before: 2 })).map((c) => c.id)).toEqual([1]);

    // Request ids follow the order sent: probe 1, then match/create pairs 2–11, groups 12–15, members 16–17, manager 18.
    const initial = await api['cycles.get']({ id: 1 });
    expect(initial.perIdentity).toEqual([
      { identity: 'alice@contoso.com', entity: 'User', matchResults: 0, action: 'Create', outcome: 'Success', errorCode: null, requestIds: [2, 3] },
      { identity: 'bob@contoso.com', entity: 'User', matchResults: 0, action: 'Create', outcome: 'Success', errorCode: null, requestIds: [4, 5, 18] },
      { identity: 'carol@contoso.com', entity: 'User', matchResults: 0, action: 'Create', outcome: 'Success', errorCode: null, requestIds: [6, 7] },
      { identity: 'dave@contoso.com', entity: 'User', matchResults: 0, action: 'Create', outcome: 'Success', errorCode: null, requestIds: [8, 9] },
      { identity: 'erin@contoso.com', entity: 'User', matchResults: 0, action: 'Create', outcome: 'Success', errorCode: null, requestIds: [10, 11] },
      { identity: 'Sales', entity: 'Group', matchResults: 0, action: 'Create', outcome: 'Success', errorCode: null, requestIds: [12, 13, 16] },
      { identity: 'Engineering', entity: 'Group', matchResults: 0, action: 'Create', outcome: 'Success', errorCode: null, requestIds: [14, 15, 17] },
    ]);
    expect((await api['cycles.get']({ id: 2 })).perIdentity).toEqual([
      { identity: 'alice@contoso.com', entity: 'User', matchResults: null, action: 'Update', outcome: 'Success', errorCode: null, requestIds: [19, 20] },
      { identity: 'carol@contoso.com', entity: 'User', matchResults: null, action: 'Disable', outcome: 'Success', errorCode: null, requestIds: [21, 22] },
    ]);

    // The probe cycle has nothing to show as progress; the next work cycle is still due 40 minutes after cycle 2.
    const afterProbe = await api['cycles.overview'](undefined);
    expect(afterProbe).toMatchObject({ progress: null, nextExpectedAt: START + 80 * MINUTE, overdue: false, backoffNote: null, idleGapMinutes: 5 });
    r.at(START + 90 * MINUTE);
    expect(await api['cycles.overview'](undefined)).toMatchObject({ overdue: false, current: { id: 3, open: false } });
    r.at(START + 90 * MINUTE + 1);
    expect((await api['cycles.overview'](undefined)).overdue).toBe(true);
  });
});

describe('a token revoked mid-run', () => {
  it('turns a 401 flood into QuarantineRisk, silence into LikelyQuarantined, and a new token plus a good cycle into Healthy', async () => {
    const { r, api, tracker } = await setup();
    expect(await api['health.get'](undefined)).toMatchObject({ state: 'Healthy', message: "Waiting for Entra's first request", since: START, lastRequestAt: null });
    r.afterEach(() => tracker.evaluate());

    await r.probe();
    const ids = [await r.provisionUser(USERS[0]!), await r.provisionUser(USERS[1]!), await r.provisionUser(USERS[2]!)];
    expect(await api['health.get'](undefined)).toMatchObject({ state: 'Healthy', reason: null, message: 'No failures in the latest cycle (#1, initial).', since: START });

    // Cycle 2: one good read, then the token is revoked and every request gets 401.
    r.at(START + 40 * MINUTE);
    await r.readUser(ids[0]!);
    r.t.monitor.tokens.revoke(r.t.monitor.tokens.list()[0]!.id);
    expect((await r.patchUser(ids[0]!, { op: 'Replace', path: 'title', value: 'Lead' })).status).toBe(401);
    for (const user of USERS.slice(1, 5)) expect((await r.matchUser(user)).status).toBe(401);
    const risk = await api['health.get'](undefined);
    expect(risk).toEqual({
      state: 'QuarantineRisk',
      reason: 'EncounteredQuarantineException',
      message:
        'Credentials are failing: 5 requests from Entra got 401/403 since the last successful one. In a cycle Entra quarantines the job for this (EncounteredQuarantineException). (cycle #2 is still running)',
      nextAction: 'Create or re-create a Secret Token, update Entra, Test Connection, Restart provisioning',
      since: START + 40 * MINUTE + SECOND,
      consecutiveFailedCycles: 1,
      lastSuccessfulCycle: { id: 1, ended: START + 6 * SECOND },
      lastRequestAt: START + 40 * MINUTE + 5 * SECOND,
      lastCycleFailureShare: 0,
      recentAuthFailures: 5,
    });

    // Entra quarantines the job and goes quiet (retries at +6 h): past 1.5 × 40 minutes it is likely quarantined.
    r.at(START + 40 * MINUTE + 5 * SECOND + 60 * MINUTE);
    expect(tracker.evaluate().changed).toBe(false);
    r.advance(1);
    const quiet = tracker.evaluate();
    expect(quiet.changed).toBe(true);
    expect(quiet.health).toMatchObject({
      state: 'LikelyQuarantined',
      reason: 'EncounteredQuarantineException',
      message: 'Entra may have quarantined or paused this job; check the Provisioning page; restart provisioning after fixing',
      since: START + 100 * MINUTE + 5 * SECOND,
    });

    // The admin creates a new token and updates Entra; the retry 6 hours later succeeds.
    r.useSecret(r.t.monitor.tokens.create({ label: 'new', days: 30 }).secret);
    r.at(START + 40 * MINUTE + 6 * 60 * MINUTE);
    await r.probe();
    expect((await r.patchUser(ids[0]!, { op: 'Replace', path: 'title', value: 'Lead' })).status).toBe(200);
    expect(await api['health.get'](undefined)).toMatchObject({
      state: 'Healthy',
      reason: null,
      since: START + 400 * MINUTE,
      consecutiveFailedCycles: 0,
      lastSuccessfulCycle: { id: 3, ended: START + 400 * MINUTE + SECOND },
      recentAuthFailures: 0,
    });
    expect(await api['health.history']({ limit: 10 })).toEqual([
      { state: 'Healthy', reason: null, detail: 'Requests succeed again since the 401/403 answers of cycle #2.', began: START + 400 * MINUTE, ended: null },
      {
        state: 'LikelyQuarantined',
        reason: 'EncounteredQuarantineException',
        detail: 'Entra may have quarantined or paused this job; check the Provisioning page; restart provisioning after fixing',
        began: START + 100 * MINUTE + 5 * SECOND,
        ended: START + 400 * MINUTE,
      },
      {
        state: 'QuarantineRisk',
        reason: 'EncounteredQuarantineException',
        detail: 'Credentials are failing: 1 request from Entra got 401/403 since the last successful one. In a cycle Entra quarantines the job for this (EncounteredQuarantineException).',
        began: START + 40 * MINUTE + SECOND,
        ended: START + 100 * MINUTE + 5 * SECOND,
      },
      { state: 'Healthy', reason: null, detail: "Waiting for Entra's first request", began: START, ended: START + 40 * MINUTE + SECOND },
    ]);
  });
});

describe('409 on create', () => {
  it('is a Failure with EntryConflict; the write failure share decides Degraded or QuarantineRisk', async () => {
    const { r, api, tracker } = await setup();
    r.afterEach(() => tracker.evaluate());
    for (const user of USERS) await r.provisionUser(user);

    // Cycle 2: Entra matches on another attribute, finds nothing and creates alice again: 1 of 3 writes fail.
    r.at(START + 40 * MINUTE);
    expect((await r.createUser('alice@contoso.com')).status).toBe(409);
    await r.createUser('frank@contoso.com');
    await r.createUser('grace@contoso.com');
    const conflict = await api['cycles.get']({ id: 2 });
    expect(conflict).toMatchObject({ requests: 3, actions: { ...zeroActions, create: 3 }, outcomes: { ...zeroOutcomes, success: 2, failure: 1 } });
    expect(conflict.perIdentity[0]).toEqual({
      identity: 'alice@contoso.com',
      entity: 'User',
      matchResults: null,
      action: 'Create',
      outcome: 'Failure',
      errorCode: 'EntryConflict',
      requestIds: [11],
    });
    expect(await api['health.get'](undefined)).toMatchObject({
      state: 'Degraded',
      reason: 'EntryLevelErrors',
      message:
        '1 of 3 writes (33 %) failed in cycle #2, below the share at which Entra quarantines. Entra keeps failed objects in escrow and retries them on later cycles. (cycle #2 is still running)',
      lastCycleFailureShare: 1 / 3,
      consecutiveFailedCycles: 0,
      lastSuccessfulCycle: { id: 1, ended: START + 9 * SECOND },
    });

    // Cycle 3: 2 of 3 creates conflict, over 40 % with at least 3 writes.
    r.at(START + 80 * MINUTE);
    await r.createUser('alice@contoso.com');
    await r.createUser('bob@contoso.com');
    await r.createUser('heidi@contoso.com');
    const risk = tracker.evaluate().health;
    expect(risk).toMatchObject({
      state: 'QuarantineRisk',
      reason: 'EncounteredEscrowProportionThreshold',
      message:
        '2 of 3 writes (67 %) failed in cycle #3, over the 40 % share at which Entra quarantines the job. Entra applies this at ≥ 5,000 failures; scaled down for a small test tenant. (cycle #3 is still running)',
      nextAction: 'Open Failures, fix the most common error, then Restart provisioning',
      lastCycleFailureShare: 2 / 3,
      // The third write crossed the line: with two it was still under the 3-write floor.
      since: START + 80 * MINUTE + 2 * SECOND,
    });

    // Silence past 1.5 × 40 minutes after the risk: likely quarantined, same reason.
    r.at(START + 80 * MINUTE + 2 * SECOND + 60 * MINUTE + 1);
    expect(tracker.evaluate().health).toMatchObject({ state: 'LikelyQuarantined', reason: 'EncounteredEscrowProportionThreshold' });

    // Cycle 4 (Entra's +6 h retry): 1 of 2 writes fails; 50 % but under the 3-write floor, so Degraded only.
    r.at(START + 80 * MINUTE + 6 * 60 * MINUTE);
    await r.createUser('alice@contoso.com');
    await r.createUser('ivan@contoso.com');
    r.advance(10 * MINUTE);
    expect(tracker.evaluate().health).toMatchObject({
      state: 'Degraded',
      reason: 'EntryLevelErrors',
      message: '1 of 2 writes (50 %) failed in cycle #4, below the share at which Entra quarantines. Entra keeps failed objects in escrow and retries them on later cycles.',
      lastCycleFailureShare: 0.5,
      consecutiveFailedCycles: 0,
    });
    expect((await api['health.history']({ limit: 2 })).map((h) => [h.state, h.reason])).toEqual([
      ['Degraded', 'EntryLevelErrors'],
      ['LikelyQuarantined', 'EncounteredEscrowProportionThreshold'],
    ]);
  });
});
