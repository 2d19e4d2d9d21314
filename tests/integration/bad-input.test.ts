/**
 * Hostile and malformed requests: each gets the right status, a SCIM error body with application/scim+json, and the
 * listener keeps answering (checked after every test). No request here may produce a 5xx.
 */

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import { SCHEMA_USER, createGroup, createUser, expectScimError, filterParam, patchOp } from './scim-helpers.js';

let t: TestMonitor;

beforeAll(async () => {
  t = await startTestMonitor();
});

afterEach(async () => {
  const health = await t.scim('GET', '/ServiceProviderConfig');
  expect(health.status).toBe(200);
  expect(({} as any).polluted).toBeUndefined();
});

afterAll(async () => {
  try {
    const errors = t.monitor.log.latest(10_000).filter((row) => row.status >= 500);
    expect(errors.map((row) => `${row.method} ${row.path}?${row.query} → ${row.status}`)).toEqual([]);
  } finally {
    await t?.stop();
  }
});

describe('unparseable bodies', () => {
  it('answers malformed JSON with 400 invalidSyntax', async () => {
    expectScimError(await t.scim('POST', '/Users', '{"userName": "x",'), 400, 'invalidSyntax');
    expectScimError(await t.scim('PATCH', '/Users/anything', '{"Operations": [}'), 400, 'invalidSyntax');
  });

  it('answers a JSON array or string as a POST body with 400 invalidSyntax', async () => {
    expectScimError(await t.scim('POST', '/Users', [{ userName: 'array' }]), 400, 'invalidSyntax');
    expectScimError(await t.scim('POST', '/Users', '"just a string"'), 400, 'invalidSyntax');
    expectScimError(await t.scim('POST', '/Groups', '42'), 400, 'invalidSyntax');
    expectScimError(await t.scim('POST', '/Users'), 400, 'invalidSyntax');
  });

  it('answers a body over 1 MiB with 413 and still logs the request', async () => {
    const big = JSON.stringify({ schemas: [SCHEMA_USER], userName: 'big', title: 'x'.repeat(1024 * 1024) });
    const reply = await t.scim('POST', '/Users', big);
    expectScimError(reply, 413);
    const [row] = t.monitor.log.latest(1);
    expect(row).toMatchObject({ method: 'POST', path: '/scim/v2/Users', status: 413, req_bytes: Buffer.byteLength(big), req_body: null });
    expect((await t.scim('GET', `/Users?${filterParam('userName eq "big"')}`)).body.totalResults).toBe(0);
  });

  it('answers a chunked body (no Content-Length) that grows over 1 MiB with 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const init = { method: 'POST', body, duplex: 'half', headers: { authorization: `Bearer ${t.secret}` } };
    const response = await fetch(`${t.base}/Users`, init as RequestInit);
    const text = await response.text();
    expectScimError({ status: response.status, headers: response.headers, text, body: JSON.parse(text) }, 413);
    const [row] = t.monitor.log.latest(1);
    expect(row?.status).toBe(413);
    expect(row?.req_bytes).toBeGreaterThan(1024 * 1024);
  });

  it('answers a PATCH body without Operations with 400 invalidSyntax', async () => {
    const user = await createUser(t, { userName: 'no.ops' });
    expectScimError(await t.scim('PATCH', `/Users/${user.id}`, { schemas: [] }), 400, 'invalidSyntax');
    expectScimError(await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'merge', path: 'title', value: 'x' })), 400, 'invalidSyntax');
  });
});

