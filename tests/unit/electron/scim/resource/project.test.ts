import { describe, expect, it } from 'vitest';
import { parseAttributeList, projectResource } from '../../../../../electron/scim/resource/project.js';
import type { JsonObject } from '../../../../../electron/scim/resource/types.js';

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function user(): JsonObject {
  return {
    schemas: [USER_URN, ENTERPRISE],
    id: 'u-1',
    externalId: 'ext-1',
    userName: 'alice@contoso.com',
    name: { givenName: 'Alice', familyName: 'Smith', formatted: 'Alice Smith' },
    active: true,
    password: 'hunter2',
    emails: [
      { value: 'alice@contoso.com', type: 'work', primary: true },
      { value: 'alice@home.example', type: 'home' },
    ],
    [ENTERPRISE]: {
      department: 'Sales',
      employeeNumber: '42',
      manager: { value: 'u-2', $ref: 'https://x/scim/v2/Users/u-2', displayName: 'Bob' },
    },
    meta: { resourceType: 'User', created: '2025-01-01T00:00:00Z', lastModified: '2025-01-01T00:00:00Z', location: 'https://x/scim/v2/Users/u-1', version: 'W/"1"' },
  };
}

function group(): JsonObject {
  return {
    schemas: [GROUP_URN],
    id: 'g-1',
    externalId: 'ext-g',
    displayName: 'Sales',
    members: [
      { value: 'u-1', display: 'Alice', type: 'User' },
      { value: 'u-2', display: 'Bob', type: 'User' },
    ],
    meta: { resourceType: 'Group', location: 'https://x/scim/v2/Groups/g-1' },
  };
}

const keys = (o: JsonObject): string[] => Object.keys(o).sort();

describe('parseAttributeList', () => {
  it('splits on commas, trims and ignores empty entries', () => {
    expect(parseAttributeList(' userName , name.givenName,,emails.value ,')).toEqual(['userName', 'name.givenName', 'emails.value']);
    expect(parseAttributeList('members')).toEqual(['members']);
  });

  it('returns undefined when absent or naming nothing', () => {
    expect(parseAttributeList(undefined)).toBeUndefined();
    expect(parseAttributeList('')).toBeUndefined();
    expect(parseAttributeList(' , ')).toBeUndefined();
  });
});

describe('projectResource: no lists', () => {
  it('returns everything except returned:never (password)', () => {
    const expected = user();
    delete expected['password'];
    expect(projectResource('User', user(), {})).toStrictEqual(expected);
  });

  it('treats empty lists as absent', () => {
    expect(projectResource('Group', group(), { attributes: [], excludedAttributes: [] })).toStrictEqual(group());
  });

  it('keeps an empty members array on a group (entra-behavior.md §2.2 G2)', () => {
    const g = { ...group(), members: [] };
    expect(projectResource('Group', g, {})['members']).toEqual([]);
  });
});

