/**
 * Entra's documented request sequence in the DEFAULT PATCH dialect (entra-behavior.md §1.1, §2.1, §2.2, §3.1, §3.2),
 * replayed over real HTTP against the listener.
 */

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import {
  MESSAGE_LIST_RESPONSE,
  SCHEMA_ENTERPRISE_USER,
  SCHEMA_GROUP,
  SCHEMA_USER,
  SCIM_JSON,
  createUser,
  entraCreateBody,
  entraGroupBody,
  expectScimError,
  filterParam,
  memberIds,
  patchOp,
} from './scim-helpers.js';

let t: TestMonitor;

beforeAll(async () => {
  t = await startTestMonitor();
});

afterAll(async () => {
  await t?.stop();
});

describe('Entra default dialect: users', () => {
  it('answers the Test Connection probe with an empty ListResponse', async () => {
    const reply = await t.scim('GET', `/Users?filter=userName+eq+%22${randomUUID()}%22`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe(SCIM_JSON);
    expect(reply.body).toEqual({ schemas: [MESSAGE_LIST_RESPONSE], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });

  it('matches, creates, matches again case-insensitively and reads the user', async () => {
    const userName = 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee';
    const externalId = '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef';
    const match = await t.scim('GET', `/Users?${filterParam(`userName eq "${userName}"`)}`);
    expect(match.status).toBe(200);
    expect(match.body.totalResults).toBe(0);
    expect(match.body.Resources).toEqual([]);

    const created = await t.scim('POST', '/Users', entraCreateBody(userName, externalId));
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('content-type')).toBe(SCIM_JSON);
    const id = created.body.id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const location = `${t.base}/Users/${id}`;
    expect(created.headers.get('location')).toBe(location);
    expect(created.headers.get('etag')).toBe('W/"1"');
    const { created: createdAt, lastModified } = created.body.meta;
    expect(new Date(createdAt).toISOString()).toBe(createdAt);
    expect(created.body).toEqual({
      schemas: [SCHEMA_USER],
      id,
      externalId,
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: `${userName}@testuser.com` }],
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      meta: { resourceType: 'User', created: createdAt, lastModified, location, version: 'W/"1"' },
    });
    expect(lastModified).toBe(createdAt);

    const again = await t.scim('GET', `/Users?${filterParam(`userName eq "${userName.toUpperCase()}"`)}`);
    expect(again.status).toBe(200);
    expect(again.body.totalResults).toBe(1);
    expect(again.body.itemsPerPage).toBe(1);
    expect(again.body.Resources.map((r: any) => r.id)).toEqual([id]);

    const byExternalId = await t.scim('GET', `/Users?${filterParam(`externalId eq "${externalId}"`)}`);
    expect(byExternalId.body.Resources.map((r: any) => r.id)).toEqual([id]);

    const read = await t.scim('GET', `/Users/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('W/"1"');
    expect(read.body).toEqual(created.body);
  });

  it('applies PascalCase Replace ops on a filtered email, name.givenName and an enterprise URN path', async () => {
    const user = await createUser(t, entraCreateBody('replace.me', randomUUID()));
    const reply = await t.scim(
      'PATCH',
      `/Users/${user.id}`,
      patchOp(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updated@contoso.com' },
        { op: 'Replace', path: 'name.givenName', value: 'Barbara' },
        { op: 'Replace', path: `${SCHEMA_ENTERPRISE_USER}:department`, value: 'Finance' },
      ),
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get('etag')).toBe('W/"2"');
    expect(reply.body.schemas).toEqual([SCHEMA_USER, SCHEMA_ENTERPRISE_USER]);
    expect(reply.body.emails).toEqual([{ primary: true, type: 'work', value: 'updated@contoso.com' }]);
    expect(reply.body.name).toEqual({ formatted: 'givenName familyName', familyName: 'familyName', givenName: 'Barbara' });
    expect(reply.body[SCHEMA_ENTERPRISE_USER]).toEqual({ department: 'Finance' });
    expect(reply.body.meta.version).toBe('W/"2"');
    const read = await t.scim('GET', `/Users/${user.id}`);
    expect(read.body).toEqual(reply.body);
  });

  it('stores the legacy manager Add (array with $ref) and returns it as an object; the legacy manager check finds it', async () => {
    const manager = await createUser(t, { userName: 'manager.default' });
    const user = await createUser(t, { userName: 'report.default' });
    const reply = await t.scim(
      'PATCH',
      `/Users/${user.id}`,
      patchOp({ op: 'Add', path: 'manager', value: [{ $ref: `${t.base}/Users/${manager.id}`, value: manager.id }] }),
    );
    expect(reply.status, reply.text).toBe(200);
    const read = await t.scim('GET', `/Users/${user.id}`);
    expect(read.body[SCHEMA_ENTERPRISE_USER]).toEqual({ manager: { value: manager.id, $ref: `${t.base}/Users/${manager.id}` } });

    // U7: GET /Users?filter=id eq "<id>" and manager eq "<managerId>"&attributes=id
    const check = await t.scim('GET', `/Users?${filterParam(`id eq "${user.id}" and manager eq "${manager.id}"`)}&attributes=id`);
    expect(check.status).toBe(200);
    expect(check.body.totalResults).toBe(1);
    expect(check.body.Resources).toEqual([{ schemas: [SCHEMA_USER, SCHEMA_ENTERPRISE_USER], id: user.id }]);
    const unquoted = await t.scim('GET', `/Users?${filterParam(`id eq ${user.id} and manager eq ${manager.id}`)}&attributes=id`);
    expect(unquoted.body.Resources.map((r: any) => r.id)).toEqual([user.id]);
    const other = await t.scim('GET', `/Users?${filterParam(`id eq "${user.id}" and manager eq "${user.id}"`)}&attributes=id`);
    expect(other.status).toBe(200);
    expect(other.body.totalResults).toBe(0);
  });

  it('disables with the string "False" and still returns the inactive user', async () => {
    const user = await createUser(t, entraCreateBody('disable.me', randomUUID()));
    const reply = await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.active).toBe(false);
    const read = await t.scim('GET', `/Users/${user.id}`);
    expect(read.body.active).toBe(false);
    const match = await t.scim('GET', `/Users?${filterParam('userName eq "disable.me"')}`);
    expect(match.body.Resources.map((r: any) => [r.id, r.active])).toEqual([[user.id, false]]);
    const enable = await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'True' }));
    expect(enable.body.active).toBe(true);
  });

  it('creates the work email on Add to emails[type eq "work"].value, keeping other emails', async () => {
    const user = await createUser(t, { userName: 'no.work.email', emails: [{ type: 'home', value: 'home@example.com' }] });
    const reply = await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'Add', path: 'emails[type eq "work"].value', value: 'work@contoso.com' }));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.emails).toEqual([
      { type: 'home', value: 'home@example.com' },
      { type: 'work', value: 'work@contoso.com' },
    ]);
  });

  it('merges three Adds on addresses[type eq "work"] sub-attributes into one work address', async () => {
    const user = await createUser(t, { userName: 'address.user' });
    const reply = await t.scim(
      'PATCH',
      `/Users/${user.id}`,
      patchOp(
        { op: 'Add', path: 'addresses[type eq "work"].formatted', value: '1 Microsoft Way, Redmond, WA' },
        { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Redmond' },
        { op: 'Add', path: 'addresses[type eq "work"].region', value: 'WA' },
      ),
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.addresses).toEqual([{ type: 'work', formatted: '1 Microsoft Way, Redmond, WA', locality: 'Redmond', region: 'WA' }]);
  });

  it('hard-deletes a user: 204, then 404 with a SCIM error', async () => {
    const user = await createUser(t, { userName: 'delete.me' });
    const removed = await t.scim('DELETE', `/Users/${user.id}`);
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expectScimError(await t.scim('GET', `/Users/${user.id}`), 404);
    const match = await t.scim('GET', `/Users?${filterParam('userName eq "delete.me"')}`);
    expect(match.status).toBe(200);
    expect(match.body.totalResults).toBe(0);
  });
});

describe('Entra default dialect: groups', () => {
  it('creates, matches without members, adds and removes members, renames and deletes a group', async () => {
    const u1 = await createUser(t, { userName: 'member.one' });
    const u2 = await createUser(t, { userName: 'member.two' });
    const externalId = randomUUID();

    const created = await t.scim('POST', '/Groups', entraGroupBody('Group1920', externalId));
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`${t.base}/Groups/${id}`);
    expect(created.headers.get('etag')).toBe('W/"1"');
    expect(created.body).toEqual({
      schemas: [SCHEMA_GROUP],
      id,
      externalId,
      displayName: 'Group1920',
      members: [],
      meta: { resourceType: 'Group', created: created.body.meta.created, lastModified: created.body.meta.created, location: `${t.base}/Groups/${id}`, version: 'W/"1"' },
    });

    const match = await t.scim('GET', `/Groups?excludedAttributes=members&filter=displayName+eq+%22Group1920%22`);
    expect(match.status).toBe(200);
    expect(match.body.totalResults).toBe(1);
    expect(match.body.Resources[0].id).toBe(id);
    expect(match.body.Resources[0]).not.toHaveProperty('members');

    const read = await t.scim('GET', `/Groups/${id}?excludedAttributes=members`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('members');
    expect(read.body.displayName).toBe('Group1920');

    const add = await t.scim('PATCH', `/Groups/${id}`, patchOp({ op: 'Add', path: 'members', value: [{ $ref: null, value: u1.id }, { value: u2.id }] }));
    expect(add.status, add.text).toBe(204);
    expect(add.text).toBe('');
    expect(await memberIds(t, id)).toEqual([u1.id, u2.id].sort());
    const full = await t.scim('GET', `/Groups/${id}`);
    expect(full.body.members.find((m: any) => m.value === u1.id)).toMatchObject({ value: u1.id, $ref: `${t.base}/Users/${u1.id}` });

    const remove = await t.scim('PATCH', `/Groups/${id}`, patchOp({ op: 'Remove', path: 'members', value: [{ value: u1.id }] }));
    expect(remove.status, remove.text).toBe(204);
    expect(remove.text).toBe('');
    expect(await memberIds(t, id)).toEqual([u2.id]);

    const rename = await t.scim('PATCH', `/Groups/${id}`, patchOp({ op: 'Replace', path: 'displayName', value: 'Group1920 renamed' }));
    expect(rename.status, rename.text).toBe(204);
    expect((await t.scim('GET', `/Groups/${id}`)).body.displayName).toBe('Group1920 renamed');
    expect((await t.scim('GET', `/Groups?${filterParam('displayName eq "Group1920"')}`)).body.totalResults).toBe(0);
    expect(await memberIds(t, id)).toEqual([u2.id]);

    // A hard-deleted user leaves the group's member list.
    expect((await t.scim('DELETE', `/Users/${u2.id}`)).status).toBe(204);
    expect(await memberIds(t, id)).toEqual([]);

    const removed = await t.scim('DELETE', `/Groups/${id}`);
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expectScimError(await t.scim('GET', `/Groups/${id}`), 404);
  });

  it('shows the groups a user belongs to on the user', async () => {
    const user = await createUser(t, { userName: 'grouped.user' });
    const group = await t.scim('POST', '/Groups', entraGroupBody('Readers', randomUUID()));
    expect((await t.scim('PATCH', `/Groups/${group.body.id}`, patchOp({ op: 'Add', path: 'members', value: [{ value: user.id }] }))).status).toBe(204);
    const read = await t.scim('GET', `/Users/${user.id}`);
    expect(read.body.groups).toEqual([{ value: group.body.id, $ref: `${t.base}/Groups/${group.body.id}`, display: 'Readers', type: 'direct' }]);
  });
});