describe('invalid filters, paths and values', () => {
  it.each(['userName eq', 'userName xx "a"', 'userName eq "open', '(userName eq "a"', 'emails[type eq "work"', 'and'])(
    'answers filter %j with 400 invalidFilter',
    async (filter) => {
      expectScimError(await t.scim('GET', `/Users?${filterParam(filter)}`), 400, 'invalidFilter');
    },
  );

  it('answers a bad filter in POST .search and on /Groups with 400 invalidFilter', async () => {
    expectScimError(await t.scim('POST', '/Users/.search', { filter: 'userName eq' }), 400, 'invalidFilter');
    expectScimError(await t.scim('GET', `/Groups?${filterParam('displayName zz "x"')}`), 400, 'invalidFilter');
  });

  it.each(['emails[type eq "work"', 'name.givenName.x', 'emails[type eq "work"]x', 'emails]', '[type eq "work"]', 'userName[type eq "x"]'])(
    'answers PATCH path %j with 400 invalidPath',
    async (path) => {
      const user = await createUser(t, { userName: `bad.path.${Math.abs(hash(path))}` });
      expectScimError(await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path, value: 'x' })), 400, 'invalidPath');
      expect((await t.scim('GET', `/Users/${user.id}`)).body.meta.version).toBe('W/"1"');
    },
  );

  it('answers wrong value types with 400 invalidValue', async () => {
    expectScimError(await t.scim('POST', '/Users', { userName: 'maybe', active: 'maybe' }), 400, 'invalidValue');
    expectScimError(await t.scim('POST', '/Users', { userName: 5 }), 400, 'invalidValue');
    expectScimError(await t.scim('POST', '/Users', { active: true }), 400, 'invalidValue');
    expectScimError(await t.scim('POST', '/Groups', { displayName: '' }), 400, 'invalidValue');
    const user = await createUser(t, { userName: 'typed' });
    expectScimError(await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'maybe' })), 400, 'invalidValue');
    expectScimError(await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'userName', value: 5 })), 400, 'invalidValue');
    expectScimError(await t.scim('GET', '/Users?startIndex=abc'), 400, 'invalidValue');
    const read = await t.scim('GET', `/Users/${user.id}`);
    expect([read.body.userName, read.body.meta.version]).toEqual(['typed', 'W/"1"']);
  });

  it('answers a PATCH on id with 400 mutability and keeps the id', async () => {
    const user = await createUser(t, { userName: 'immutable.id' });
    expectScimError(await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'id', value: 'other' })), 400, 'mutability');
    expect((await t.scim('GET', `/Users/${user.id}`)).body.id).toBe(user.id);
    expectScimError(await t.scim('GET', '/Users/other'), 404);
  });

  it('answers bad percent-encoding in the path with 400', async () => {
    expectScimError(await t.scim('GET', '/Users/%E0%A4%A'), 400, 'invalidSyntax');
    expectScimError(await t.scim('GET', '/Users/%zz'), 400, 'invalidSyntax');
  });
});

