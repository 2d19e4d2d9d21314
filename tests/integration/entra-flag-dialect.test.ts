/**
 * Entra's requests under the `aadOptscim062020` feature flag (entra-behavior.md §1, §3.1): the flag may ride along as
 * a bare query parameter and must be ignored; ops are lowercase, booleans are real booleans, several attributes go
 * into one path-less replace with dotted keys, manager is a bare string on the URN path, and a member is removed
 * with a filtered path.
 */

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import {
  MESSAGE_LIST_RESPONSE,
  SCHEMA_ENTERPRISE_USER,
  SCHEMA_USER,
  createGroup,
  createUser,
  entraCreateBody,
  entraGroupBody,
  expectScimError,
  filterParam,
  memberIds,
  patchOp,
} from './scim-helpers.js';

const FLAG = 'aadOptscim062020';

let t: TestMonitor;

beforeAll(async () => {
  t = await startTestMonitor();
});

afterAll(async () => {
  await t?.stop();
});

describe('aadOptscim062020 as a query parameter', () => {
  it('is ignored on the Test Connection probe and logged as sent', async () => {
    const reply = await t.scim('GET', `/Users?${FLAG}&filter=userName+eq+%22${randomUUID()}%22`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ schemas: [MESSAGE_LIST_RESPONSE], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
    const [row] = t.monitor.log.latest(1);
    expect(row?.path).toBe('/scim/v2/Users');
    expect(row?.query.startsWith(`${FLAG}&filter=`)).toBe(true);
  });

  it('is ignored on create, read, match, list, delete and discovery', async () => {
    const created = await t.scim('POST', `/Users?${FLAG}`, entraCreateBody('flag.user', randomUUID()));
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`${t.base}/Users/${id}`);
    expect((await t.scim('GET', `/Users/${id}?${FLAG}`)).body.id).toBe(id);
    const match = await t.scim('GET', `/Users?${filterParam('userName eq "FLAG.USER"')}&${FLAG}`);
    expect(match.body.Resources.map((r: any) => r.id)).toEqual([id]);
    expect((await t.scim('GET', `/ServiceProviderConfig?${FLAG}`)).status).toBe(200);
    expect((await t.scim('GET', `/Users?${FLAG}=`)).status).toBe(200);
    expect((await t.scim('DELETE', `/Users/${id}?${FLAG}`)).status).toBe(204);
    expectScimError(await t.scim('GET', `/Users/${id}?${FLAG}`), 404);
  });
});

describe('aadOptscim062020 user PATCH', () => {
  it('disables with lowercase replace and a boolean false', async () => {
    const user = await createUser(t, entraCreateBody('flag.disable', randomUUID()), `?${FLAG}`);
    const reply = await t.scim('PATCH', `/Users/${user.id}?${FLAG}`, patchOp({ op: 'replace', path: 'active', value: false }));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.active).toBe(false);
    expect((await t.scim('GET', `/Users/${user.id}`)).body.active).toBe(false);
  });

  it('adds a single-valued attribute with lowercase add', async () => {
    const user = await createUser(t, { userName: 'flag.nick' });
    const reply = await t.scim('PATCH', `/Users/${user.id}?${FLAG}`, patchOp({ op: 'add', path: 'nickName', value: 'Babs' }));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.nickName).toBe('Babs');
  });

  it('applies a path-less replace whose value has dotted and URN keys', async () => {
    const user = await createUser(t, entraCreateBody('flag.pathless', randomUUID()));
    const reply = await t.scim(
      'PATCH',
      `/Users/${user.id}?${FLAG}`,
      patchOp({
        op: 'replace',
        value: { 'name.givenName': 'X', [`${SCHEMA_ENTERPRISE_USER}:employeeNumber`]: '42', active: false },
      }),
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.name).toEqual({ formatted: 'givenName familyName', familyName: 'familyName', givenName: 'X' });
    expect(reply.body[SCHEMA_ENTERPRISE_USER]).toEqual({ employeeNumber: '42' });
    expect(reply.body.active).toBe(false);
    expect(reply.body.schemas).toEqual([SCHEMA_USER, SCHEMA_ENTERPRISE_USER]);
    expect(reply.body).not.toHaveProperty(['name.givenName']);
    expect(reply.body.emails).toEqual(user.emails);
    const read = await t.scim('GET', `/Users/${user.id}`);
    expect(read.body).toEqual(reply.body);
  });

  it('keeps filtered ops beside the path-less replace in one PATCH', async () => {
    const user = await createUser(t, entraCreateBody('flag.mixed', randomUUID()));
    const reply = await t.scim(
      'PATCH',
      `/Users/${user.id}?${FLAG}`,
      patchOp(
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'mixed@contoso.com' },
        { op: 'replace', value: { displayName: 'Mixed User', 'name.familyName': 'Mixed' } },
      ),
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.emails).toEqual([{ primary: true, type: 'work', value: 'mixed@contoso.com' }]);
    expect(reply.body.displayName).toBe('Mixed User');
    expect(reply.body.name.familyName).toBe('Mixed');
  });

  it('creates the typed entry when replace on a filtered path matches nothing', async () => {
    const user = await createUser(t, { userName: 'flag.phone', phoneNumbers: [{ type: 'work', value: '+1 555 0100' }] });
    const reply = await t.scim('PATCH', `/Users/${user.id}?${FLAG}`, patchOp({ op: 'replace', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0199' }));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.phoneNumbers).toEqual([
      { type: 'work', value: '+1 555 0100' },
      { type: 'mobile', value: '+1 555 0199' },
    ]);
  });

  it('stores a manager sent as a bare string on the enterprise URN path and returns the RFC object', async () => {
    const manager = await createUser(t, { userName: 'flag.manager' });
    const user = await createUser(t, { userName: 'flag.report' });
    const reply = await t.scim('PATCH', `/Users/${user.id}?${FLAG}`, patchOp({ op: 'add', path: `${SCHEMA_ENTERPRISE_USER}:manager`, value: manager.id }));
    expect(reply.status, reply.text).toBe(200);
    const expected = { manager: { value: manager.id, $ref: `${t.base}/Users/${manager.id}` } };
    expect(reply.body[SCHEMA_ENTERPRISE_USER]).toEqual(expected);
    expect((await t.scim('GET', `/Users/${user.id}`)).body[SCHEMA_ENTERPRISE_USER]).toEqual(expected);
    const check = await t.scim('GET', `/Users?${filterParam(`id eq "${user.id}" and manager eq "${manager.id}"`)}&attributes=id`);
    expect(check.body.Resources.map((r: any) => r.id)).toEqual([user.id]);
  });

  it('stores a manager sent as a bare string in a POST body', async () => {
    const manager = await createUser(t, { userName: 'flag.manager2' });
    const user = await createUser(t, { userName: 'flag.report2', [SCHEMA_ENTERPRISE_USER]: { manager: manager.id, department: 'Sales' } });
    expect(user[SCHEMA_ENTERPRISE_USER]).toEqual({ manager: { value: manager.id, $ref: `${t.base}/Users/${manager.id}` }, department: 'Sales' });
  });
});

