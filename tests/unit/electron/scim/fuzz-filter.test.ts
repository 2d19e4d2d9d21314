/**
 * Fuzzing the SCIM filter (issue 11, "Fuzzing"): for random, grammar-built and mutated filter strings, parseFilter
 * either returns an AST that filterToSql compiles and SQLite runs (through the real directory queries, on an
 * in-memory database with every migration applied), or throws a 400 invalidFilter ScimError. Nothing else: no other
 * error type, no SQLite error, no hang. The bounds (length, depth, comparisons) are proven exactly at their edges.
 */

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryRepo, type DirectoryRepo } from '../../../../electron/db/directory-repo.js';
import { openDatabase, type Db } from '../../../../electron/db/open.js';
import { MAX_FILTER_COMPARISONS, MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, matchesFilter, parseFilter, filterToSql, type FilterNode } from '../../../../electron/scim/filter/index.js';
import { SCHEMA_ENTERPRISE_USER, SCHEMA_USER, type ScimResourceType } from '../../../../shared/scim/constants.js';
import { expectClientError, fuzzParams, mutated } from '../../../support/fuzz.js';

const CUSTOM = 'urn:ietf:params:scim:schemas:extension:Custom:2.0:User';

let db: Db;
let directory: DirectoryRepo;

beforeAll(() => {
  db = openDatabase(':memory:');
  directory = directoryRepo(db);
  const at = '2025-01-01T00:00:00.000Z';
  // Well-formed and odd stored shapes: the SQL must run over both (json_each on strings, numbers, nested arrays).
  const resources: Record<string, unknown>[] = [
    {
      userName: 'alice@contoso.com', displayName: 'Alice', active: true, title: 'Engineer', name: { givenName: 'Alice', familyName: 'Smith' },
      emails: [{ type: 'work', value: 'alice@contoso.com', primary: true }, { type: 'home', value: 'a@home.example' }],
      phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }], roles: [],
      [SCHEMA_ENTERPRISE_USER]: { department: 'Eng', employeeNumber: '00042', manager: { value: 'u2' } },
      [CUSTOM]: { CustomAttribute: ['a', 1, null, { value: 'x' }] },
    },
    { userName: 'bob', active: false, emails: ['bob@contoso.com', 42, null, [1, 2]], name: 'not an object', [SCHEMA_ENTERPRISE_USER]: { manager: 'u1' } },
    { userName: '%_\\weird"\u0000\u{1F600}', nickName: 7, addresses: { postalCode: 1 }, 'x-custom': [[{ value: 'deep' }]], meta: 'string' },
  ];
  resources.forEach((resource, i) => {
    directory.users.insert({
      id: `u${i + 1}`, user_name: String(resource.userName), external_id: i === 0 ? 'ext-1' : null, display_name: i === 0 ? 'Alice' : null,
      active: resource.active === false ? 0 : 1, resource: JSON.stringify(resource), version: 1, created: at, last_modified: at,
    });
  });
  directory.groups.insert({ id: 'g1', display_name: 'Engineering', external_id: 'gx', resource: JSON.stringify({ displayName: 'Engineering', members: 'bogus' }), version: 1, created: at, last_modified: at });
  directory.setMembers('g1', ['u1', 'u2'], [], at);
});

afterAll(() => db.close());

/** What the listener does with a filter: parse, compile, run the list statements; or a 400 invalidFilter. */
function runFilter(input: string): 'rejected' | 'ran' {
  let ast: FilterNode;
  try {
    ast = parseFilter(input);
  } catch (error) {
    expectClientError(error, 'invalidFilter');
    return 'rejected';
  }
  for (const type of ['User', 'Group'] as const satisfies readonly ScimResourceType[]) {
    let query;
    try {
      query = filterToSql(ast, type);
    } catch (error) {
      expectClientError(error, 'invalidFilter');
      continue;
    }
    const table = type === 'User' ? directory.users : directory.groups;
    // The first page (window count), a later page and the count: the three statements directory-repo prepares.
    table.list(query, 0, 5);
    table.list(query, 1, 5);
  }
  // PATCH paths evaluate value filters in memory (evaluate.ts): same contract.
  try {
    matchesFilter({ type: 'work', value: 'x', primary: true, display: 3 }, ast);
  } catch (error) {
    expectClientError(error, 'invalidFilter');
  }
  return 'ran';
}

