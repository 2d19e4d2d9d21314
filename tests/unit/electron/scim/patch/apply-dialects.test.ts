/**
 * One test per row of the dialect table in entra-behavior.md §3.1, for both dialects: the default (PascalCase ops,
 * "False" strings, one op per attribute, member removal with a value list) and `aadOptscim062020` (lowercase ops,
 * one path-less replace with dotted/URN keys, `members[value eq "…"]` removal).
 */

import { describe, expect, it } from 'vitest';

import { applyPatch } from '../../../../../electron/scim/patch/apply.js';
import type { StoredResource } from '../../../../../electron/scim/resource/types.js';
import { MESSAGE_PATCH_OP, SCHEMA_ENTERPRISE_USER } from '../../../../../shared/scim/constants.js';

const ENT = SCHEMA_ENTERPRISE_USER;

const user = (): StoredResource => ({
  userName: 'barbara@contoso.com',
  active: true,
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [
    { type: 'work', value: 'bjensen@contoso.com', primary: true },
    { type: 'home', value: 'babs@home.example' },
  ],
  [ENT]: { employeeNumber: '1', department: 'Sales' },
});

const group = (): StoredResource => ({
  displayName: 'Engineering',
  members: [{ value: 'u1091' }, { value: '7f4bc1a3-0a1b-4c2d-9e8f-001122334455' }, { value: 'u3' }],
});

const patch = (...Operations: unknown[]): unknown => ({ schemas: [MESSAGE_PATCH_OP], Operations });

describe('§3.1 row 1: disable user', () => {
  it('default dialect: Replace active with the string "False"', () => {
    const result = applyPatch('User', user(), patch({ op: 'Replace', path: 'active', value: 'False' }));
    expect(result).toEqual({ ...user(), active: false });
  });

  it('aadOptscim062020: replace active with boolean false', () => {
    const result = applyPatch('User', user(), patch({ op: 'replace', path: 'active', value: false }));
    expect(result).toEqual({ ...user(), active: false });
  });
});

describe('§3.1 row 2: add a single-valued attribute', () => {
  it('default dialect: {"op":"Add","path":"nickName","value":"Babs"}', () => {
    expect(applyPatch('User', user(), patch({ op: 'Add', path: 'nickName', value: 'Babs' }))).toEqual({ ...user(), nickName: 'Babs' });
  });

  it('aadOptscim062020: {"op":"add","path":"nickName","value":"Babs"}', () => {
    expect(applyPatch('User', user(), patch({ op: 'add', path: 'nickName', value: 'Babs' }))).toEqual({ ...user(), nickName: 'Babs' });
  });
});

describe('§3.1 row 3: replace several attributes', () => {
  const expected: StoredResource = {
    ...user(),
    name: { givenName: 'Babs', familyName: 'Jensen' },
    emails: [
      { type: 'work', value: 'barbara.jensen@contoso.com', primary: true },
      { type: 'home', value: 'babs@home.example' },
    ],
    [ENT]: { employeeNumber: '7', department: 'Sales' },
  };

  it('default dialect: one op per attribute, each with a path, including the enterprise URN path', () => {
    const result = applyPatch(
      'User',
      user(),
      patch(
        { op: 'Replace', path: 'name.givenName', value: 'Babs' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'barbara.jensen@contoso.com' },
        { op: 'Replace', path: `${ENT}:employeeNumber`, value: '7' },
      ),
    );
    expect(result).toEqual(expected);
  });

  it('aadOptscim062020: filtered paths stay as ops, the rest in one path-less replace with dotted/URN keys', () => {
    const result = applyPatch(
      'User',
      user(),
      patch(
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'barbara.jensen@contoso.com' },
        { op: 'replace', value: { 'name.givenName': 'Babs', [`${ENT}:employeeNumber`]: '7' } },
      ),
    );
    expect(result).toEqual(expected);
  });
});

describe('§3.1 row 4: remove a group member', () => {
  it('default dialect: Remove members with a value list removes only the listed member', () => {
    const result = applyPatch('Group', group(), patch({ op: 'Remove', path: 'members', value: [{ value: 'u1091' }] }));
    expect(result).toEqual({ displayName: 'Engineering', members: [{ value: '7f4bc1a3-0a1b-4c2d-9e8f-001122334455' }, { value: 'u3' }] });
  });

  it('aadOptscim062020: remove members[value eq "…"] without a value', () => {
    const result = applyPatch('Group', group(), patch({ op: 'remove', path: 'members[value eq "7f4bc1a3-0a1b-4c2d-9e8f-001122334455"]' }));
    expect(result).toEqual({ displayName: 'Engineering', members: [{ value: 'u1091' }, { value: 'u3' }] });
  });
});
