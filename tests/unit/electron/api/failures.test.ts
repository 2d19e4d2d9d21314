/**
 * failures.groups over real listener traffic (design/screens.md Screen 4), plus the pure parts it is made of: the
 * detail template, titles, and "what Entra will record" (entra-behavior.md §4).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '../../../../electron/api/call.js';
import { entraMessage, explainFailure } from '../../../../electron/api/explain.js';
import { detailTemplate, failureTitle } from '../../../../electron/api/failure-signature.js';
import { failureHandlers } from '../../../../electron/api/failures.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import { testApiDeps } from '../../../support/api.js';
import { startTestMonitor, type TestMonitor } from '../../../support/monitor.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const user = (userName: string) => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, active: true });

let t: TestMonitor | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function setup() {
  let clock = T0;
  const monitor = await startTestMonitor({ now: () => clock });
  t = monitor;
  const api = failureHandlers(testApiDeps(monitor, { now: () => clock }));
  const send = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    clock += 1_000;
    return monitor.scim(method, path, body, headers);
  };
  const groups = async (query?: Parameters<(typeof api)['failures.groups']>[0]) => api['failures.groups'](query);
  return { monitor, api, send, groups, at: (ms: number) => (clock = ms) };
}

describe('failures.groups', () => {
  it('groups two conflicts for different users into one group, and a 401 into another', async () => {
    const { send, groups, at } = await setup();
    await send('POST', '/Users', user('alice@contoso.com'));
    await send('POST', '/Users', user('bob@contoso.com'));
    await send('POST', '/Users', user('alice@contoso.com'));
    await send('GET', '/Users?filter=userName+eq+%22carol%40contoso.com%22', undefined, { authorization: 'Bearer wrong' });
    at(T0 + 2 * HOUR);
    const bobConflict = await send('POST', '/Users', user('BOB@contoso.com'));
    expect(bobConflict.status).toBe(409);
    at(T0 + 2.5 * HOUR);

    const found = await groups();
    expect(found.map((g) => g.title)).toEqual(['Create user → 409 uniqueness', 'Match user → 401 Unauthorized']);
    const [conflict, unauthorized] = found;
    expect(conflict).toMatchObject({ operation: 'create', httpStatus: 409, scimType: 'uniqueness', errorCode: 'EntryConflict', count: 2, resolved: false });
    expect(new Set(conflict!.identities)).toEqual(new Set(['alice@contoso.com', 'BOB@contoso.com']));
    expect(conflict!.meaning).toContain('unique value');
    expect(conflict!.recommendedAction).toContain('matching attribute');
    expect(conflict!.cycles).toEqual([1, 2]);
    expect(conflict!.firstSeen).toBe(T0 + 3_000);
    expect(conflict!.lastSeen).toBe(T0 + 2 * HOUR + 1_000);
    // 24 hourly buckets ending now: alice's conflict 2.5 h ago, bob's 0.5 h ago.
    expect(conflict!.trend).toHaveLength(24);
    expect(conflict!.trend[21]).toBe(1);
    expect(conflict!.trend[23]).toBe(1);
    expect(conflict!.trend.reduce((a, b) => a + b, 0)).toBe(2);
    expect(unauthorized).toMatchObject({ httpStatus: 401, errorCode: 'Unauthorized', count: 1, identities: ['carol@contoso.com'], scimType: null });
    expect(conflict!.signature).toMatch(/^[0-9a-f]{16}$/);
    expect(conflict!.signature).not.toBe(unauthorized!.signature);
    const logged = t!.monitor.log.latest(1)[0]!;
    expect(conflict!.sampleRequestId).toBe(logged.id);
  });

  it('counts new failures as they arrive, and keeps signatures stable', async () => {
    const { send, groups } = await setup();
    await send('POST', '/Users', user('alice@contoso.com'));
    await send('POST', '/Users', user('alice@contoso.com'));
    const before = await groups();
    await send('POST', '/Users', user('alice@contoso.com'));
    const after = await groups();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ signature: before[0]!.signature, count: 2, identities: ['alice@contoso.com'] });
  });

  it('marks a group resolved once a later create for each identity succeeds', async () => {
    const { send, groups } = await setup();
    const alice = (await send('POST', '/Users', user('alice@contoso.com'))).body.id as string;
    const bob = (await send('POST', '/Users', user('bob@contoso.com'))).body.id as string;
    await send('POST', '/Users', user('alice@contoso.com'));
    await send('POST', '/Users', user('bob@contoso.com'));
    await send('GET', '/Users', undefined, { authorization: 'Bearer wrong' });
    await send('DELETE', `/Users/${alice}`);
    await send('POST', '/Users', user('alice@contoso.com'));
    expect((await groups()).find((g) => g.httpStatus === 409)?.resolved).toBe(false);
    await send('DELETE', `/Users/${bob}`);
    await send('POST', '/Users', user('bob@contoso.com'));
    expect((await groups()).find((g) => g.httpStatus === 409)?.resolved).toBe(true);
    expect((await groups({ unresolvedOnly: true })).map((g) => g.httpStatus)).toEqual([401]);
    // The 401 on a plain list (no identity) resolves when a later list succeeds.
    await send('GET', '/Users');
    expect(await groups({ unresolvedOnly: true })).toEqual([]);
  });

  it('narrows by time, cycle and identity prefix', async () => {
    const { send, groups, at } = await setup();
    await send('POST', '/Users', user('alice@contoso.com'));
    await send('POST', '/Users', user('bob@contoso.com'));
    await send('POST', '/Users', user('alice@contoso.com'));
    at(T0 + HOUR);
    await send('POST', '/Users', user('bob@contoso.com'));
    expect((await groups({ identity: 'BO' }))[0]).toMatchObject({ count: 1, identities: ['bob@contoso.com'], cycles: [2] });
    expect((await groups({ cycleId: 1 }))[0]).toMatchObject({ count: 1, identities: ['alice@contoso.com'] });
    expect((await groups({ from: T0 + HOUR }))[0]).toMatchObject({ count: 1, identities: ['bob@contoso.com'] });
    expect((await groups({ to: T0 + HOUR }))[0]).toMatchObject({ count: 1, identities: ['alice@contoso.com'] });
    expect(await groups({ identity: 'carol' })).toEqual([]);
  });

  it('validates its input at the boundary', async () => {
    const { api } = await setup();
    const handlers = { ...api } as unknown as MonitorApiHandlers;
    expect(await callApi(handlers, 'failures.groups', undefined)).toEqual({ ok: true, value: [] });
    expect(await callApi(handlers, 'failures.groups', { unresolved: true })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await callApi(handlers, 'failures.groups', { cycleId: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('detail templates and titles', () => {
  it('replaces ids, quoted values, addresses and numbers with placeholders', () => {
    const alice = 'userName "alice@contoso.com" is already used by user 5f0c1d2e-1111-4222-8333-944455556666; userName is unique.';
    const bob = 'userName "bob@contoso.com" is already used by user 0a0b0c0d-aaaa-4bbb-8ccc-dddddddddddd; userName is unique.';
    expect(detailTemplate(alice)).toBe('userName "…" is already used by user {id}; userName is unique.');
    expect(detailTemplate(bob)).toBe(detailTemplate(alice));
    expect(detailTemplate("Attribute 'title' exceeds 64 characters for carol@contoso.com (object 9f8e7d6c5b4a3921)")).toBe(
      "Attribute '…' exceeds {n} characters for {email} (object {id})",
    );
    expect(detailTemplate(null)).toBe('');
  });

  it('titles a group by operation and answer', () => {
    expect(failureTitle({ entity: 'Group', operation: 'add-members', status: 400, scimType: 'invalidValue', errorCode: 'X' })).toBe('Add members → 400 invalidValue');
    expect(failureTitle({ entity: 'User', operation: 'read', status: 404, scimType: null, errorCode: 'InvalidAnchor' })).toBe('Get user → 404 NotFound');
    expect(failureTitle({ entity: 'User', operation: 'match', status: 200, scimType: null, errorCode: 'DuplicateTargetEntries' })).toBe(
      'Match user → 200 DuplicateTargetEntries',
    );
  });
});

describe('explainFailure', () => {
  const ts = Date.UTC(2023, 2, 2, 7, 3, 56, 650);
  const failure = (status: number, operation: 'match' | 'read' | 'create' | 'update', errorCode: string) =>
    explainFailure({ status, operation, outcome: 'Failure', errorCode, ts, responseBody: '{"status":"404"}' });

  it('tells the two meanings of SystemForCrossDomainIdentityManagementServiceIncompatible apart', () => {
    const code = 'SystemForCrossDomainIdentityManagementServiceIncompatible';
    expect(failure(404, 'match', code)?.meaning).toContain('SCIM compliance');
    expect(failure(502, 'update', code)?.meaning).toContain('could not use');
    expect(failure(404, 'read', 'InvalidAnchor')).toMatchObject({ errorCode: 'InvalidAnchor' });
    expect(failure(400, 'create', 'SystemForCrossDomainIdentityManagementBadRequest')?.recommendedAction).toContain('detail');
  });

  it('writes Entra\'s log text, retried at the next cycle 40 minutes later', () => {
    expect(entraMessage(404, '{"status":"404"}', ts).split('\n')).toEqual([
      'StatusCode: NotFound',
      "Message: Processing of the HTTP request resulted in an exception. Please see the HTTP response returned by the 'Response' property of this exception for details.",
      'Web Response: {"status":"404"}.',
      'This operation was retried 0 times. It will be retried again after this date: 2023-03-02T07:43:56.6500000Z UTC',
    ]);
  });

  it('has nothing to explain for a success, and names Entra\'s own verdict for a 200 failure', () => {
    expect(explainFailure({ status: 201, operation: 'create', outcome: 'Success', errorCode: null, ts, responseBody: null })).toBeNull();
    const duplicate = explainFailure({ status: 200, operation: 'match', outcome: 'Failure', errorCode: 'DuplicateTargetEntries', ts, responseBody: '{}' });
    expect(duplicate?.entraMessage).toMatch(/^DuplicateTargetEntries: /);
  });
});
