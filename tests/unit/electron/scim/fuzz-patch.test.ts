/**
 * Fuzzing the PATCH engine (issue 11, "Fuzzing"): random PatchOp bodies — any op (PascalCase included), path
 * (`__proto__`, filters, URNs, garbage), value (string booleans, deep objects, huge arrays, own `__proto__` keys) —
 * make applyPatch either return a resource that normalizeResource accepts as a POST body, or throw a 4xx ScimError.
 * The input resource is never modified, and no prototype is ever polluted.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OPERATIONS, applyPatch } from '../../../../electron/scim/patch/index.js';
import { BODY_LIMITS, isForbiddenKey } from '../../../../electron/scim/resource/json.js';
import { normalizeResource } from '../../../../electron/scim/resource/normalize.js';
import type { JsonValue, StoredResource } from '../../../../electron/scim/resource/types.js';
import { MESSAGE_PATCH_OP, SCHEMA_ENTERPRISE_USER, SCHEMA_USER, type ScimResourceType } from '../../../../shared/scim/constants.js';
import { expectClientError, fuzzParams, mutated, prototypeNames } from '../../../support/fuzz.js';

const CUSTOM = 'urn:ietf:params:scim:schemas:extension:Custom:2.0:User';
/** A key the generators use that becomes a real own `__proto__` key once the body goes through JSON.parse. */
const PROTO_MARKER = 'zzProtoMarker';

const BASES: readonly (readonly [ScimResourceType, StoredResource])[] = [
  ['User', normalizeResource('User', {
    userName: 'alice@contoso.com', active: true, displayName: 'Alice', title: 'Engineer', name: { givenName: 'Alice', familyName: 'Smith' },
    emails: [{ type: 'work', value: 'alice@contoso.com', primary: true }, { type: 'home', value: 'a@home.example' }],
    addresses: [{ type: 'work', postalCode: '12345', country: 'US' }], phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
    [SCHEMA_ENTERPRISE_USER]: { department: 'Eng', manager: { value: 'u2' } }, [CUSTOM]: { CustomAttribute: 'blue' },
  })],
  ['User', normalizeResource('User', { userName: 'minimal' })],
  ['Group', normalizeResource('Group', { displayName: 'Engineering', externalId: 'g-ext', members: [{ value: 'u1', display: 'Alice' }, { value: 'u2' }] })],
];

const PATHS = [
  'title', 'active', 'userName', 'displayName', 'externalId', 'nickName', 'name', 'name.givenName', 'name.familyName', 'emails',
  'emails.value', 'emails[type eq "work"]', 'emails[type eq "work"].value', 'emails[type eq "work" and primary eq true].display',
  'emails[value co "@"]', 'phoneNumbers[type eq "mobile"].value', 'addresses[type eq "work"].postalCode', 'members',
  'members[value eq "u1"]', 'members[value eq "u1" or value eq "u2"]', 'members.value', 'roles', 'groups', 'id', 'meta.lastModified',
  'password', 'manager', `${SCHEMA_ENTERPRISE_USER}:department`, `${SCHEMA_ENTERPRISE_USER}:manager`, `${SCHEMA_ENTERPRISE_USER}:manager.value`,
  SCHEMA_ENTERPRISE_USER, `${SCHEMA_USER}:title`, `${CUSTOM}:CustomAttribute`, CUSTOM, 'x-custom', 'x-custom.value', 'x-custom[value eq 1]',
  '__proto__', '__proto__.polluted', 'constructor', 'constructor.prototype', 'prototype', 'name.__proto__', 'toString', 'hasOwnProperty',
  'emails[__proto__ eq "x"].value', 'emails[type eq "work"].__proto__', `${SCHEMA_ENTERPRISE_USER}:__proto__`, '', '   ',
];
const PATH_SYNTAX = ['[', ']', '.', ':', '"', ' ', 'eq', 'and', '(', ')', '__proto__', '\\', 'urn:'];

const path: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...PATHS), weight: 6 },
  { arbitrary: mutated(fc.constantFrom(...PATHS), PATH_SYNTAX), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.constantFrom(null, 42, true, ['title'], { a: 1 }), weight: 1 },
);

const op: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom('add', 'replace', 'remove', 'Add', 'Replace', 'Remove', 'ADD', 'rEpLaCe'), weight: 8 },
  { arbitrary: fc.constantFrom('merge', 'copy', '', ' add', null, 1, ['add'], { op: 'add' }), weight: 1 },
);

/** Nested `depth` levels: deep enough to cross BODY_LIMITS.maxDepth, within a cheap size. */
const deep = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('array', 'object')).map(([depth, kind]) => {
  let value: JsonValue = 'leaf';
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { value };
  return value;
});
const huge = fc.tuple(fc.constantFrom(9_999, 10_000, 10_001), fc.constantFrom('member', 'email', 'string')).map(([n, kind]) =>
  Array.from({ length: n }, (_, i): JsonValue => (kind === 'member' ? { value: `u${i % 3}` } : kind === 'email' ? { value: `e${i}@x`, type: 'work' } : `s${i}`)),
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 6 },
  { arbitrary: fc.constantFrom('True', 'False', 'true', 'FALSE', 'yes', '', '0', '1'), weight: 3 },
  { arbitrary: fc.constantFrom([{ value: 'u1' }], [{ value: 'u3', display: 'New' }], { value: 'u2' }, [{ value: 'x@y', type: 'work', primary: 'True' }]), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      { active: 'False' }, { 'name.givenName': 'G', 'emails[type eq "work"].value': 'w@x' }, { [`${SCHEMA_ENTERPRISE_USER}:department`]: 'D' },
      { [SCHEMA_ENTERPRISE_USER]: { manager: 'u9' } }, { [PROTO_MARKER]: { polluted: 'yes' }, title: 'T' }, { constructor: { prototype: { polluted: 'yes' } } },
      { members: [{ value: 'u1', [PROTO_MARKER]: { polluted: 'yes' } }] }, { id: 'x' }, { meta: { version: 'x' } },
    ),
    weight: 2,
  },
  { arbitrary: deep, weight: 1 },
  { arbitrary: huge, weight: 1 },
);

