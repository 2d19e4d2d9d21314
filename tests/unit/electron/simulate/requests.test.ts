/**
 * The simulator's request shapes per PATCH dialect (entra-behavior.md §2.1, §2.2, §3.1, §3.2), cross-checked
 * against the listener's own request classification.
 */

import { describe, expect, it } from 'vitest';
import { classifyRequest } from '../../../../electron/provisioning/operation.js';
import {
  addMembersOperations,
  filterQuery,
  groupCreateBody,
  managerOperations,
  patchBody,
  removeMembersOperations,
  userCreateBody,
  userUpdateOperations,
} from '../../../../electron/simulate/requests.js';
import { changeKind } from '../../../../electron/simulate/sync-users.js';
import { generateDirectory } from '../../../../electron/simulate/test-data.js';
import { MESSAGE_PATCH_OP, SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP, SCHEMA_MICROSOFT_ADSCIM_GROUP, SCHEMA_USER } from '../../../../shared/scim/constants.js';

const ENT = SCHEMA_ENTERPRISE_USER;
const classify = (entity: 'Users' | 'Groups', body: unknown) =>
  classifyRequest({ method: 'PATCH', segments: [entity, 'id1'], query: new URLSearchParams(), body });

const changes = [
  { path: 'title', value: 'Product Manager', had: true },
  { path: `${ENT}:department`, value: 'Sales', had: true },
  { path: 'name.givenName', value: 'Babs', had: true },
  { path: 'phoneNumbers[type eq "mobile"].value', value: '+1 425 555 0100', had: false },
];

describe('match queries and create bodies', () => {
  it('encodes filters like real Entra traffic (§1.1, U1, G1)', () => {
    expect(filterQuery('userName', 'cf4d78e8-cc4f-4d5d-b8b9-183561c0104a')).toBe('filter=userName+eq+%22cf4d78e8-cc4f-4d5d-b8b9-183561c0104a%22');
    expect(filterQuery('displayName', 'Sales EMEA', true)).toBe('excludedAttributes=members&filter=displayName+eq+%22Sales+EMEA%22');
    expect(filterQuery('userName', 'a"b')).toBe(`filter=${encodeURIComponent('userName eq "a\\"b"').replace(/%20/g, '+')}`);
  });

  it('builds the documented user create body, without the manager', () => {
    const user = generateDirectory('1', 3, 0).users[1]!;
    const body = userCreateBody(user);
    expect(body.schemas).toEqual([SCHEMA_USER, SCHEMA_ENTERPRISE_USER]);
    expect(body).toMatchObject({ userName: user.attributes.userName, active: true, meta: { resourceType: 'User' }, roles: [] });
    expect((body.name as Record<string, unknown>).formatted).toBe(user.attributes.displayName);
    expect((body.emails as Record<string, unknown>[]).find((e) => e.type === 'work')).toMatchObject({ primary: true });
    expect(body.emails).toHaveLength(3);
    expect(body.phoneNumbers).toHaveLength(6);
    expect(body.addresses).toHaveLength(3);
    expect(Object.keys(body[ENT] as object).sort()).toEqual(['costCenter', 'department', 'division', 'employeeNumber', 'organization']);
    expect(classifyRequest({ method: 'POST', segments: ['Users'], query: new URLSearchParams(), body }).operation).toBe('create');
  });

  it('creates groups empty with the Microsoft schema URI and the objectId as externalId (§2.2)', () => {
    const group = generateDirectory('1', 5, 1).groups[0]!;
    expect(groupCreateBody(group)).toEqual({
      schemas: [SCHEMA_GROUP, SCHEMA_MICROSOFT_ADSCIM_GROUP],
      externalId: group.objectId,
      displayName: group.displayName,
      meta: { resourceType: 'Group' },
    });
  });
});

