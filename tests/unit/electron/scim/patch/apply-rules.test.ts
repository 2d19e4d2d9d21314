/** entra-behavior.md §3.2 rules 1–7 and 9–11 (rule 8 and other member/removal cases: apply-members.test.ts). */

import { describe, expect, it } from 'vitest';

import { applyPatch } from '../../../../../electron/scim/patch/apply.js';
import type { JsonObject, StoredResource } from '../../../../../electron/scim/resource/types.js';
import { SCHEMA_ENTERPRISE_USER } from '../../../../../shared/scim/constants.js';
import { scimError } from '../resource/scim-error.js';

const ENT = SCHEMA_ENTERPRISE_USER;
const CUSTOM = 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User';
const ROLE_JSON = '{"id":"7b1f8a2e","value":"Admin","displayName":"Admin"}';

const base = (extra: StoredResource = {}): StoredResource => ({ userName: 'u@contoso.com', active: true, ...extra });
const run = (resource: StoredResource, ...Operations: unknown[]): StoredResource => applyPatch('User', resource, { Operations });

describe('rule 1: op is case-insensitive', () => {
  it.each([['Add'], ['add'], ['ADD'], ['Replace'], ['replace'], ['rEpLaCe']])('accepts %j', (op) => {
    expect(run(base(), { op, path: 'title', value: 'VP' })).toEqual(base({ title: 'VP' }));
  });

  it('accepts Remove and remove, and rejects an unknown op with invalidSyntax', () => {
    expect(run(base({ title: 'VP' }), { op: 'Remove', path: 'title' })).toEqual(base());
    expect(run(base({ title: 'VP' }), { op: 'remove', path: 'title' })).toEqual(base());
    const error = scimError(() => run(base(), { op: 'move', path: 'title', value: 'x' }));
    expect([error.status, error.scimType]).toEqual([400, 'invalidSyntax']);
  });
});

describe('rule 2: boolean strings wherever a boolean is expected', () => {
  it('coerces "True"/"false" for active and for a primary sub-attribute', () => {
    const resource = base({ active: false, emails: [{ type: 'work', value: 'w' }] });
    expect(run(resource, { op: 'Replace', path: 'active', value: 'True' }, { op: 'Replace', path: 'emails[type eq "work"].primary', value: 'true' })).toEqual(
      base({ active: true, emails: [{ type: 'work', value: 'w', primary: true }] }),
    );
  });

  it('rejects a non-boolean string with invalidValue', () => {
    expect(scimError(() => run(base(), { op: 'Replace', path: 'active', value: 'Disabled' })).scimType).toBe('invalidValue');
  });
});

describe('rule 3: fully qualified extension paths', () => {
  it('sets enterprise and custom extension attributes under their URN', () => {
    const result = run(
      base(),
      { op: 'Add', path: `${ENT}:department`, value: 'Finance' },
      { op: 'Add', path: `${CUSTOM}:CustomAttribute`, value: 'x' },
    );
    expect(result).toEqual(base({ [ENT]: { department: 'Finance' }, [CUSTOM]: { CustomAttribute: 'x' } }));
  });
});

describe('rule 4: path-less add/replace', () => {
  it('reads value keys as attribute paths (flag dialect)', () => {
    const resource = base({ name: { givenName: 'A', familyName: 'F' } });
    const result = run(resource, { op: 'replace', value: { 'name.givenName': 'X', [`${ENT}:employeeNumber`]: '7', active: false } });
    expect(result).toEqual(base({ active: false, name: { givenName: 'X', familyName: 'F' }, [ENT]: { employeeNumber: '7' } }));
  });

  it('merges plain nested objects (RFC 7644 §3.5.2.3) and whole extension objects', () => {
    const resource = base({ name: { givenName: 'A', familyName: 'F' }, [ENT]: { department: 'D', employeeNumber: '1' } });
    const result = run(resource, { op: 'replace', value: { name: { givenName: 'X' }, [ENT]: { employeeNumber: '2', manager: 'm' } } });
    expect(result).toEqual(base({ name: { givenName: 'X', familyName: 'F' }, [ENT]: { department: 'D', employeeNumber: '2', manager: { value: 'm' } } }));
  });

  it("accepts Okta's deactivation {op: replace, value: {active: false}}", () => {
    expect(run(base(), { op: 'replace', value: { active: false } })).toEqual(base({ active: false }));
  });
});

