import { describe, expect, it } from 'vitest';
import { resourceTypeById, resourceTypes } from '../../../../../electron/scim/discovery/resource-types.js';

const BASE = 'https://abc.example.net/scim/v2';
const RESOURCE_TYPE = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';

function nullPaths(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nullPaths(v, `${path}.${k}`));
  return [];
}

const USER = {
  schemas: [RESOURCE_TYPE],
  id: 'User',
  name: 'User',
  description: 'User Account',
  endpoint: '/Users',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
  schemaExtensions: [{ schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false }],
  meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/User` },
};

const GROUP = {
  schemas: [RESOURCE_TYPE],
  id: 'Group',
  name: 'Group',
  description: 'Group',
  endpoint: '/Groups',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/Group` },
};

describe('resourceTypes', () => {
  it('lists User (with the enterprise extension) and Group in RFC 7643 §6 form', () => {
    expect(resourceTypes(BASE)).toStrictEqual([USER, GROUP]);
  });

  it('holds no null anywhere, and Group has no schemaExtensions key', () => {
    const [, group] = resourceTypes(BASE);
    expect(nullPaths(resourceTypes(BASE))).toEqual([]);
    expect(group && 'schemaExtensions' in group).toBe(false);
  });
});

describe('resourceTypeById', () => {
  it('finds a type by id, case-insensitively', () => {
    expect(resourceTypeById(BASE, 'User')).toStrictEqual(USER);
    expect(resourceTypeById(BASE, 'group')).toStrictEqual(GROUP);
    expect(resourceTypeById(BASE, 'USER')).toStrictEqual(USER);
  });

  it('returns undefined for an unknown id', () => {
    expect(resourceTypeById(BASE, 'Device')).toBeUndefined();
    expect(resourceTypeById(BASE, '__proto__')).toBeUndefined();
    expect(resourceTypeById(BASE, '')).toBeUndefined();
  });

  it('tolerates a trailing slash on the base URL', () => {
    expect(resourceTypeById(`${BASE}/`, 'User')?.['meta']).toEqual(USER.meta);
  });
});
