import { describe, expect, it } from 'vitest';

import { normalizePatchedResource, normalizeResource } from '../../../../../electron/scim/resource/normalize.js';
import { SCHEMA_ENTERPRISE_USER } from '../../../../../shared/scim/constants.js';
import { scimError } from './scim-error.js';

/** What `({}).polluted` reads: set only if a body reached Object.prototype. */
const polluted = (): unknown => ({} as Record<string, unknown>)['polluted'];

describe('normalizeResource: prototype pollution stays inert', () => {
  it('drops __proto__, constructor and prototype keys at every level', () => {
    const body = JSON.parse(`{
      "userName": "u",
      "__proto__": {"polluted": "top"},
      "constructor": {"prototype": {"polluted": "ctor"}},
      "prototype": {"polluted": "proto"},
      "name": {"givenName": "G", "__proto__": {"polluted": "name"}},
      "emails": [{"value": "e", "__proto__": {"polluted": "email"}}],
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"__proto__": {"polluted": "ent"}, "department": "D"},
      "urn:ietf:params:scim:schemas:extension:Custom:2.0:User": {"__proto__": {"polluted": "custom"}, "a": 1}
    }`) as unknown;
    const stored = normalizeResource('User', body);
    expect(stored).toEqual({
      userName: 'u',
      name: { givenName: 'G' },
      emails: [{ value: 'e' }],
      [SCHEMA_ENTERPRISE_USER]: { department: 'D' },
      'urn:ietf:params:scim:schemas:extension:Custom:2.0:User': { a: 1 },
    });
    expect(polluted()).toBeUndefined();
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(stored['name'])).toBe(Object.prototype);
    expect(Object.hasOwn(stored, '__proto__')).toBe(false);
    expect((stored as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('normalizeResource: bounded work', () => {
  function nested(levels: number): Record<string, unknown> {
    let inner: Record<string, unknown> = { leaf: 'x' };
    for (let i = 1; i < levels; i += 1) inner = { n: inner };
    return inner;
  }

  it('accepts nesting of 16 levels and rejects 17 with invalidValue', () => {
    expect(normalizeResource('User', { userName: 'u', custom: nested(15) })).toEqual({ userName: 'u', custom: nested(15) });
    expect(scimError(() => normalizeResource('User', { userName: 'u', custom: nested(16) })).scimType).toBe('invalidValue');
  });

  it('rejects a 100,000-level body without overflowing the stack', () => {
    expect(scimError(() => normalizeResource('User', { userName: 'u', custom: nested(100_000) })).scimType).toBe('invalidValue');
  });

  it('accepts 10,000 members in one body and rejects 10,001 with tooMany', () => {
    const members = (count: number): { value: string }[] => Array.from({ length: count }, (_, i) => ({ value: `u${i}` }));
    expect(normalizeResource('Group', { displayName: 'G', members: members(10_000) })['members']).toHaveLength(10_000);
    const error = scimError(() => normalizeResource('Group', { displayName: 'G', members: members(10_001) }));
    expect([error.status, error.scimType]).toEqual([400, 'tooMany']);
  });

  it('lets a PATCHed group grow past 10,000 members (each PATCH body is bounded on its own)', () => {
    const members = Array.from({ length: 10_001 }, (_, i) => ({ value: `u${i}` }));
    expect(normalizePatchedResource('Group', { displayName: 'G', members })['members']).toHaveLength(10_001);
  });

  it('is idempotent on what it stores', () => {
    const once = normalizeResource('User', { userName: 'u', active: 'True', [SCHEMA_ENTERPRISE_USER]: { manager: 'm' }, roles: [{ value: 'r' }] });
    expect(normalizeResource('User', once)).toEqual(once);
  });
});
