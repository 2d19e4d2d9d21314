import { describe, expect, it } from 'vitest';

import { parsePatchPath } from '../../../../../electron/scim/patch/path.js';
import { SCHEMA_ENTERPRISE_USER } from '../../../../../shared/scim/constants.js';
import { scimError } from '../resource/scim-error.js';

const ENT = SCHEMA_ENTERPRISE_USER;
const CUSTOM = 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User';

/** The parts of a PatchPath a test compares (definitions are checked by name only). */
function shape(type: 'User' | 'Group', path: string): Record<string, unknown> {
  const parsed = parsePatchPath(type, path);
  return {
    extension: parsed.extension,
    name: parsed.name,
    def: parsed.def?.name,
    filter: parsed.filter,
    sub: parsed.sub,
  };
}

describe('parsePatchPath: attribute paths', () => {
  it('canonicalises core names case-insensitively', () => {
    expect(shape('User', 'ACTIVE')).toEqual({ extension: null, name: 'active', def: 'active', filter: undefined, sub: undefined });
    expect(shape('User', 'Name.GivenName')).toEqual({ extension: null, name: 'name', def: 'name', filter: undefined, sub: 'givenName' });
  });

  it('reads fully qualified core and enterprise paths (§3.2 rule 3)', () => {
    expect(shape('User', 'urn:ietf:params:scim:schemas:core:2.0:User:userName')).toMatchObject({ extension: null, name: 'userName' });
    expect(shape('User', `${ENT}:department`)).toMatchObject({ extension: ENT, name: 'department', def: 'department' });
    expect(shape('User', `${ENT}:manager.value`)).toMatchObject({ extension: ENT, name: 'manager', sub: 'value' });
  });

  it('reads the pre-2018 dotted enterprise form and top-level enterprise names', () => {
    expect(shape('User', `${ENT}.employeeNumber`)).toMatchObject({ extension: ENT, name: 'employeeNumber' });
    expect(shape('User', 'manager')).toMatchObject({ extension: ENT, name: 'manager', def: 'manager' });
  });

  it('keeps custom extension attributes and unknown attributes as named', () => {
    expect(shape('User', `${CUSTOM}:CustomAttribute`)).toEqual({ extension: CUSTOM, name: 'CustomAttribute', def: undefined, filter: undefined, sub: undefined });
    expect(shape('User', 'favouriteColour')).toMatchObject({ extension: null, name: 'favouriteColour', def: undefined });
  });

  it('names a whole extension object by its URN', () => {
    expect(shape('User', ENT)).toMatchObject({ extension: null, name: ENT });
    expect(shape('User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User')).toMatchObject({ extension: null, name: ENT });
    expect(shape('User', CUSTOM)).toMatchObject({ extension: null, name: CUSTOM });
  });
});

describe('parsePatchPath: value filters (§3.2 rule 5)', () => {
  it('parses emails[type eq "work"].value', () => {
    expect(shape('User', 'emails[type eq "work"].value')).toEqual({
      extension: null,
      name: 'emails',
      def: 'emails',
      filter: { kind: 'compare', path: 'type', op: 'eq', value: 'work' },
      sub: 'value',
    });
  });

  it('parses members[value eq "id"] without a sub-attribute', () => {
    expect(shape('Group', 'members[value eq "7f4bc1a3-0000"]')).toMatchObject({
      name: 'members',
      filter: { kind: 'compare', path: 'value', op: 'eq', value: '7f4bc1a3-0000' },
      sub: undefined,
    });
  });

  it('allows "]" inside a quoted filter value and canonicalises the sub-attribute', () => {
    expect(shape('User', 'addresses[type eq "a]b"].PostalCode')).toMatchObject({
      filter: { kind: 'compare', path: 'type', value: 'a]b' },
      sub: 'postalCode',
    });
  });
});

describe('parsePatchPath: invalid paths → 400 invalidPath', () => {
  it.each([
    [''],
    ['   '],
    ['emails[type eq "work"'],
    ['emails]'],
    ['emails[type eq "work"]value'],
    ['emails[type eq "work"].value.extra'],
    ['emails[]'],
    ['emails[type eq]'],
    ['emails.value[type eq "work"]'],
    ['userName[value eq "x"]'],
    ['userName.sub'],
    ['name.givenName.more'],
    ['bad name'],
    ['1abc'],
    ['urn:ietf:params:scim:schemas:core:2.0:Group:displayName'],
    ['urn:ietf:params:scim:schemas:core:2.0:User'],
    ['urn:x'],
  ])('rejects %j', (path) => {
    const error = scimError(() => parsePatchPath('User', path));
    expect([error.status, error.scimType]).toEqual([400, 'invalidPath']);
  });

  it.each([['__proto__'], ['constructor'], ['prototype'], ['name.__proto__'], ['name.constructor'], [`${CUSTOM}:__proto__`], ['emails[__proto__ eq "x"]'], ['emails[type eq "w"].constructor']])(
    'keeps %j inert by rejecting it',
    (path) => {
      expect(scimError(() => parsePatchPath('User', path)).scimType).toBe('invalidPath');
    },
  );
});