describe('projectResource: attributes', () => {
  it('attributes=userName returns only schemas, id and userName', () => {
    expect(projectResource('User', user(), { attributes: ['userName'] })).toStrictEqual({
      schemas: [USER_URN, ENTERPRISE],
      id: 'u-1',
      userName: 'alice@contoso.com',
    });
  });

  it('matches names case-insensitively', () => {
    expect(keys(projectResource('User', user(), { attributes: ['USERNAME', 'DisplayName', 'EXTERNALID'] }))).toEqual(['externalId', 'id', 'schemas', 'userName']);
  });

  it('accepts URN-qualified core names', () => {
    const out = projectResource('User', user(), { attributes: [`${USER_URN}:userName`, `${USER_URN.toUpperCase()}:name.givenName`] });
    expect(out).toStrictEqual({ schemas: [USER_URN, ENTERPRISE], id: 'u-1', userName: 'alice@contoso.com', name: { givenName: 'Alice' } });
  });

  it('accepts URN-qualified extension names, including a manager sub-attribute', () => {
    const out = projectResource('User', user(), { attributes: [`${ENTERPRISE}:department`, `${ENTERPRISE}:Manager.Value`] });
    expect(out).toStrictEqual({ schemas: [USER_URN, ENTERPRISE], id: 'u-1', [ENTERPRISE]: { department: 'Sales', manager: { value: 'u-2' } } });
  });

  it('accepts the legacy dotted and malformed extension forms (entra-behavior.md §2.1, §3.2)', () => {
    expect(projectResource('User', user(), { attributes: [`${ENTERPRISE}.department`] })[ENTERPRISE]).toEqual({ department: 'Sales' });
    expect(projectResource('User', user(), { attributes: ['urn:ietf:params:scim:schemas:extension:enterprise:2.0User:employeeNumber'] })[ENTERPRISE]).toEqual({
      employeeNumber: '42',
    });
  });

  it('selects the whole extension object by its URN, in any case', () => {
    const out = projectResource('User', user(), { attributes: [ENTERPRISE.toUpperCase()] });
    expect(out).toStrictEqual({ schemas: [USER_URN, ENTERPRISE], id: 'u-1', [ENTERPRISE]: user()[ENTERPRISE] });
  });

  it('selects the whole object of a custom extension by its URN', () => {
    const custom = 'urn:contoso:scim:extension:2.0:User';
    const u = { ...user(), [custom]: { badge: 'B-7' } };
    expect(projectResource('User', u, { attributes: [custom] })[custom]).toEqual({ badge: 'B-7' });
    expect(projectResource('User', u, { attributes: [`${custom}:badge`] })[custom]).toEqual({ badge: 'B-7' });
    expect(projectResource('User', u, { attributes: ['userName'] })).not.toHaveProperty([custom]);
  });

  it('projects sub-attributes of a multi-valued attribute on every element (emails.value)', () => {
    expect(projectResource('User', user(), { attributes: ['emails.value'] })['emails']).toEqual([
      { value: 'alice@contoso.com' },
      { value: 'alice@home.example' },
    ]);
    expect(projectResource('Group', group(), { attributes: ['members.value'] })['members']).toEqual([{ value: 'u-1' }, { value: 'u-2' }]);
  });

  it('projects sub-attributes of a singular complex attribute (name.givenName)', () => {
    expect(projectResource('User', user(), { attributes: ['name.givenName'] })).toStrictEqual({
      schemas: [USER_URN, ENTERPRISE],
      id: 'u-1',
      name: { givenName: 'Alice' },
    });
  });

  it('drops elements and attributes that the projection leaves empty', () => {
    const u: JsonObject = { ...user(), emails: [{ value: 'a@b.c' }, { type: 'home' }] };
    expect(projectResource('User', u, { attributes: ['emails.value'] })['emails']).toEqual([{ value: 'a@b.c' }]);
    expect(projectResource('User', user(), { attributes: ['name.middleName'] })).not.toHaveProperty('name');
    expect(projectResource('User', user(), { attributes: ['userName.nothing'] })).not.toHaveProperty('userName');
  });

  it('a whole attribute wins over one of its sub-attributes', () => {
    expect(projectResource('User', user(), { attributes: ['name.givenName', 'name'] })['name']).toEqual(user()['name']);
    expect(projectResource('User', user(), { attributes: ['name', 'name.givenName'] })['name']).toEqual(user()['name']);
  });

  it('never outputs password, even when asked for', () => {
    expect(projectResource('User', user(), { attributes: ['password', 'userName'] })).not.toHaveProperty('password');
    expect(projectResource('User', user(), { attributes: [`${USER_URN}:PASSWORD`] })).toStrictEqual({ schemas: [USER_URN, ENTERPRISE], id: 'u-1' });
  });

  it('ignores unknown names, including __proto__ and constructor', () => {
    const out = projectResource('User', user(), { attributes: ['nope', 'urn:x:y:z', '__proto__', 'constructor', 'userName', '__proto__.polluted'] });
    expect(out).toStrictEqual({ schemas: [USER_URN, ENTERPRISE], id: 'u-1', userName: 'alice@contoso.com' });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps meta only when asked, and projects its sub-attributes', () => {
    expect(projectResource('Group', group(), { attributes: ['displayName'] })).not.toHaveProperty('meta');
    expect(projectResource('Group', group(), { attributes: ['meta.location'] })['meta']).toEqual({ location: 'https://x/scim/v2/Groups/g-1' });
  });

  it('answers the legacy manager check with id only (entra-behavior.md §2.1 U7)', () => {
    expect(projectResource('User', user(), { attributes: ['id'] })).toStrictEqual({ schemas: [USER_URN, ENTERPRISE], id: 'u-1' });
  });
});

