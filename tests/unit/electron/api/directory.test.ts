/**
 * directory.* over real listener traffic (design/screens.md Screen 6): paged users and groups with a
 * case-insensitive prefix search, and one identity's timeline with its attribute history.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../../../electron/api/call.js';
import { directoryHandlers } from '../../../../electron/api/directory.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import { testApiDeps } from '../../../support/api.js';
import { startTestMonitor, type TestMonitor } from '../../../support/monitor.js';

const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const user = (userName: string, displayName: string, externalId: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  displayName,
  externalId,
  active: true,
});
const patch = (...Operations: unknown[]) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations });

let t: TestMonitor;
let clock = T0;
let api: ReturnType<typeof directoryHandlers>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestMonitor({ now: () => clock });
  api = directoryHandlers(testApiDeps(t));
  const send = async (method: string, path: string, body?: unknown) => {
    clock += 1_000;
    return t.scim(method, path, body);
  };
  for (const [name, display] of [['alice@contoso.com', 'Alice Smith'], ['Alicia@contoso.com', 'Alicia Jones'], ['bob@contoso.com', 'Robert Alison']]) {
    ids[name!] = (await send('POST', '/Users', user(name!, display!, `ext-${name}`))).body.id;
  }
  await send('GET', '/Users?filter=userName+eq+%22alice%40contoso.com%22');
  await send('PATCH', `/Users/${ids['alice@contoso.com']}`, patch({ op: 'Replace', path: 'displayName', value: 'Alice Brown' }));
  await send('PATCH', `/Users/${ids['alice@contoso.com']}`, patch({ op: 'Replace', path: 'displayName', value: 'Alice Green' }, { op: 'Replace', path: 'title', value: 'Lead' }));
  const group = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Sales', members: [{ value: ids['alice@contoso.com'] }, { value: ids['bob@contoso.com'] }] };
  ids.Sales = (await send('POST', '/Groups', group)).body.id;
  ids.Engineering = (await send('POST', '/Groups', { schemas: group.schemas, displayName: 'Engineering', members: [{ value: ids['alice@contoso.com'] }] })).body.id;
  await send('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'zed@contoso.com', active: 'maybe' });
});

afterAll(async () => {
  await t.stop();
});

describe('directory.users', () => {
  it('lists users in userName order with their group counts', async () => {
    const page = await api['directory.users'](undefined);
    expect(page.total).toBe(3);
    expect(page.items.map((u) => [u.userName, u.displayName, u.groups])).toEqual([
      ['alice@contoso.com', 'Alice Green', 2],
      ['Alicia@contoso.com', 'Alicia Jones', 0],
      ['bob@contoso.com', 'Robert Alison', 1],
    ]);
    expect(page.items[0]).toMatchObject({ id: ids['alice@contoso.com'], active: true, externalId: 'ext-alice@contoso.com' });
  });

  it('pages with offset and limit', async () => {
    const first = await api['directory.users']({ limit: 2 });
    const second = await api['directory.users']({ limit: 2, offset: 2 });
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...first.items, ...second.items].map((u) => u.userName)).toEqual(['alice@contoso.com', 'Alicia@contoso.com', 'bob@contoso.com']);
    expect((await api['directory.users']({ offset: 10 })).items).toEqual([]);
  });

  it('searches userName or displayName by case-insensitive prefix', async () => {
    expect((await api['directory.users']({ search: 'ALI' })).items.map((u) => u.userName)).toEqual(['alice@contoso.com', 'Alicia@contoso.com']);
    expect(await api['directory.users']({ search: 'robert' })).toMatchObject({ total: 1, items: [{ userName: 'bob@contoso.com' }] });
    // Prefix, not substring: "Alison" is inside "Robert Alison" but does not start it.
    expect((await api['directory.users']({ search: 'alis' })).total).toBe(0);
    expect(await api['directory.users']({ search: 'alic', limit: 1, offset: 1 })).toMatchObject({ total: 2, items: [{ userName: 'Alicia@contoso.com' }] });
  });
});

describe('directory.groups', () => {
  it('lists and searches groups with member counts', async () => {
    expect((await api['directory.groups'](undefined)).items.map((g) => [g.displayName, g.members])).toEqual([
      ['Engineering', 1],
      ['Sales', 2],
    ]);
    expect(await api['directory.groups']({ search: 'sa' })).toMatchObject({ total: 1, items: [{ id: ids.Sales, displayName: 'Sales', members: 2 }] });
  });
});

describe('directory.identity', () => {
  it('shows a user created then updated, with each attribute old → new', async () => {
    const timeline = await api['directory.identity']({ identity: 'ALICE@contoso.com' });
    expect(timeline).toMatchObject({ identity: 'alice@contoso.com', entity: 'User', resourceId: ids['alice@contoso.com'] });
    expect(timeline.events.map((e) => e.operation)).toEqual(['update', 'update', 'match', 'create']);
    const history = Object.fromEntries(timeline.attributeHistory.map((h) => [h.attribute, h.changes.map((c) => [c.oldValue, c.newValue])]));
    expect(history.displayName).toEqual([
      [null, 'Alice Smith'],
      ['Alice Smith', 'Alice Brown'],
      ['Alice Brown', 'Alice Green'],
    ]);
    expect(history.title).toEqual([[null, 'Lead']]);
    const changes = timeline.attributeHistory.find((h) => h.attribute === 'displayName')!.changes;
    expect(changes.map((c) => c.requestId)).toEqual([...timeline.events.filter((e) => e.operation !== 'match').map((e) => e.id)].reverse());
    expect(timeline.current).toMatchObject({ id: ids['alice@contoso.com'], displayName: 'Alice Green', title: 'Lead' });
    expect((timeline.current?.meta as { location: string }).location).toBe(`${t.base}/Users/${ids['alice@contoso.com']}`);
    expect((timeline.current?.groups as { display: string }[]).map((g) => g.display)).toEqual(['Engineering', 'Sales']);
  });

  it('finds an identity by id, and a group by displayName', async () => {
    expect((await api['directory.identity']({ identity: ids['bob@contoso.com']! })).identity).toBe('bob@contoso.com');
    const sales = await api['directory.identity']({ identity: 'sales' });
    expect(sales).toMatchObject({ identity: 'Sales', entity: 'Group', resourceId: ids.Sales });
    expect((sales.current?.members as { value: string }[]).map((m) => m.value).sort()).toEqual([ids['alice@contoso.com'], ids['bob@contoso.com']].sort());
    expect(sales.events.map((e) => e.operation)).toEqual(['create']);
  });

  it('shows the log of an identity that never made it into the directory', async () => {
    const zed = await api['directory.identity']({ identity: 'zed@contoso.com' });
    expect(zed).toMatchObject({ identity: 'zed@contoso.com', entity: 'User', resourceId: null, current: null });
    expect(zed.events.map((e) => [e.operation, e.outcome])).toEqual([['create', 'Failure']]);
    expect(await api['directory.identity']({ identity: 'nobody' })).toEqual({
      identity: 'nobody', entity: null, resourceId: null, current: null, events: [], attributeHistory: [],
    });
  });

  it('validates its input at the boundary', async () => {
    const handlers = { ...api } as unknown as MonitorApiHandlers;
    expect(await callApi(handlers, 'directory.identity', { identity: '' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await callApi(handlers, 'directory.users', { limit: 1001 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await callApi(handlers, 'directory.groups', { search: 'S' })).toMatchObject({ ok: true, value: { total: 1 } });
  });
});
