/** Group members and removal semantics: entra-behavior.md §2.2 G5/G6 and §3.2 rule 8. */

import { describe, expect, it } from 'vitest';

import { applyPatch } from '../../../../../electron/scim/patch/apply.js';
import type { JsonObject, StoredResource } from '../../../../../electron/scim/resource/types.js';
import { SCHEMA_ENTERPRISE_USER } from '../../../../../shared/scim/constants.js';

const group = (...ids: string[]): StoredResource => ({ displayName: 'G', ...(ids.length > 0 ? { members: ids.map((value) => ({ value })) } : {}) });
const onGroup = (resource: StoredResource, ...Operations: unknown[]): StoredResource => applyPatch('Group', resource, { Operations });
const onUser = (resource: StoredResource, ...Operations: unknown[]): StoredResource => applyPatch('User', resource, { Operations });

describe('group member add (G5)', () => {
  it('adds several members in one op, dropping $ref', () => {
    expect(onGroup(group(), { op: 'Add', path: 'members', value: [{ $ref: null, value: 'u1' }, { value: 'u2' }] })).toEqual(group('u1', 'u2'));
  });

  it('is idempotent: adding an existing member is a no-op', () => {
    expect(onGroup(group('u1'), { op: 'Add', path: 'members', value: [{ $ref: null, value: 'u1' }, { value: 'u2', type: 'User' }] })).toEqual({
      displayName: 'G',
      members: [{ value: 'u1' }, { value: 'u2', type: 'User' }],
    });
    expect(onGroup(group('u1'), { op: 'add', path: 'members[value eq "u1"]', value: {} })).toEqual(group('u1'));
  });

  it('replace on members swaps the whole list', () => {
    expect(onGroup(group('u1', 'u2'), { op: 'replace', path: 'members', value: [{ value: 'u3' }] })).toEqual(group('u3'));
  });
});

describe('group member removal (G6, rule 8)', () => {
  it('default dialect: a value list removes only the listed members, never all', () => {
    expect(onGroup(group('u1', 'u2', 'u3'), { op: 'Remove', path: 'members', value: [{ value: 'u1' }, { value: 'u3', $ref: 'x' }] })).toEqual(group('u2'));
  });

  it('a value list naming no member, or an empty list, removes nothing', () => {
    expect(onGroup(group('u1', 'u2'), { op: 'Remove', path: 'members', value: [{ value: 'nobody' }] })).toEqual(group('u1', 'u2'));
    expect(onGroup(group('u1', 'u2'), { op: 'Remove', path: 'members', value: [] })).toEqual(group('u1', 'u2'));
    expect(onGroup(group('u1', 'u2'), { op: 'Remove', path: 'members', value: [{}] })).toEqual(group('u1', 'u2'));
  });

  it('flag dialect: members[value eq "id"] removes that member', () => {
    expect(onGroup(group('u1', 'u2'), { op: 'remove', path: 'members[value eq "u2"]' })).toEqual(group('u1'));
  });

  it('matches member ids the way the filter evaluator does (members.value is not caseExact)', () => {
    expect(onGroup(group('u1', 'u2'), { op: 'remove', path: 'members[VALUE eq "U2"]' })).toEqual(group('u1'));
    expect(onGroup(group('u1', 'u2'), { op: 'remove', path: 'members[value eq "u1" or value eq "u2"]' })).toEqual(group());
  });

  it('removes many matches of one filter at once', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ value: `u${i}`, type: i % 2 === 0 ? 'User' : 'Group' }));
    const result = onGroup({ displayName: 'G', members: many }, { op: 'remove', path: 'members[type eq "Group"]' });
    expect(result).toEqual({ displayName: 'G', members: many.filter((_, i) => i % 2 === 0) });
  });

  it('removing a member that is not there is a no-op (retries succeed)', () => {
    expect(onGroup(group('u1'), { op: 'remove', path: 'members[value eq "u9"]' })).toEqual(group('u1'));
    expect(onGroup(group(), { op: 'Remove', path: 'members', value: [{ value: 'u9' }] })).toEqual(group());
  });

  it('remove members with no value and no filter removes all', () => {
    expect(onGroup(group('u1', 'u2'), { op: 'Remove', path: 'members' })).toEqual(group());
  });
});

describe('value-list removal on other multi-valued attributes', () => {
  const emails = [
    { type: 'work', value: 'w@x' },
    { type: 'home', value: 'h@x' },
  ];

  it('remove emails with [{"value": "h@x"}] removes that element only', () => {
    expect(onUser({ userName: 'u', emails }, { op: 'Remove', path: 'emails', value: [{ value: 'h@x' }] })).toEqual({ userName: 'u', emails: [emails[0]] });
  });

  it('removes a role listed by its JSON-string value', () => {
    const role = '{"id":"1","value":"Admin"}';
    const user = { userName: 'u', roles: [{ value: role }, { value: 'Reader' }] };
    expect(onUser(user, { op: 'Remove', path: 'roles', value: [{ value: role }] })).toEqual({ userName: 'u', roles: [{ value: 'Reader' }] });
  });
});

describe('remove on filtered paths and sub-attributes', () => {
  const addresses: JsonObject[] = [
    { type: 'work', locality: 'Town', region: 'North' },
    { type: 'home', locality: 'Village' },
  ];

  it('removes a sub-attribute from the matching elements only', () => {
    expect(onUser({ userName: 'u', addresses }, { op: 'Remove', path: 'addresses[type eq "work"].locality' })).toEqual({
      userName: 'u',
      addresses: [{ type: 'work', region: 'North' }, addresses[1]],
    });
  });

  it('removes matching elements, a complex sub-attribute, and the manager via manager.value', () => {
    const ent = SCHEMA_ENTERPRISE_USER;
    const user = { userName: 'u', addresses, name: { givenName: 'G', familyName: 'F' }, [ent]: { manager: { value: 'm' } } };
    expect(
      onUser(user, { op: 'remove', path: 'addresses[type eq "home"]' }, { op: 'remove', path: 'name.givenName' }, { op: 'remove', path: `${ent}:manager.value` }),
    ).toEqual({ userName: 'u', addresses: [addresses[0]], name: { familyName: 'F' } });
  });

  it('removing a missing attribute or extension is a no-op', () => {
    expect(onUser({ userName: 'u' }, { op: 'remove', path: 'title' }, { op: 'remove', path: `${SCHEMA_ENTERPRISE_USER}:department` })).toEqual({ userName: 'u' });
  });
});
