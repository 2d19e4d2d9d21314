/** applyPatch: body validation, immutability of the input, errors and inert prototype keys. */

import { describe, expect, it } from 'vitest';

import { applyPatch } from '../../../../../electron/scim/patch/apply.js';
import type { StoredResource } from '../../../../../electron/scim/resource/types.js';
import { SCHEMA_ENTERPRISE_USER } from '../../../../../shared/scim/constants.js';
import { scimError } from '../resource/scim-error.js';

const user = (): StoredResource => ({ userName: 'u', active: true, emails: [{ type: 'work', value: 'w@x', primary: true }] });
const run = (resource: StoredResource, ...Operations: unknown[]): StoredResource => applyPatch('User', resource, { Operations });
const polluted = (): unknown => ({} as Record<string, unknown>)['polluted'];

describe('applyPatch: body', () => {
  it('returns a new object and leaves the input untouched', () => {
    const input = user();
    const result = run(input, { op: 'add', path: 'emails[type eq "work"].display', value: 'Work' });
    expect(input).toEqual(user());
    expect(result).not.toBe(input);
    expect(result).toEqual({ userName: 'u', active: true, emails: [{ type: 'work', value: 'w@x', primary: true, display: 'Work' }] });
  });

  it('accepts the Operations key in any case and tolerates a missing schemas', () => {
    expect(applyPatch('User', user(), { operations: [{ op: 'add', path: 'title', value: 'T' }] })).toEqual({ ...user(), title: 'T' });
    expect(applyPatch('User', user(), { OPERATIONS: [{ Op: 'Add', Path: 'title', Value: 'T' }] })).toEqual({ ...user(), title: 'T' });
  });

  it.each([[null], ['x'], [[]], [{}], [{ Operations: {} }], [{ Operations: 'add' }]])('rejects the body %j with invalidSyntax', (body) => {
    const error = scimError(() => applyPatch('User', user(), body));
    expect([error.status, error.scimType]).toEqual([400, 'invalidSyntax']);
  });

  it('rejects operations that are not objects or lack a value', () => {
    expect(scimError(() => run(user(), 'add')).scimType).toBe('invalidSyntax');
    expect(scimError(() => run(user(), { path: 'title', value: 'x' })).scimType).toBe('invalidSyntax');
    expect(scimError(() => run(user(), { op: 'add', path: 'title' })).scimType).toBe('invalidSyntax');
    expect(scimError(() => run(user(), { op: 'add', path: 5, value: 'x' })).scimType).toBe('invalidPath');
  });

  it('accepts 1,000 operations and rejects 1,001 with tooMany', () => {
    const ops = (count: number): unknown[] => Array.from({ length: count }, (_, i) => ({ op: 'replace', path: 'title', value: `t${i}` }));
    expect(run(user(), ...ops(1_000))['title']).toBe('t999');
    expect(scimError(() => run(user(), ...ops(1_001))).scimType).toBe('tooMany');
  });

  it('names the failing operation in the detail', () => {
    const error = scimError(() => run(user(), { op: 'add', path: 'title', value: 'ok' }, { op: 'Replace', path: 'active', value: 'nope' }));
    expect(error.message).toMatch(/^Operations\[1\] \(replace "active"\): .*'active'/);
  });
});

