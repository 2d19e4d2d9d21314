import { describe, expect, it } from 'vitest';
import { ScimError } from '../../../../../electron/scim/errors.js';
import type { FilterNode } from '../../../../../electron/scim/filter/ast.js';
import { parseFilter } from '../../../../../electron/scim/filter/parse.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const eq = (path: string, value: string | number | boolean | null): FilterNode => ({ kind: 'compare', path, op: 'eq', value });

/** Returns the ScimError thrown by parsing `input`, failing the test if it does not throw one. */
function parseError(input: string): ScimError {
  try {
    parseFilter(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    const scim = error as ScimError;
    expect(scim.status).toBe(400);
    expect(scim.scimType).toBe('invalidFilter');
    return scim;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('parseFilter: what Entra sends (entra-behavior.md §2, §14)', () => {
  it('parses quoted and unquoted match queries', () => {
    expect(parseFilter('userName eq "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee"')).toEqual(
      eq('userName', 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee'),
    );
    expect(parseFilter('externalId eq jyoung')).toEqual(eq('externalId', 'jyoung'));
    expect(parseFilter('id eq 5a7b0c2e-1f3d-4e5a-9b8c-7d6e5f4a3b2c')).toEqual(eq('id', '5a7b0c2e-1f3d-4e5a-9b8c-7d6e5f4a3b2c'));
    expect(parseFilter('userName eq alice@contoso.com')).toEqual(eq('userName', 'alice@contoso.com'));
    expect(parseFilter('displayName eq "Sales Team"')).toEqual(eq('displayName', 'Sales Team'));
  });

  it('parses the legacy manager query as an and of two comparisons', () => {
    expect(parseFilter('id eq u1 and manager eq u2')).toEqual({ kind: 'and', left: eq('id', 'u1'), right: eq('manager', 'u2') });
  });

  it('binds emails[type eq "work"].value eq "x" to one element', () => {
    expect(parseFilter('emails[type eq "work"].value eq "x@contoso.com"')).toEqual({
      kind: 'valuePath',
      path: 'emails',
      filter: { kind: 'and', left: eq('type', 'work'), right: eq('value', 'x@contoso.com') },
    });
    expect(parseFilter('emails[type eq "work"].value eq x and userName eq y')).toEqual({
      kind: 'and',
      left: { kind: 'valuePath', path: 'emails', filter: { kind: 'and', left: eq('type', 'work'), right: eq('value', 'x') } },
      right: eq('userName', 'y'),
    });
    expect(parseFilter('emails[type eq "work"].value pr')).toEqual({
      kind: 'valuePath',
      path: 'emails',
      filter: { kind: 'and', left: eq('type', 'work'), right: { kind: 'present', path: 'value' } },
    });
  });
});

describe('parseFilter: grammar (RFC 7644 §3.4.2.2)', () => {
  it('accepts every comparison operator case-insensitively', () => {
    for (const op of ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const) {
      expect(parseFilter(`title ${op.toUpperCase()} "x"`)).toEqual({ kind: 'compare', path: 'title', op, value: 'x' });
    }
    expect(parseFilter('title PR')).toEqual({ kind: 'present', path: 'title' });
  });

  it('gives and precedence over or, left-associatively', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toEqual({
      kind: 'or',
      left: eq('a', 1),
      right: { kind: 'and', left: eq('b', 2), right: eq('c', 3) },
    });
    expect(parseFilter('a eq 1 AND b eq 2 OR c eq 3')).toEqual({
      kind: 'or',
      left: { kind: 'and', left: eq('a', 1), right: eq('b', 2) },
      right: eq('c', 3),
    });
    expect(parseFilter('a eq 1 or b eq 2 or c eq 3')).toEqual({
      kind: 'or',
      left: { kind: 'or', left: eq('a', 1), right: eq('b', 2) },
      right: eq('c', 3),
    });
  });

  it('groups with parentheses and negates with not', () => {
    expect(parseFilter('(a eq 1 or b eq 2) and c eq 3')).toEqual({
      kind: 'and',
      left: { kind: 'or', left: eq('a', 1), right: eq('b', 2) },
      right: eq('c', 3),
    });
    expect(parseFilter('not (a eq 1) and NOT(b pr)')).toEqual({
      kind: 'and',
      left: { kind: 'not', filter: eq('a', 1) },
      right: { kind: 'not', filter: { kind: 'present', path: 'b' } },
    });
  });

  it('parses value paths with logical filters inside', () => {
    expect(parseFilter('emails[type eq "work" and not (primary eq false)]')).toEqual({
      kind: 'valuePath',
      path: 'emails',
      filter: { kind: 'and', left: eq('type', 'work'), right: { kind: 'not', filter: eq('primary', false) } },
    });
    expect(parseFilter('members[value eq 7f4bc1a3-0000-4000-8000-000000000001]')).toEqual({
      kind: 'valuePath',
      path: 'members',
      filter: eq('value', '7f4bc1a3-0000-4000-8000-000000000001'),
    });
  });

  it('parses URN-qualified, dotted and $ref paths', () => {
    expect(parseFilter(`${ENTERPRISE}:manager.value eq "u2"`)).toEqual(eq(`${ENTERPRISE}:manager.value`, 'u2'));
    expect(parseFilter(`${ENTERPRISE}:department eq Sales`)).toEqual(eq(`${ENTERPRISE}:department`, 'Sales'));
    const custom = 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:CustomAttribute';
    expect(parseFilter(`${custom} eq "x"`)).toEqual(eq(custom, 'x'));
    expect(parseFilter('name.givenName sw "Al"')).toEqual({ kind: 'compare', path: 'name.givenName', op: 'sw', value: 'Al' });
    expect(parseFilter('members.$ref pr')).toEqual({ kind: 'present', path: 'members.$ref' });
    expect(parseFilter('meta.lastModified gt "2024-01-01T00:00:00Z"')).toEqual({
      kind: 'compare',
      path: 'meta.lastModified',
      op: 'gt',
      value: '2024-01-01T00:00:00Z',
    });
  });

  it('parses JSON strings with escapes and literal values', () => {
    expect(parseFilter('title eq "a\\"b"')).toEqual(eq('title', 'a"b'));
    expect(parseFilter('title eq "Ren\\u00e9 \\\\ \\/"')).toEqual(eq('title', 'René \\ /'));
    expect(parseFilter('title eq "a ) and ] or ("')).toEqual(eq('title', 'a ) and ] or ('));
    expect(parseFilter('active eq TRUE')).toEqual(eq('active', true));
    expect(parseFilter('active eq False')).toEqual(eq('active', false));
    expect(parseFilter('title eq null')).toEqual(eq('title', null));
    expect(parseFilter('x eq -12.5e2')).toEqual(eq('x', -1250));
    expect(parseFilter('employeeNumber eq 00042')).toEqual(eq('employeeNumber', '00042'));
  });

  it('tolerates extra whitespace', () => {
    expect(parseFilter('  (  userName   eq\t"a" )  ')).toEqual(eq('userName', 'a'));
  });
});

describe('parseFilter: errors are 400 invalidFilter with a position', () => {
  it.each([
    ['userName eq "abc', /Unterminated string starting at position 13/],
    ['userName eq "a\\q"', /Invalid string.*position 13/],
    ['userName eq', /Expected a value.*position 12.*end of the filter/],
    ['userName eq )', /Expected a value.*position 13/],
    ['userName xx "a"', /Expected an operator.*position 10.*"xx"/],
    ['userName', /Expected an operator.*end of the filter/],
    ['userName eq "a" garbage', /Expected "and", "or" or the end of the filter at position 17.*"garbage"/],
    ['userName eq "a" and', /Expected an attribute path.*position 20/],
    ['emails[type eq "work"', /Expected "\]" to close the value filter opened at position 7/],
    ['(userName eq "a"', /Expected "\)"/],
    ['userName eq "a")', /position 16/],
    ['not userName eq "a"', /Expected "\(" after "not"/],
    ['', /Expected an attribute path at position 1/],
    ['1abc eq "x"', /Invalid attribute path "1abc"/],
    ['user*name eq "x"', /Invalid attribute path/],
    ['name.givenName.x eq "x"', /Invalid attribute path/],
    ['emails[type[value eq "a"] eq "x"]', /cannot be nested/],
    ['name.givenName[value eq "a"]', /must follow an attribute/],
    ['emails[type eq "work"].1x eq "a"', /Expected a sub-attribute name/],
  ])('rejects %j', (input, detail) => {
    expect(parseError(input).message).toMatch(detail);
  });

  it('rejects filters longer than 4096 characters', () => {
    expect(parseError(`userName eq "${'a'.repeat(4100)}"`).message).toMatch(/4096/);
    expect(() => parseFilter(`title eq "${'a'.repeat(4080)}"`)).not.toThrow();
  });

  it('rejects deep nesting quickly instead of overflowing the stack', () => {
    const started = Date.now();
    expect(parseError(`${'('.repeat(10_000)}a eq 1${')'.repeat(10_000)}`.slice(0, 4096)).message).toMatch(/deeper than 32/);
    expect(parseError(`${'not ('.repeat(33)}a eq 1${')'.repeat(33)}`).message).toMatch(/deeper than 32/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(parseFilter(`${'('.repeat(32)}a eq 1${')'.repeat(32)}`)).toEqual(eq('a', 1));
  });

  it('rejects 10,000 nested parentheses as too long or too deep, never a RangeError', () => {
    const error = parseError(`${'('.repeat(10_000)}a eq 1${')'.repeat(10_000)}`);
    expect(error.message).toMatch(/4096/);
  });

  it('rejects more than 100 comparisons', () => {
    const ok = Array.from({ length: 100 }, (_, i) => `a eq ${i}`).join(' or ');
    expect(() => parseFilter(ok)).not.toThrow();
    expect(parseError(`${ok} or a pr`).message).toMatch(/more than 100 comparisons/);
  });
});