describe('conflicts and unknown ids', () => {
  it('answers a duplicate userName in another case with 409 uniqueness', async () => {
    await createUser(t, { userName: 'dup.user@contoso.com' });
    expectScimError(await t.scim('POST', '/Users', { userName: 'DUP.User@Contoso.com' }), 409, 'uniqueness');
    const other = await createUser(t, { userName: 'dup.other' });
    expectScimError(await t.scim('PATCH', `/Users/${other.id}`, patchOp({ op: 'replace', path: 'userName', value: 'Dup.User@contoso.com' })), 409, 'uniqueness');
    expect((await t.scim('GET', `/Users/${other.id}`)).body.userName).toBe('dup.other');
  });

  it('answers a duplicate group displayName with 409 uniqueness', async () => {
    await createGroup(t, { displayName: 'Dup Group' });
    expectScimError(await t.scim('POST', '/Groups', { displayName: 'dup group' }), 409, 'uniqueness');
    const other = await createGroup(t, { displayName: 'Other Group' });
    expectScimError(await t.scim('PATCH', `/Groups/${other.id}`, patchOp({ op: 'Replace', path: 'displayName', value: 'DUP GROUP' })), 409, 'uniqueness');
  });

  it('answers unknown ids with 404 on every method', async () => {
    for (const kind of ['Users', 'Groups']) {
      const path = `/${kind}/00000000-0000-0000-0000-000000000000`;
      expectScimError(await t.scim('GET', path), 404);
      expectScimError(await t.scim('PATCH', path, patchOp({ op: 'replace', path: 'displayName', value: 'x' })), 404);
      expectScimError(await t.scim('PUT', path, { userName: 'x', displayName: 'x' }), 404);
      expectScimError(await t.scim('DELETE', path), 404);
    }
  });

  it('answers adding an unknown member id to a group with 400 invalidValue and changes nothing', async () => {
    const user = await createUser(t, { userName: 'known.member' });
    const group = await createGroup(t, { displayName: 'Members Check' });
    const reply = await t.scim('PATCH', `/Groups/${group.id}`, patchOp({ op: 'Add', path: 'members', value: [{ value: user.id }, { value: 'no-such-user' }] }));
    expectScimError(reply, 400, 'invalidValue');
    const read = await t.scim('GET', `/Groups/${group.id}`);
    expect([read.body.members, read.body.meta.version]).toEqual([[], 'W/"1"']);
    expectScimError(await t.scim('POST', '/Groups', { displayName: 'Born Broken', members: [{ value: 'no-such-user' }] }), 400, 'invalidValue');
    expect((await t.scim('GET', `/Groups?${filterParam('displayName eq "Born Broken"')}`)).body.totalResults).toBe(0);
  });

  it('lets exactly one of 50 concurrent POSTs of the same userName succeed', async () => {
    const replies = await Promise.all(Array.from({ length: 50 }, () => t.scim('POST', '/Users', { userName: 'race@contoso.com' })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const reply of replies.filter((r) => r.status === 409)) expectScimError(reply, 409, 'uniqueness');
    expect((await t.scim('GET', `/Users?${filterParam('userName eq "race@contoso.com"')}`)).body.totalResults).toBe(1);
  });
});

describe('prototype pollution', () => {
  it('keeps __proto__ and constructor keys in POST bodies inert', async () => {
    const body = `{"userName":"proto.user","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},
      "name":{"givenName":"P","__proto__":{"polluted":"yes"}},"emails":[{"value":"p@contoso.com","__proto__":{"polluted":"yes"}}]}`;
    const reply = await t.scim('POST', '/Users', body);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.text).not.toContain('polluted');
    expect(reply.body.name).toEqual({ givenName: 'P' });
    const group = await t.scim('POST', '/Groups', '{"displayName":"proto.group","__proto__":{"polluted":"yes"}}');
    expect(group.status, group.text).toBe(201);
    expect(group.text).not.toContain('polluted');
  });

  it.each(['__proto__', '__proto__.polluted', 'constructor.prototype', 'name.__proto__', 'emails[type eq "work"].__proto__', 'emails[__proto__ eq "x"].value', 'prototype'])(
    'rejects PATCH path %j with 400 invalidPath',
    async (path) => {
      const user = await createUser(t, { userName: `proto.path.${Math.abs(hash(path))}` });
      expectScimError(await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'add', path, value: { polluted: 'yes' } })), 400, 'invalidPath');
    },
  );

  it('drops __proto__ keys in a path-less PATCH value', async () => {
    const user = await createUser(t, { userName: 'proto.pathless' });
    const reply = await t.scim('PATCH', `/Users/${user.id}`, `{"Operations":[{"op":"add","value":{"__proto__":{"polluted":"yes"},"title":"T"}}]}`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.title).toBe('T');
    expect(reply.text).not.toContain('polluted');
  });

  it('treats __proto__ in filters and attribute lists as unknown attributes', async () => {
    expectScimError(await t.scim('GET', `/Users?${filterParam('__proto__ eq "x"')}`), 400, 'invalidFilter');
    const constructor = await t.scim('GET', `/Users?${filterParam('constructor eq "x" or constructor.prototype pr')}`);
    expect([constructor.status, constructor.body.totalResults]).toEqual([200, 0]);
    const projected = await t.scim('GET', '/Users?attributes=__proto__,constructor&count=1');
    expect(projected.status).toBe(200);
    expect(projected.body.Resources.map((r: any) => Object.keys(r))).toEqual([['schemas', 'id']]);
  });
});

/** A small stable hash, to give each parameterised case its own userName. */
function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}
