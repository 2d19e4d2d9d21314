/**
 * Entra quirks the listener must tolerate beyond the main sequence (entra-behavior.md §2.1, §3.2 rules 2, 5, 7, 11):
 * the older create example, role shapes, and the periodic PATCH that re-asserts `active`.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import { SCHEMA_ENTERPRISE_USER, SCHEMA_USER, createUser, patchOp } from './scim-helpers.js';

let t: TestMonitor;

beforeAll(async () => {
  t = await startTestMonitor();
});

afterAll(async () => {
  await t?.stop();
});

describe('Entra quirks', () => {
  it('tolerates the older create example: explicit nulls, top-level enterprise attributes, the malformed URN, "True"', async () => {
    const malformed = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User';
    const reply = await t.scim('POST', '/Users', {
      schemas: [SCHEMA_USER, malformed],
      userName: 'older.example',
      active: 'True',
      addresses: null,
      phoneNumbers: null,
      title: null,
      department: 'Top-level Dept',
      manager: null,
      [malformed]: { employeeNumber: '7', department: null, manager: null },
      emails: [{ type: 'work', value: 'w@contoso.com', primary: true }, { type: 'home', value: 'h@example.com' }, { type: 'other', value: 'o@example.com' }],
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.active).toBe(true);
    expect(reply.body[SCHEMA_ENTERPRISE_USER]).toEqual({ department: 'Top-level Dept', employeeNumber: '7' });
    expect(Object.keys(reply.body).filter((key) => ['addresses', 'phoneNumbers', 'title', 'manager', 'department', malformed].includes(key))).toEqual([]);

    // Replacing the work email keeps the home and other entries (entra-behavior.md §3.2 rule 5).
    const patched = await t.scim('PATCH', `/Users/${reply.body.id}`, patchOp({ op: 'Replace', path: 'emails[type eq "work"].value', value: 'w2@contoso.com' }));
    expect(patched.body.emails).toEqual([
      { type: 'work', value: 'w2@contoso.com', primary: true },
      { type: 'home', value: 'h@example.com' },
      { type: 'other', value: 'o@example.com' },
    ]);
  });

  it('accepts both role shapes Entra sends (rule 7)', async () => {
    const user = await createUser(t, { userName: 'role.user' });
    const single = '{"id":"7a1b","value":"Admin","displayName":"Admin"}';
    const added = await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'Add', path: 'roles', value: [{ value: single }] }));
    expect(added.status, added.text).toBe(200);
    expect(added.body.roles).toEqual([{ value: single }]);
    const replaced = await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'roles', value: [{ value: 'Reader', display: 'Reader', primary: false }] }));
    expect(replaced.body.roles).toEqual([{ value: 'Reader', display: 'Reader', primary: false }]);
  });

  it('answers a periodic PATCH that re-asserts active with 200 and no new version', async () => {
    const user = await createUser(t, { userName: 'reassert.user', active: true });
    const reply = await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'True' }));
    expect([reply.status, reply.body.active, reply.headers.get('etag')]).toEqual([200, true, 'W/"1"']);
    expect(reply.body.meta).toEqual(user.meta);
  });
});