describe('aadOptscim062020 group PATCH', () => {
  it('adds members with lowercase add and removes one with members[value eq "<id>"]', async () => {
    const u1 = await createUser(t, { userName: 'flag.member1' });
    const u2 = await createUser(t, { userName: 'flag.member2' });
    const u3 = await createUser(t, { userName: 'flag.member3' });
    const group = await createGroup(t, entraGroupBody('FlagGroup', randomUUID()), `?${FLAG}`);
    expect(group.members).toEqual([]);

    const add = await t.scim('PATCH', `/Groups/${group.id}?${FLAG}`, patchOp({ op: 'add', path: 'members', value: [{ value: u1.id }, { value: u2.id }, { value: u3.id }] }));
    expect(add.status, add.text).toBe(204);
    expect(add.text).toBe('');
    expect(await memberIds(t, group.id)).toEqual([u1.id, u2.id, u3.id].sort());

    const remove = await t.scim('PATCH', `/Groups/${group.id}?${FLAG}`, patchOp({ op: 'remove', path: `members[value eq "${u2.id}"]` }));
    expect(remove.status, remove.text).toBe(204);
    expect(remove.text).toBe('');
    expect(await memberIds(t, group.id)).toEqual([u1.id, u3.id].sort());

    const rename = await t.scim('PATCH', `/Groups/${group.id}?${FLAG}`, patchOp({ op: 'replace', path: 'displayName', value: 'FlagGroup2' }));
    expect(rename.status).toBe(204);
    const match = await t.scim('GET', `/Groups?excludedAttributes=members&${filterParam('displayName eq "flaggroup2"')}&${FLAG}`);
    expect(match.body.totalResults).toBe(1);
    expect(match.body.Resources[0]).not.toHaveProperty('members');
    expect(match.body.Resources[0].displayName).toBe('FlagGroup2');

    expect((await t.scim('DELETE', `/Groups/${group.id}?${FLAG}`)).status).toBe(204);
    expectScimError(await t.scim('GET', `/Groups/${group.id}`), 404);
  });

  it('accepts a path-less replace of displayName on a group', async () => {
    const group = await createGroup(t, entraGroupBody('FlagPathless', randomUUID()));
    const reply = await t.scim('PATCH', `/Groups/${group.id}?${FLAG}`, patchOp({ op: 'replace', value: { displayName: 'FlagPathless2', externalId: 'ext-2' } }));
    expect(reply.status, reply.text).toBe(204);
    const read = await t.scim('GET', `/Groups/${group.id}`);
    expect([read.body.displayName, read.body.externalId]).toEqual(['FlagPathless2', 'ext-2']);
  });
});
