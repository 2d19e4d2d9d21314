import { describe, expect, it } from 'vitest';
import { schemaById, schemaResources } from '../../../../../electron/scim/discovery/schemas.js';
import type { JsonObject, JsonValue } from '../../../../../electron/scim/resource/types.js';

const BASE = 'https://abc.example.net/scim/v2';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

function nullPaths(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nullPaths(v, `${path}.${k}`));
  return [];
}

/** Every attribute object in a schema, sub-attributes included. */
function allAttributes(list: JsonValue | undefined): JsonObject[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((a) => (a !== null && typeof a === 'object' && !Array.isArray(a) ? [a, ...allAttributes(a['subAttributes'])] : []));
}

function attribute(schema: JsonObject | undefined, name: string): JsonObject | undefined {
  return allAttributes(schema?.['attributes']).find((a) => a['name'] === name);
}

describe('schemaResources', () => {
  const schemas = schemaResources(BASE);

  it('lists User, EnterpriseUser and Group with RFC 7643 §7 envelopes', () => {
    expect(schemas.map((s) => s['id'])).toEqual([USER, ENTERPRISE, GROUP]);
    expect(schemas.map((s) => s['name'])).toEqual(['User', 'EnterpriseUser', 'Group']);
    for (const schema of schemas) {
      expect(schema['schemas']).toEqual(['urn:ietf:params:scim:schemas:core:2.0:Schema']);
      expect(typeof schema['description']).toBe('string');
      expect(schema['meta']).toEqual({ resourceType: 'Schema', location: `${BASE}/Schemas/${String(schema['id'])}` });
    }
  });

  it('holds no null or undefined property anywhere (entra-behavior.md §2.3)', () => {
    expect(nullPaths(schemas)).toEqual([]);
    // JSON round trip: nothing is lost, so no property is undefined either.
    expect(JSON.parse(JSON.stringify(schemas))).toStrictEqual(schemas);
  });

  it('renders every attribute with all RFC 7643 §7 characteristics, camelCase values, no empty lists', () => {
    const mandatory = ['name', 'type', 'multiValued', 'description', 'required', 'caseExact', 'mutability', 'returned', 'uniqueness'];
    for (const schema of schemas) {
      for (const attr of allAttributes(schema['attributes'])) {
        for (const key of mandatory) expect(attr, `${String(attr['name'])}.${key}`).toHaveProperty(key);
        expect(['readOnly', 'readWrite', 'immutable', 'writeOnly']).toContain(attr['mutability']);
        expect(['always', 'never', 'default', 'request']).toContain(attr['returned']);
        for (const key of ['canonicalValues', 'referenceTypes', 'subAttributes']) {
          if (key in attr) expect((attr[key] as JsonValue[]).length, `${String(attr['name'])}.${key}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('describes the enterprise manager as a complex attribute with value, $ref and displayName', () => {
    const manager = attribute(schemas[1], 'manager');
    expect(manager).toMatchObject({ type: 'complex', multiValued: false, mutability: 'readWrite', returned: 'default' });
    const subs = manager?.['subAttributes'] as JsonObject[];
    expect(subs.map((s) => s['name'])).toEqual(['value', '$ref', 'displayName']);
    expect(subs[1]).toMatchObject({ type: 'reference', referenceTypes: ['User'] });
    expect(subs[2]).toMatchObject({ type: 'string', mutability: 'readOnly' });
  });

  it('renders userName, password, emails and Group members with their characteristics', () => {
    expect(attribute(schemas[0], 'userName')).toStrictEqual({
      name: 'userName',
      type: 'string',
      multiValued: false,
      description: 'Unique identifier for the User, used to authenticate; Entra matches on it by default.',
      required: true,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'server',
    });
    expect(attribute(schemas[0], 'password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    const emails = attribute(schemas[0], 'emails');
    expect(emails).toMatchObject({ type: 'complex', multiValued: true });
    const emailType = (emails?.['subAttributes'] as JsonObject[]).find((s) => s['name'] === 'type');
    expect(emailType?.['canonicalValues']).toEqual(['work', 'home', 'other']);
    const members = attribute(schemas[2], 'members');
    expect(members).toMatchObject({ type: 'complex', multiValued: true });
    expect((members?.['subAttributes'] as JsonObject[]).map((s) => s['name'])).toEqual(['value', '$ref', 'display', 'type']);
  });

  it('omits empty canonicalValues (roles has none)', () => {
    const roles = attribute(schemas[0], 'roles');
    const roleType = (roles?.['subAttributes'] as JsonObject[]).find((s) => s['name'] === 'type');
    expect(roleType && 'canonicalValues' in roleType).toBe(false);
  });

  it('does not list the common attributes id, externalId and meta (RFC 7643 §3.1)', () => {
    for (const schema of schemas) {
      const names = (schema['attributes'] as JsonObject[]).map((a) => a['name']);
      expect(names).not.toContain('id');
      expect(names).not.toContain('externalId');
      expect(names).not.toContain('meta');
    }
  });

  it('returns fresh objects on each call', () => {
    const first = schemaResources(BASE);
    (first[0]?.['attributes'] as JsonObject[]).length = 0;
    expect((schemaResources(BASE)[0]?.['attributes'] as JsonObject[]).length).toBeGreaterThan(0);
  });
});

describe('schemaById', () => {
  it('finds a schema by URN, case-insensitively', () => {
    expect(schemaById(BASE, ENTERPRISE)?.['name']).toBe('EnterpriseUser');
    expect(schemaById(BASE, USER.toUpperCase())?.['id']).toBe(USER);
    expect(schemaById(BASE, GROUP.toLowerCase())?.['id']).toBe(GROUP);
  });

  it('equals the listed resource', () => {
    expect(schemaById(BASE, GROUP)).toStrictEqual(schemaResources(BASE)[2]);
  });

  it('accepts the legacy malformed enterprise URN (entra-behavior.md §2.1)', () => {
    expect(schemaById(BASE, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User')?.['id']).toBe(ENTERPRISE);
  });

  it('returns undefined for an unknown id', () => {
    expect(schemaById(BASE, 'urn:ietf:params:scim:schemas:core:2.0:Device')).toBeUndefined();
    expect(schemaById(BASE, 'User')).toBeUndefined();
  });
});