describe('rule 5: filtered multi-valued paths', () => {
  const work: JsonObject = { type: 'work', value: 'w@x', primary: true };
  const home: JsonObject = { type: 'home', value: 'h@x' };
  const other: JsonObject = { type: 'other', value: 'o@x' };
  const emails = [work, home, other];

  it('Replace on a filter that matches nothing creates the typed entry', () => {
    expect(run(base(), { op: 'Replace', path: 'phoneNumbers[type eq "mobile"].value', value: '+64 21' })).toEqual(
      base({ phoneNumbers: [{ type: 'mobile', value: '+64 21' }] }),
    );
  });

  it('Add on emails[type eq "work"].value creates the work email', () => {
    expect(run(base(), { op: 'add', path: 'emails[type eq "work"].value', value: 'w@x' })).toEqual(base({ emails: [{ type: 'work', value: 'w@x' }] }));
  });

  it('merges several adds on one typed entry into one address', () => {
    const result = run(
      base(),
      { op: 'Add', path: 'addresses[type eq "work"].formatted', value: '1 Main St, Town' },
      { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Town' },
      { op: 'Add', path: 'addresses[type eq "work"].region', value: 'North' },
      { op: 'Add', path: 'addresses[type eq "work"].postalCode', value: '1010' },
    );
    expect(result).toEqual(base({ addresses: [{ type: 'work', formatted: '1 Main St, Town', locality: 'Town', region: 'North', postalCode: '1010' }] }));
  });

  it('replacing the work email leaves home and other untouched', () => {
    expect(run(base({ emails }), { op: 'Replace', path: 'emails[type eq "work"].value', value: 'new@x' })).toEqual(
      base({ emails: [{ type: 'work', value: 'new@x', primary: true }, home, other] }),
    );
  });

  it('replace on a filtered path without a sub merges the object into the matching element', () => {
    expect(run(base({ emails }), { op: 'replace', path: 'emails[type eq "home"]', value: { value: 'h2@x', display: 'Home' } })).toEqual(
      base({ emails: [work, { type: 'home', value: 'h2@x', display: 'Home' }, other] }),
    );
  });
});

describe('rule 6: manager in every shape', () => {
  const expected = base({ [ENT]: { manager: { value: 'm-1' } } });
  it.each([
    ['legacy array on path manager', { op: 'Add', path: 'manager', value: [{ $ref: 'http://host/Users/m-1', value: 'm-1' }] }],
    ['bare string on the URN path (2023)', { op: 'Add', path: `${ENT}:manager`, value: 'm-1' }],
    ['bare string with lowercase add (2024)', { op: 'add', path: `${ENT}:manager`, value: 'm-1' }],
    ['object', { op: 'replace', path: `${ENT}:manager`, value: { value: 'm-1', $ref: 'http://host/Users/m-1' } }],
    ['manager.value path', { op: 'replace', path: `${ENT}:manager.value`, value: 'm-1' }],
  ])('stores the %s as { value }', (_shape, op) => {
    expect(run(base({ [ENT]: { manager: { value: 'old', displayName: 'Old Boss' } } }), op)).toEqual(expected);
  });
});

describe('rule 7: roles', () => {
  it('Add with JSON strings inside value keeps them as sent', () => {
    expect(run(base(), { op: 'Add', path: 'roles', value: [{ value: ROLE_JSON }] })).toEqual(base({ roles: [{ value: ROLE_JSON }] }));
  });

  it('replace with objects swaps the whole list', () => {
    const roles = [{ primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Reader', value: 'Reader' }];
    expect(run(base({ roles: [{ value: ROLE_JSON }] }), { op: 'replace', path: 'roles', value: roles })).toEqual(base({ roles }));
  });
});

describe('rules 9–11: response, nulls, re-asserted values', () => {
  it('returns the whole resource so the router can answer 200 with it or 204 (rule 9)', () => {
    const resource = base({ title: 'VP', name: { givenName: 'G' } });
    expect(run(resource, { op: 'Replace', path: 'nickName', value: 'N' })).toEqual({ ...resource, nickName: 'N' });
  });

  it('removes a plain attribute, and a null value clears it (rule 10, RFC 7643 §2.5)', () => {
    expect(run(base({ title: 'VP', nickName: 'N' }), { op: 'Remove', path: 'title' }, { op: 'replace', path: 'nickName', value: null })).toEqual(base());
  });

  it("accepts Entra's periodic re-assertion of active=true as a no-op (rule 11)", () => {
    expect(run(base(), { op: 'Replace', path: 'active', value: 'True' })).toEqual(base());
    expect(run(base(), { op: 'replace', value: { active: true } })).toEqual(base());
  });
});
