/**
 * RFC 7644 protocol behaviour over HTTP that Entra does not exercise but validators and Okta do: discovery, /Bulk and
 * /Me, pagination, projection, PUT, ETag preconditions, POST .search, 405 and 404 routing, and the full filter grammar.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import {
  MESSAGE_LIST_RESPONSE,
  SCHEMA_ENTERPRISE_USER,
  SCHEMA_GROUP,
  SCHEMA_USER,
  SCIM_JSON,
  createUser,
  expectScimError,
  filterParam,
  patchOp,
} from './scim-helpers.js';

let t: TestMonitor;

beforeAll(async () => {
  t = await startTestMonitor();
});

afterAll(async () => {
  await t?.stop();
});

describe('discovery', () => {
  it('serves /ServiceProviderConfig with patch supported and bulk unsupported', async () => {
    const reply = await t.scim('GET', '/ServiceProviderConfig');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe(SCIM_JSON);
    expect(reply.body.patch).toEqual({ supported: true });
    expect(reply.body.bulk.supported).toBe(false);
    expect(reply.body.meta.location).toBe(`${t.base}/ServiceProviderConfig`);
  });

  it('serves /Schemas as a ListResponse and each schema by its URN', async () => {
    const all = await t.scim('GET', '/Schemas');
    expect(all.status).toBe(200);
    expect(all.body.schemas).toEqual([MESSAGE_LIST_RESPONSE]);
    expect(all.body.totalResults).toBe(3);
    expect(all.body.Resources.map((s: any) => s.id)).toEqual([SCHEMA_USER, SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP]);
    const user = await t.scim('GET', `/Schemas/${SCHEMA_USER}`);
    expect(user.status).toBe(200);
    expect(user.body.id).toBe(SCHEMA_USER);
    expect(user.body.attributes.map((a: any) => a.name)).toContain('userName');
    expect(user.body.meta).toEqual({ resourceType: 'Schema', location: `${t.base}/Schemas/${SCHEMA_USER}` });
    expectScimError(await t.scim('GET', '/Schemas/urn:example:nothing'), 404);
  });

  it('serves /ResourceTypes and /ResourceTypes/User', async () => {
    const all = await t.scim('GET', '/ResourceTypes');
    expect(all.status).toBe(200);
    expect(all.body.totalResults).toBe(2);
    expect(all.body.Resources.map((r: any) => r.id)).toEqual(['User', 'Group']);
    const user = await t.scim('GET', '/ResourceTypes/User');
    expect(user.status).toBe(200);
    expect([user.body.id, user.body.endpoint, user.body.schema]).toEqual(['User', '/Users', SCHEMA_USER]);
    expect(user.body.schemaExtensions).toEqual([{ schema: SCHEMA_ENTERPRISE_USER, required: false }]);
    expectScimError(await t.scim('GET', '/ResourceTypes/Device'), 404);
  });

  it('answers /Bulk and /Me with 501', async () => {
    expectScimError(await t.scim('POST', '/Bulk', { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] }), 501);
    expectScimError(await t.scim('GET', '/Me'), 501);
  });
});

describe('routing', () => {
  it('answers 405 with Allow for DELETE /Users', async () => {
    const reply = await t.scim('DELETE', '/Users');
    expectScimError(reply, 405);
    expect(reply.headers.get('allow')).toBe('GET, POST');
  });

  it('answers 404 with a SCIM error for an unknown path under /scim/v2 and for a path outside it', async () => {
    expectScimError(await t.scim('GET', '/Devices'), 404);
    expectScimError(await t.scim('GET', '/Users/a/b'), 404);
    const outside = await fetch(`${t.base.replace(/\/scim\/v2$/, '')}/api/Users`, { headers: { authorization: `Bearer ${t.secret}` } });
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-type')).toBe(SCIM_JSON);
    expect((await outside.json()).schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  });

  it('answers HEAD with 405 and an over-long URL with 414', async () => {
    const head = await t.scim('HEAD', '/Users');
    expect([head.status, head.headers.get('allow')]).toEqual([405, 'GET, POST']);
    expectScimError(await t.scim('GET', `/Users?x=${'a'.repeat(9000)}`), 414);
    expect(t.monitor.log.latest(1)[0]).toMatchObject({ method: 'GET', status: 414, query: '' });
  });

  it('builds Location and meta.location from X-Forwarded-Host/Proto, ignoring a malformed host', async () => {
    const tunnel = { 'x-forwarded-host': 'abc.tunnel.example.net', 'x-forwarded-proto': 'https' };
    const created = await t.scim('POST', '/Users', { userName: 'behind.tunnel' }, tunnel);
    const location = `https://abc.tunnel.example.net/scim/v2/Users/${created.body.id}`;
    expect([created.headers.get('location'), created.body.meta.location]).toEqual([location, location]);
    const evil = await t.scim('GET', `/Users/${created.body.id}`, undefined, { 'x-forwarded-host': 'evil.example/x"<script>' });
    expect(evil.body.meta.location).toBe(`${t.base}/Users/${created.body.id}`);
  });

  it('routes endpoint names case-insensitively', async () => {
    expect((await t.scim('GET', '/users?count=0')).status).toBe(200);
    expect((await t.scim('GET', '/serviceproviderconfig')).status).toBe(200);
  });
});

describe('users: pagination, projection, PUT, preconditions, .search', () => {
  let ids: string[] = [];

  beforeAll(async () => {
    const local = await startTestMonitor();
    // A separate monitor keeps the page counts exact whatever other tests create.
    t2 = local;
    ids = [];
    for (let i = 1; i <= 5; i += 1) ids.push((await createUser(local, { userName: `page.user${i}`, title: `T${i}` })).id);
  });

  afterAll(async () => {
    await t2.stop();
  });

  let t2: TestMonitor;

  it('pages with startIndex and count', async () => {
    const first = await t2.scim('GET', '/Users?startIndex=1&count=2');
    expect(first.status).toBe(200);
    expect([first.body.totalResults, first.body.startIndex, first.body.itemsPerPage]).toEqual([5, 1, 2]);
    expect(first.body.Resources.map((r: any) => r.id)).toEqual(ids.slice(0, 2));
    const last = await t2.scim('GET', '/Users?startIndex=5&count=2');
    expect([last.body.totalResults, last.body.startIndex, last.body.itemsPerPage]).toEqual([5, 5, 1]);
    expect(last.body.Resources.map((r: any) => r.id)).toEqual([ids[4]]);
    const beyond = await t2.scim('GET', '/Users?startIndex=9&count=2');
    expect([beyond.body.totalResults, beyond.body.itemsPerPage, beyond.body.Resources]).toEqual([5, 0, []]);
    const none = await t2.scim('GET', '/Users?count=0');
    expect([none.body.totalResults, none.body.itemsPerPage]).toEqual([5, 0]);
  });

  it('projects attributes=userName to schemas, id and userName', async () => {
    const reply = await t2.scim('GET', `/Users?attributes=userName&${filterParam('userName eq "page.user3"')}`);
    expect(reply.body.Resources).toEqual([{ schemas: [SCHEMA_USER], id: ids[2], userName: 'page.user3' }]);
    const excluded = await t2.scim('GET', `/Users/${ids[2]}?excludedAttributes=title,meta`);
    expect(excluded.body).not.toHaveProperty('title');
    expect(excluded.body.userName).toBe('page.user3');
  });

  it('replaces a user with PUT (Okta) and drops attributes not sent', async () => {
    const user = await createUser(t2, { userName: 'put.user', title: 'Old', emails: [{ type: 'work', value: 'put@contoso.com' }] });
    const reply = await t2.scim('PUT', `/Users/${user.id}`, { schemas: [SCHEMA_USER], userName: 'put.user', name: { givenName: 'Put' }, active: false });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get('etag')).toBe('W/"2"');
    expect(reply.body).toEqual({
      schemas: [SCHEMA_USER],
      id: user.id,
      userName: 'put.user',
      name: { givenName: 'Put' },
      active: false,
      meta: { ...user.meta, lastModified: reply.body.meta.lastModified, version: 'W/"2"' },
    });
    expect((await t2.scim('GET', `/Users/${user.id}`)).body).toEqual(reply.body);
  });

  it('refuses PATCH, PUT and DELETE with a stale If-Match (412) and leaves the user unchanged', async () => {
    const user = await createUser(t2, { userName: 'etag.user', title: 'v1' });
    const bumped = await t2.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'v2' }));
    expect(bumped.headers.get('etag')).toBe('W/"2"');
    const stale = { 'if-match': 'W/"1"' };
    expectScimError(await t2.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'v3' }), stale), 412);
    expectScimError(await t2.scim('PUT', `/Users/${user.id}`, { userName: 'etag.user', title: 'v3' }, stale), 412);
    expectScimError(await t2.scim('DELETE', `/Users/${user.id}`, undefined, stale), 412);
    const unchanged = await t2.scim('GET', `/Users/${user.id}`);
    expect([unchanged.status, unchanged.body.title, unchanged.body.meta.version]).toEqual([200, 'v2', 'W/"2"']);

    const fresh = await t2.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'v3' }), { 'if-match': 'W/"2"' });
    expect([fresh.status, fresh.body.title, fresh.headers.get('etag')]).toEqual([200, 'v3', 'W/"3"']);
    const star = await t2.scim('PUT', `/Users/${user.id}`, { userName: 'etag.user', title: 'v4' }, { 'if-match': '*' });
    expect([star.status, star.body.title]).toEqual([200, 'v4']);
    expect((await t2.scim('DELETE', `/Users/${user.id}`, undefined, { 'if-match': 'W/"4"' })).status).toBe(204);
  });

  it('refuses a stale If-Match on a group PATCH too', async () => {
    const group = await t2.scim('POST', '/Groups', { displayName: 'etag.group' });
    expectScimError(await t2.scim('PATCH', `/Groups/${group.body.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'x' }), { 'if-match': 'W/"7"' }), 412);
    expect((await t2.scim('GET', `/Groups/${group.body.id}`)).body.displayName).toBe('etag.group');
  });

  it('searches with POST /Users/.search', async () => {
    const reply = await t2.scim('POST', '/Users/.search', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: 'userName sw "page.user" and title eq "T4"',
      attributes: ['userName'],
      startIndex: 1,
      count: 10,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({
      schemas: [MESSAGE_LIST_RESPONSE],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [{ schemas: [SCHEMA_USER], id: ids[3], userName: 'page.user4' }],
    });
  });
});

describe('filter grammar over HTTP', () => {
  let f: TestMonitor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    f = await startTestMonitor();
    ids.alice = (await createUser(f, { userName: 'alice@contoso.com', externalId: 'abc', title: 'Engineer', emails: [{ type: 'work', value: 'alice@contoso.com' }] })).id;
    ids.bob = (await createUser(f, {
      userName: 'bob@fabrikam.com',
      externalId: 'def',
      emails: [{ type: 'work', value: 'bob@fabrikam.com' }, { type: 'home', value: 'bob@contoso.com' }],
    })).id;
    ids.carol = (await createUser(f, { userName: 'carol@contoso.com', externalId: 'ghi', emails: [{ type: 'home', value: 'carol@contoso.com' }] })).id;
  });

  afterAll(async () => {
    await f.stop();
  });

  const names = async (filter: string): Promise<string[]> => {
    const reply = await f.scim('GET', `/Users?${filterParam(filter)}`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.totalResults).toBe(reply.body.Resources.length);
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return reply.body.Resources.map((r: any) => byId[r.id]).sort();
  };

  it.each([
    ['userName eq "alice@contoso.com" or userName eq "bob@fabrikam.com"', ['alice', 'bob']],
    ['not (userName co "contoso")', ['bob']],
    ['userName co "CONTOSO"', ['alice', 'carol']],
    ['userName sw "car"', ['carol']],
    ['userName ew "@fabrikam.com"', ['bob']],
    ['title pr', ['alice']],
    ['not (title pr)', ['bob', 'carol']],
    ['emails[type eq "work" and value co "@contoso"]', ['alice']],
    ['emails[type eq "work"].value eq "bob@fabrikam.com"', ['bob']],
    ['emails[type eq "home"]', ['bob', 'carol']],
    ['emails co "contoso"', ['alice', 'bob', 'carol']],
    ['externalId eq abc', ['alice']],
    ['externalId eq "ABC"', []],
    ['(externalId eq "abc" or externalId eq "ghi") and not (emails[type eq "work"])', ['carol']],
    ['userName eq "nobody@contoso.com"', []],
  ])('%s', async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });
});

describe('conditional GET (RFC 7644 §3.14)', () => {
  let t: TestMonitor;
  beforeAll(async () => {
    t = await startTestMonitor();
  });
  afterAll(() => t.stop());

  it('answers 304 to If-None-Match with the current version and 200 after a change', async () => {
    const created = await t.scim('POST', '/Users', { userName: 'etag@contoso.com' });
    const etag = created.headers.get('etag')!;
    const same = await t.scim('GET', `/Users/${created.body.id}`, undefined, { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    await t.scim('PATCH', `/Users/${created.body.id}`, { Operations: [{ op: 'replace', path: 'displayName', value: 'Changed' }] });
    const changed = await t.scim('GET', `/Users/${created.body.id}`, undefined, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.displayName).toBe('Changed');
  });
});