// --- generators --------------------------------------------------------------------------------------------------

const ATTRIBUTES = [
  'userName', 'USERNAME', 'id', 'externalId', 'displayName', 'active', 'title', 'nickName', 'name', 'name.givenName', 'name.x',
  'emails', 'emails.value', 'emails.type', 'emails.primary', 'phoneNumbers.value', 'addresses.postalCode', 'roles', 'members',
  'members.value', 'members.display', 'members.type', 'groups', 'groups.value', 'groups.display', 'meta.created', 'meta.lastModified',
  'meta.resourceType', 'meta.version', 'manager', 'manager.value', 'x-custom', 'x-custom.value', '$ref', 'password', 'constructor',
  'toString', 'a', `${SCHEMA_ENTERPRISE_USER}:manager`, `${SCHEMA_ENTERPRISE_USER}:manager.value`, `${SCHEMA_ENTERPRISE_USER}:employeeNumber`,
  `${SCHEMA_USER}:userName`, `${SCHEMA_USER}:emails.value`, `${CUSTOM}:CustomAttribute`, `${CUSTOM}:CustomAttribute.value`, 'urn:x:y',
];
const SUB_ATTRIBUTES = ['type', 'value', 'primary', 'display', '$ref', 'x', 'TYPE'];
const OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'EQ', 'Sw'];

const value: fc.Arbitrary<string> = fc.oneof(
  fc.string().map((s) => JSON.stringify(s)),
  fc.string({ unit: 'binary', maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"%"', '"_"', '"\\\\"', '"\\u0000"', '"\\ud800"', '""', '"%_\\\\weird"'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('true', 'false', 'null', 'True', 'FALSE', 'Null', '00042', '-0', '1e400', '1e-400'),
  fc.stringMatching(/^[A-Za-z0-9@._:-]{1,20}$/),
);

const attrExp = (attributes: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...attributes), fc.constantFrom(...OPERATORS), value).map(([a, op, v]) => `${a} ${op} ${v}`),
    fc.constantFrom(...attributes).map((a) => `${a} pr`),
  );

/** Filters from the RFC 7644 §3.4.2.2 grammar, with Entra's value-path-plus-sub-attribute form. */
const { filter: grammarFilter } = fc.letrec<{ filter: string; inner: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    attrExp(ATTRIBUTES),
    fc.tuple(tie('filter'), fc.constantFrom('and', 'or', 'AND', 'Or'), tie('filter')).map(([l, k, r]) => `${l} ${k} ${r}`),
    tie('filter').map((f) => `(${f})`),
    tie('filter').map((f) => `not (${f})`),
    fc.tuple(fc.constantFrom('emails', 'members', 'groups', 'addresses', 'x-custom', 'name', 'userName', `${CUSTOM}:CustomAttribute`), tie('inner'))
      .map(([a, f]) => `${a}[${f}]`),
    fc.tuple(fc.constantFrom('emails', 'members', 'phoneNumbers'), tie('inner'), fc.constantFrom(...SUB_ATTRIBUTES), fc.constantFrom(...OPERATORS), value)
      .map(([a, f, sub, op, v]) => `${a}[${f}].${sub} ${op} ${v}`),
  ),
  inner: fc.oneof(
    { depthSize: 'small' },
    attrExp(SUB_ATTRIBUTES),
    fc.tuple(tie('inner'), fc.constantFrom('and', 'or'), tie('inner')).map(([l, k, r]) => `${l} ${k} ${r}`),
    tie('inner').map((f) => `not (${f})`),
  ),
}));

const SYNTAX = ['(', ')', '[', ']', '"', '\\', ' ', '.', ':', 'and', 'or', 'not', 'pr', 'eq', '\t', '\u00a0', '\u2028', '$', 'urn:', '[type eq "x"]'];

const inputs: fc.Arbitrary<string> = fc.oneof(
  grammarFilter,
  mutated(grammarFilter, SYNTAX),
  fc.string({ unit: fc.constantFrom(...SYNTAX, ...ATTRIBUTES, ...OPERATORS, '"x"', '1'), maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 200 }),
);

