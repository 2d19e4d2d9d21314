import { describe, expect, it } from 'vitest';

import {
  coerceBoolean,
  coerceNumber,
  coerceSimple,
  coerceString,
  requireObject,
} from '../../../../../electron/scim/resource/coerce.js';
import { COMMON_ATTRIBUTES, USER_SCHEMA } from '../../../../../electron/scim/schema/attributes.js';
import type { AttributeDef } from '../../../../../electron/scim/schema/attributes.js';
import { scimError } from './scim-error.js';

function userDef(name: string): AttributeDef {
  const def = [...USER_SCHEMA.attributes, ...COMMON_ATTRIBUTES].find((d) => d.name === name);
  if (def === undefined) throw new Error(name);
  return def;
}

describe('coerceBoolean (entra-behavior.md §3.2 rule 2)', () => {
  it('keeps real booleans', () => {
    expect(coerceBoolean(true, 'active')).toBe(true);
    expect(coerceBoolean(false, 'active')).toBe(false);
  });

  it.each([
    ['True', true],
    ['False', false],
    ['true', true],
    ['FALSE', false],
    ['tRuE', true],
  ])('accepts the string %j in any case', (input, expected) => {
    expect(coerceBoolean(input, 'active')).toBe(expected);
  });

  it.each([['yes'], [' True'], [''], [1], [0], [null], [{}], [['True']]])('rejects %j with invalidValue naming the attribute', (input) => {
    const error = scimError(() => coerceBoolean(input, 'emails[0].primary'));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidValue');
    expect(error.message).toContain("'emails[0].primary'");
  });
});

describe('coerceString', () => {
  it('keeps strings exactly as sent: no trimming, no case change (§2.1)', () => {
    expect(coerceString('  Mixed Case  ', 'title')).toBe('  Mixed Case  ');
    expect(coerceString('', 'title')).toBe('');
  });

  it.each([[42], [true], [{ a: 1 }], [['x']], [null]])('rejects %j instead of stringifying it', (input) => {
    const error = scimError(() => coerceString(input, 'title'));
    expect(error.scimType).toBe('invalidValue');
    expect(error.message).toContain("'title'");
  });
});

describe('coerceNumber', () => {
  it('accepts decimals and integers', () => {
    expect(coerceNumber(1.5, 'x', false)).toBe(1.5);
    expect(coerceNumber(3, 'x', true)).toBe(3);
  });

  it('rejects fractions for integers and strings for numbers', () => {
    expect(scimError(() => coerceNumber(1.5, 'x', true)).scimType).toBe('invalidValue');
    expect(scimError(() => coerceNumber('3', 'x', false)).scimType).toBe('invalidValue');
  });
});

describe('requireObject', () => {
  it('accepts objects and rejects arrays and primitives', () => {
    expect(requireObject({ a: 1 }, 'name')).toEqual({ a: 1 });
    expect(scimError(() => requireObject([], 'name')).scimType).toBe('invalidValue');
    expect(scimError(() => requireObject('x', 'name')).scimType).toBe('invalidValue');
  });
});

describe('coerceSimple', () => {
  it('dispatches on the attribute type', () => {
    expect(coerceSimple(userDef('active'), 'False', 'active')).toBe(false);
    expect(coerceSimple(userDef('userName'), 'Bob', 'userName')).toBe('Bob');
    expect(coerceSimple(userDef('profileUrl'), 'https://x', 'profileUrl')).toBe('https://x');
    expect(coerceSimple(userDef('name'), { givenName: 'B' }, 'name')).toEqual({ givenName: 'B' });
  });

  it('rejects a wrong JSON type for the definition', () => {
    expect(scimError(() => coerceSimple(userDef('userName'), 5, 'userName')).message).toContain("'userName'");
    expect(scimError(() => coerceSimple(userDef('active'), 'maybe', 'active')).scimType).toBe('invalidValue');
  });
});