describe('applyPatch: targets and errors', () => {
  it('remove without a path is noTarget', () => {
    expect(scimError(() => run(user(), { op: 'remove' })).scimType).toBe('noTarget');
  });

  it.each([
    ['id', { op: 'replace', path: 'id', value: 'x' }],
    ['meta', { op: 'replace', path: 'meta.lastModified', value: 'x' }],
    ['groups', { op: 'add', path: 'groups', value: [{ value: 'g' }] }],
    ['id in a path-less value', { op: 'replace', value: { id: 'x' } }],
    ['remove id', { op: 'remove', path: 'id' }],
  ])('patching %s is a mutability error', (_what, op) => {
    const error = scimError(() => run(user(), op));
    expect([error.status, error.scimType]).toEqual([400, 'mutability']);
  });

  it('removing the required userName or Group displayName is a mutability error (RFC 7644 §3.5.2.2)', () => {
    expect(scimError(() => run(user(), { op: 'remove', path: 'userName' })).scimType).toBe('mutability');
    expect(scimError(() => applyPatch('Group', { displayName: 'G' }, { Operations: [{ op: 'remove', path: 'displayName' }] })).scimType).toBe('mutability');
  });

  it('setting userName to an empty or non-string value is invalidValue', () => {
    expect(scimError(() => run(user(), { op: 'replace', path: 'userName', value: '' })).scimType).toBe('invalidValue');
    expect(scimError(() => run(user(), { op: 'replace', path: 'userName', value: 42 })).scimType).toBe('invalidValue');
  });

  it('value type errors are invalidValue', () => {
    expect(scimError(() => run(user(), { op: 'add', path: 'name', value: 'Bob' })).scimType).toBe('invalidValue');
    expect(scimError(() => run(user(), { op: 'add', path: 'emails', value: 'e@x' })).scimType).toBe('invalidValue');
    expect(scimError(() => run(user(), { op: 'replace', value: 'x' })).scimType).toBe('invalidValue');
  });

  it('a filter that matches nothing and describes no element is noTarget', () => {
    expect(scimError(() => run(user(), { op: 'replace', path: 'emails[type ne "work"].value', value: 'x' })).scimType).toBe('noTarget');
  });

  it('stores unknown attributes (Entra custom mappings) and merges unknown objects', () => {
    const result = run(user(), { op: 'add', path: 'costCode', value: 'CC1' }, { op: 'add', path: 'extra', value: { a: 1 } }, { op: 'add', path: 'extra', value: { b: 2 } });
    expect(result).toEqual({ ...user(), costCode: 'CC1', extra: { a: 1, b: 2 } });
  });

  it('drops a password instead of storing it', () => {
    expect(run(user(), { op: 'replace', path: 'password', value: 'hunter2' })).toEqual(user());
  });

  it('setting a new primary value demotes the old one (RFC 7644 §3.5.2)', () => {
    expect(run(user(), { op: 'add', path: 'emails', value: [{ type: 'home', value: 'h@x', primary: 'True' }] })).toEqual({
      ...user(),
      emails: [
        { type: 'work', value: 'w@x', primary: false },
        { type: 'home', value: 'h@x', primary: true },
      ],
    });
  });

  it('moves a top-level department path under the enterprise extension', () => {
    expect(run(user(), { op: 'Replace', path: 'department', value: 'D' })).toEqual({ ...user(), [SCHEMA_ENTERPRISE_USER]: { department: 'D' } });
  });
});

describe('applyPatch: prototype pollution stays inert', () => {
  it('rejects __proto__, constructor and prototype as paths; a __proto__ key in a path-less value is dropped', () => {
    for (const path of ['__proto__', '__proto__.polluted', 'constructor.prototype.polluted', 'name.__proto__', 'hasOwnProperty', 'toString']) {
      expect(scimError(() => run(user(), { op: 'add', path, value: { polluted: true } })).scimType).toBe('invalidPath');
    }
    const body = JSON.parse('{"Operations":[{"op":"add","value":{"__proto__":{"polluted":true}}}]}') as unknown;
    expect(applyPatch('User', user(), body)).toEqual(user());
    expect(polluted()).toBeUndefined();
  });

  it('drops __proto__ inside values without touching any prototype', () => {
    const body = JSON.parse(`{"Operations":[
      {"op":"add","path":"name","value":{"givenName":"G","__proto__":{"polluted":true}}},
      {"op":"add","path":"emails[type eq \\"home\\"]","value":{"value":"h","__proto__":{"polluted":true}}},
      {"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"__proto__":{"polluted":true},"division":"X"}}}
    ]}`) as unknown;
    const result = applyPatch('User', user(), body);
    expect(result).toEqual({
      ...user(),
      name: { givenName: 'G' },
      emails: [...(user()['emails'] as unknown[]), { type: 'home', value: 'h' }],
      [SCHEMA_ENTERPRISE_USER]: { division: 'X' },
    });
    expect(polluted()).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result['name'])).toBe(Object.prototype);
  });
});