describe('filter fuzzing: parse → compile → SQLite, or 400 invalidFilter', () => {
  it('handles grammar-built, mutated and random filters', () => {
    const outcomes = { rejected: 0, ran: 0 };
    fc.assert(
      fc.property(inputs, (input) => {
        outcomes[runFilter(input)] += 1;
      }),
      fuzzParams(500),
    );
    // Both paths must be exercised, or the generator has gone blind.
    console.info(`filter fuzz: ${outcomes.ran} filters ran in SQLite, ${outcomes.rejected} were rejected as invalidFilter`);
    expect(outcomes.ran).toBeGreaterThan(50);
    expect(outcomes.rejected).toBeGreaterThan(50);
  });

  it('compiles and runs every grammar-built filter whose attributes exist (no SQLite error)', () => {
    fc.assert(fc.property(grammarFilter, (input) => void runFilter(input)), fuzzParams(300));
  });

  it('rejects huge and deeply nested inputs as invalidFilter, whatever their shape', () => {
    const huge = fc.tuple(fc.constantFrom('(', 'not (', 'emails[', '"', 'a eq 1 and ', 'x'), fc.integer({ min: 34, max: 50_000 })).map(([piece, n]) => piece.repeat(n));
    fc.assert(
      fc.property(huge, (input) => {
        expect(runFilter(input)).toBe('rejected');
      }),
      fuzzParams(200),
    );
  });
});

describe('filter bounds, at their edges', () => {
  const comparisons = (n: number): string => Array.from({ length: n }, (_, i) => `userName eq "u${i}"`).join(' or ');

  it(`accepts ${MAX_FILTER_LENGTH} characters and rejects one more`, () => {
    const exact = `userName eq "${'a'.repeat(MAX_FILTER_LENGTH - 'userName eq ""'.length)}"`;
    expect(exact).toHaveLength(MAX_FILTER_LENGTH);
    expect(runFilter(exact)).toBe('ran');
    expect(() => parseFilter(`${exact} `)).toThrow(/at most 4096/);
  });

  it(`accepts nesting ${MAX_FILTER_DEPTH} deep and rejects ${MAX_FILTER_DEPTH + 1}`, () => {
    const nest = (n: number, open: string): string => `${open.repeat(n)}userName eq "x"${')'.repeat(n)}`;
    for (const open of ['(', 'not (']) {
      expect(runFilter(nest(MAX_FILTER_DEPTH, open))).toBe('ran');
      expect(() => parseFilter(nest(MAX_FILTER_DEPTH + 1, open))).toThrow(/deeper than 32/);
    }
  });

  it(`accepts ${MAX_FILTER_COMPARISONS} comparisons and rejects ${MAX_FILTER_COMPARISONS + 1}`, () => {
    expect(runFilter(comparisons(MAX_FILTER_COMPARISONS))).toBe('ran');
    // Entra's `emails[type eq "work"].value eq "x"` counts two comparisons.
    const valuePaths = (n: number): string => Array.from({ length: n }, (_, i) => `emails[type eq "work"].value eq "u${i}"`).join(' or ');
    expect(runFilter(valuePaths(MAX_FILTER_COMPARISONS / 2))).toBe('ran');
    expect(() => parseFilter(valuePaths(MAX_FILTER_COMPARISONS / 2 + 1))).toThrow(/more than 100 comparisons/);
    expect(() => parseFilter(comparisons(MAX_FILTER_COMPARISONS + 1))).toThrow(/more than 100 comparisons/);
  });

  it('runs the worst allowed shapes: 50 membership subqueries of 2 comparisons, and 32 levels of not() over members', () => {
    const members = Array.from({ length: MAX_FILTER_COMPARISONS / 2 }, (_, i) => `members[value eq "u${i}" or display co "%"]`).join(' and ');
    expect(members.length).toBeLessThan(MAX_FILTER_LENGTH);
    expect(runFilter(members)).toBe('ran');
    expect(() => parseFilter(`${members} and members pr`)).toThrow(/more than 100 comparisons/);
    const nots = `${'not ('.repeat(MAX_FILTER_DEPTH)}members.display co "x"${')'.repeat(MAX_FILTER_DEPTH)}`;
    expect(runFilter(nots)).toBe('ran');
  });
});