const operation: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.record({ op, path, value }, { requiredKeys: ['op'] }), weight: 8 },
  { arbitrary: fc.record({ Op: op, Path: path, Value: value }, { requiredKeys: [] }), weight: 1 },
  { arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ [PROTO_MARKER]: { op: 'add', path: 'title', value: 'x' } })), weight: 1 },
);

const body: fc.Arbitrary<unknown> = fc
  .oneof(
    { arbitrary: fc.record({ schemas: fc.constant([MESSAGE_PATCH_OP]), Operations: fc.array(operation, { maxLength: 6 }) }), weight: 8 },
    { arbitrary: fc.record({ operations: fc.array(operation, { maxLength: 3 }) }), weight: 1 },
    { arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ Operations: {} }), fc.constant({ [PROTO_MARKER]: { Operations: [] } })), weight: 1 },
  )
  // Through JSON text, as the listener sees it: the marker becomes an own `__proto__` key, as JSON.parse makes it.
  .map((b) => JSON.parse(JSON.stringify(b).replaceAll(`"${PROTO_MARKER}"`, '"__proto__"')) as unknown);

/** Walks a result: plain objects only, no forbidden own key, no deeper than the body limit. */
function expectInert(value: unknown, depth = 1): void {
  expect(depth).toBeLessThanOrEqual(BODY_LIMITS.maxDepth);
  if (Array.isArray(value)) {
    for (const item of value) expectInert(item, depth + 1);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  for (const key of Object.keys(value)) {
    expect(isForbiddenKey(key), key).toBe(false);
    expectInert((value as Record<string, unknown>)[key], depth + 1);
  }
}

const PROTOTYPE = prototypeNames();
const expectNoPollution = (): void => {
  expect(prototypeNames()).toEqual(PROTOTYPE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
};

describe('PATCH fuzzing: a valid resource or a 4xx ScimError', () => {
  it('handles random PatchOp bodies on users and groups', () => {
    const outcomes = { applied: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...BASES), body, ([type, resource], patch) => {
        const before = structuredClone(resource);
        let result: StoredResource;
        try {
          result = applyPatch(type, resource, patch);
        } catch (error) {
          expectClientError(error);
          outcomes.rejected += 1;
          return;
        } finally {
          expect(resource).toEqual(before);
          expectNoPollution();
        }
        outcomes.applied += 1;
        expectInert(result);
        // What PATCH stores, a POST of the same resource must accept (the contract apply.ts states).
        expect(normalizeResource(type, result)).toEqual(result);
      }),
      fuzzParams(400),
    );
    console.info(`PATCH fuzz: ${outcomes.applied} bodies applied, ${outcomes.rejected} rejected with a 4xx`);
    expect(outcomes.applied).toBeGreaterThan(40);
    expect(outcomes.rejected).toBeGreaterThan(40);
  });

  it('keeps PatchOp bodies of valid single operations within the same contract', () => {
    const single = fc.record({ op: fc.constantFrom('add', 'Replace', 'remove'), path: fc.constantFrom(...PATHS), value });
    fc.assert(
      fc.property(fc.constantFrom(...BASES), single, ([type, resource], operation) => {
        try {
          expect(normalizeResource(type, applyPatch(type, resource, { Operations: [operation] }))).toBeDefined();
        } catch (error) {
          expectClientError(error);
        }
        expectNoPollution();
      }),
      fuzzParams(300),
    );
  });
});

describe('PATCH bounds, at their edges', () => {
  const ops = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ op: 'Replace', path: 'title', value: `t${i}` }));

  it(`applies ${MAX_OPERATIONS} operations and rejects ${MAX_OPERATIONS + 1} with tooMany`, () => {
    expect(applyPatch('User', { userName: 'u' }, { Operations: ops(MAX_OPERATIONS) })['title']).toBe(`t${MAX_OPERATIONS - 1}`);
    const error = (() => {
      try {
        applyPatch('User', { userName: 'u' }, { Operations: ops(MAX_OPERATIONS + 1) });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expectClientError(error, 'tooMany');
  });

  it(`accepts a value array of ${BODY_LIMITS.maxArrayLength} and rejects one more, and rejects values nested past the depth cap`, () => {
    const members = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `u${i}` }));
    const group = (n: number) => applyPatch('Group', { displayName: 'G' }, { Operations: [{ op: 'add', path: 'members', value: members(n) }] });
    expect(group(BODY_LIMITS.maxArrayLength)['members']).toHaveLength(BODY_LIMITS.maxArrayLength);
    expect(() => group(BODY_LIMITS.maxArrayLength + 1)).toThrow(/at most 10000/);
    let nested: JsonValue = 'x';
    for (let i = 0; i < 100_000; i += 1) nested = { a: nested };
    expect(() => applyPatch('User', { userName: 'u' }, { Operations: [{ op: 'add', path: 'x-custom', value: nested }] })).toThrow(/deeper than/);
  });
});