describe('projectResource: excludedAttributes', () => {
  it('excludedAttributes=members leaves no members key at all (entra-behavior.md §2.2)', () => {
    const out = projectResource('Group', group(), { excludedAttributes: ['members'] });
    expect('members' in out).toBe(false);
    expect(out).toStrictEqual({ schemas: [GROUP_URN], id: 'g-1', externalId: 'ext-g', displayName: 'Sales', meta: group()['meta'] });
  });

  it('matches excluded names case-insensitively and URN-qualified', () => {
    expect(projectResource('Group', group(), { excludedAttributes: ['MEMBERS'] })).not.toHaveProperty('members');
    expect(projectResource('Group', group(), { excludedAttributes: [`${GROUP_URN}:members`] })).not.toHaveProperty('members');
    expect(projectResource('Group', { ...group(), members: [] }, { excludedAttributes: ['members'] })).not.toHaveProperty('members');
  });

  it('never removes id or schemas', () => {
    const out = projectResource('User', user(), { excludedAttributes: ['id', 'schemas', 'userName'] });
    expect(out['id']).toBe('u-1');
    expect(out['schemas']).toEqual([USER_URN, ENTERPRISE]);
    expect(out).not.toHaveProperty('userName');
  });

  it('removes sub-attributes from every element (members.display, emails.value)', () => {
    expect(projectResource('Group', group(), { excludedAttributes: ['members.display'] })['members']).toEqual([
      { value: 'u-1', type: 'User' },
      { value: 'u-2', type: 'User' },
    ]);
    expect(projectResource('User', user(), { excludedAttributes: ['emails.value', 'name.givenName'] })).toMatchObject({
      emails: [{ type: 'work', primary: true }, { type: 'home' }],
      name: { familyName: 'Smith', formatted: 'Alice Smith' },
    });
  });

  it('removes a whole extension object or one of its attributes', () => {
    expect(projectResource('User', user(), { excludedAttributes: [ENTERPRISE] })).not.toHaveProperty([ENTERPRISE]);
    expect(projectResource('User', user(), { excludedAttributes: [`${ENTERPRISE}:manager`] })[ENTERPRISE]).toEqual({ department: 'Sales', employeeNumber: '42' });
  });

  it('keeps schemas as-is when the whole extension object is removed', () => {
    expect(projectResource('User', user(), { excludedAttributes: [ENTERPRISE] })['schemas']).toEqual([USER_URN, ENTERPRISE]);
  });

  it('still never outputs password, and ignores unknown names', () => {
    const out = projectResource('User', user(), { excludedAttributes: ['nope', '__proto__', 'constructor'] });
    const expected = user();
    delete expected['password'];
    expect(out).toStrictEqual(expected);
  });

  it('applies both lists together: an excluded name wins', () => {
    expect(projectResource('Group', group(), { attributes: ['displayName', 'members'], excludedAttributes: ['members'] })).toStrictEqual({
      schemas: [GROUP_URN],
      id: 'g-1',
      displayName: 'Sales',
    });
  });
});

describe('projectResource: purity', () => {
  it('never mutates the input and shares no objects with it', () => {
    const input = user();
    const snapshot = structuredClone(input);
    const out = projectResource('User', input, { attributes: ['emails', 'name', ENTERPRISE] });
    expect(input).toStrictEqual(snapshot);
    (out['emails'] as JsonObject[])[0]!['value'] = 'changed';
    (out['name'] as JsonObject)['givenName'] = 'changed';
    (out['schemas'] as string[]).push('changed');
    expect(input).toStrictEqual(snapshot);
  });

  it('copies an own __proto__ key of a parsed resource as data, without touching prototypes', () => {
    const parsed = JSON.parse('{"schemas":["x"],"id":"u-1","__proto__":{"polluted":true}}') as JsonObject;
    const out = projectResource('User', parsed, {});
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(out)).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