describe('default dialect', () => {
  it('sends one PascalCase op per attribute with its path, Add where the target had no value', () => {
    expect(userUpdateOperations('default', changes)).toEqual([
      { op: 'Replace', path: 'title', value: 'Product Manager' },
      { op: 'Replace', path: `${ENT}:department`, value: 'Sales' },
      { op: 'Replace', path: 'name.givenName', value: 'Babs' },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 425 555 0100' },
    ]);
  });

  it('disables with the string "False" and enables with "True"', () => {
    const disable = userUpdateOperations('default', [{ path: 'active', value: false, had: true }]);
    expect(disable).toEqual([{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(classify('Users', patchBody(disable))).toEqual({ entity: 'User', operation: 'disable', memberCount: null, dialect: 'default' });
    const enable = userUpdateOperations('default', [{ path: 'active', value: true, had: true }]);
    expect(enable).toEqual([{ op: 'Replace', path: 'active', value: 'True' }]);
    expect(classify('Users', patchBody(enable)).operation).toBe('enable');
  });

  it('sets the manager as a bare id, adds members with $ref null and removes them with a value list', () => {
    expect(managerOperations('default', 'm1')).toEqual([{ op: 'Add', path: `${ENT}:manager`, value: 'm1' }]);
    expect(addMembersOperations('default', ['u1', 'u2'])).toEqual([{ op: 'Add', path: 'members', value: [{ $ref: null, value: 'u1' }, { $ref: null, value: 'u2' }] }]);
    expect(removeMembersOperations('default', ['u1', 'u2'])).toEqual([{ op: 'Remove', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] }]);
    expect(classify('Groups', patchBody(addMembersOperations('default', ['u1', 'u2'])))).toMatchObject({ operation: 'add-members', memberCount: 2, dialect: 'default' });
    expect(classify('Groups', patchBody(removeMembersOperations('default', ['u1'])))).toMatchObject({ operation: 'remove-members', dialect: 'default' });
  });

  it('wraps operations in a PatchOp message', () => {
    expect(patchBody([{ op: 'Add', path: 'nickName', value: 'Babs' }])).toEqual({ schemas: [MESSAGE_PATCH_OP], Operations: [{ op: 'Add', path: 'nickName', value: 'Babs' }] });
  });
});

describe('aadOptscim062020 dialect', () => {
  it('keeps filtered paths as ops and puts the rest into one path-less replace with dotted and URN keys', () => {
    expect(userUpdateOperations('aadOptscim062020', changes)).toEqual([
      { op: 'add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 425 555 0100' },
      { op: 'replace', value: { title: 'Product Manager', [`${ENT}:department`]: 'Sales', 'name.givenName': 'Babs' } },
    ]);
    expect(classify('Users', patchBody(userUpdateOperations('aadOptscim062020', changes)))).toMatchObject({ operation: 'update', dialect: 'aadOptscim062020' });
  });

  it('disables with a JSON boolean and a path; a disable among other changes goes path-less', () => {
    expect(userUpdateOperations('aadOptscim062020', [{ path: 'active', value: false, had: true }])).toEqual([{ op: 'replace', path: 'active', value: false }]);
    const mixed = [{ path: 'active', value: false, had: true }, changes[0]!];
    expect(userUpdateOperations('aadOptscim062020', mixed)).toEqual([{ op: 'replace', value: { active: false, title: 'Product Manager' } }]);
    expect(changeKind(mixed)).toBe('disable');
    expect(classify('Users', patchBody(userUpdateOperations('aadOptscim062020', mixed))).operation).toBe('disable');
  });

  it('uses lowercase ops for the manager and members; removal is one filtered op per member with no value', () => {
    expect(managerOperations('aadOptscim062020', 'm1')).toEqual([{ op: 'add', path: `${ENT}:manager`, value: 'm1' }]);
    expect(addMembersOperations('aadOptscim062020', ['u1'])).toEqual([{ op: 'add', path: 'members', value: [{ value: 'u1' }] }]);
    expect(removeMembersOperations('aadOptscim062020', ['u1', 'u2'])).toEqual([
      { op: 'remove', path: 'members[value eq "u1"]' },
      { op: 'remove', path: 'members[value eq "u2"]' },
    ]);
    expect(classify('Groups', patchBody(removeMembersOperations('aadOptscim062020', ['u1', 'u2'])))).toMatchObject({ operation: 'remove-members', memberCount: 2, dialect: 'aadOptscim062020' });
  });
});
