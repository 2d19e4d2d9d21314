import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../../electron/db/migrations/0001-directory.js';
import { ScimError } from '../../../../../electron/scim/errors.js';
import { parseFilter } from '../../../../../electron/scim/filter/parse.js';
import { filterToSql } from '../../../../../electron/scim/filter/to-sql.js';
import type { JsonObject } from '../../../../../electron/scim/resource/types.js';
import type { ScimResourceType } from '../../../../../shared/scim/constants.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CUSTOM = 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User';

interface UserSeed {
  id: string;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  created: string;
  resource: JsonObject;
}

const USERS: UserSeed[] = [
  {
    id: 'u1', userName: 'Alice@Contoso.com', externalId: 'ext-alice', displayName: 'Alice Smith', active: true, created: '2024-01-01T00:00:00.000Z',
    resource: {
      userName: 'Alice@Contoso.com', displayName: 'Alice Smith', active: true, nickName: '100 done', title: 'Engineer',
      name: { givenName: 'Alice', familyName: 'Smith', formatted: 'Alice Smith' },
      emails: [{ type: 'work', value: 'alice@contoso.com', primary: true }, { type: 'home', value: 'alice@home.example', primary: false }],
      phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
      [ENT]: { department: 'Engineering', employeeNumber: '00042', manager: { value: 'u2' } },
    },
  },
  {
    id: 'u2', userName: 'bob@contoso.com', externalId: 'jyoung', displayName: 'Bob Young', active: false, created: '2024-02-01T00:00:00.000Z',
    resource: {
      userName: 'bob@contoso.com', displayName: 'Bob Young', active: false, nickName: 'Bobby', title: '',
      emails: [{ type: 'work', value: 'bob@contoso.com' }, { type: 'home', value: 'shared@example.com' }],
      [ENT]: { department: 'Sales' },
    },
  },
  {
    id: 'u3', userName: 'carol@contoso.com', externalId: '5a7b0c2e-1f3d-4e5a-9b8c-7d6e5f4a3b2c', displayName: 'Carol', active: true,
    created: '2024-03-01T00:00:00.000Z',
    resource: {
      userName: 'carol@contoso.com', displayName: 'Carol', active: true, nickName: '100%_done', name: { givenName: 'Carol' },
      emails: [{ type: 'work', value: 'shared@example.com', primary: true }],
      [ENT]: { department: 'engineering', manager: { value: 'u2' } },
      [CUSTOM]: { CustomAttribute: 'blue' },
    },
  },
  {
    // Minimal user: no externalId or displayName, an empty roles array and a malformed (non-object) email element.
    id: 'u4', userName: 'DAVE@contoso.com', externalId: null, displayName: null, active: true, created: '2024-04-01T00:00:00.000Z',
    resource: { userName: 'DAVE@contoso.com', active: true, roles: [], emails: ['dave@contoso.com'] },
  },
];

const GROUPS = [
  { id: 'g1', displayName: 'Engineering', externalId: 'g-ext-1', members: ['u1', 'u3'] },
  { id: 'g2', displayName: 'Sales Team', externalId: 'g-ext-2', members: ['u2'] },
  { id: 'g3', displayName: 'Empty', externalId: null, members: [] },
];

let db: Database.Database;

beforeAll(() => {
  db = new Database(':memory:');
  db.exec(sql);
  const insertUser = db.prepare(
    `INSERT INTO users (id, user_name, external_id, display_name, active, resource, created, last_modified)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const u of USERS) {
    insertUser.run(u.id, u.userName, u.externalId, u.displayName, u.active ? 1 : 0, JSON.stringify(u.resource), u.created, u.created);
  }
  const insertGroup = db.prepare('INSERT INTO groups (id, display_name, external_id, resource, created, last_modified) VALUES (?, ?, ?, ?, ?, ?)');
  const insertMember = db.prepare('INSERT INTO group_members (group_id, member_id, added) VALUES (?, ?, ?)');
  for (const g of GROUPS) {
    const resource = { displayName: g.displayName, ...(g.externalId === null ? {} : { externalId: g.externalId }) };
    insertGroup.run(g.id, g.displayName, g.externalId, JSON.stringify(resource), '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
    for (const m of g.members) insertMember.run(g.id, m, '2024-01-01T00:00:00.000Z');
  }
});

afterAll(() => db.close());

const TABLE: Record<ScimResourceType, string> = { User: 'users', Group: 'groups' };

function ids(type: ScimResourceType, filter: string): string[] {
  const { where, params } = filterToSql(parseFilter(filter), type);
  return db.prepare(`SELECT r.id FROM ${TABLE[type]} AS r WHERE ${where} ORDER BY r.id`).pluck().all(...params) as string[];
}

function plan(type: ScimResourceType, filter: string): string {
  const { where, params } = filterToSql(parseFilter(filter), type);
  const rows = db.prepare(`EXPLAIN QUERY PLAN SELECT r.* FROM ${TABLE[type]} AS r WHERE ${where}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

function compileError(type: ScimResourceType, filter: string): ScimError {
  try {
    filterToSql(parseFilter(filter), type);
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(400);
    expect((error as ScimError).scimType).toBe('invalidFilter');
    return error as ScimError;
  }
  throw new Error(`expected ${filter} to be rejected`);
}

const cases = (type: ScimResourceType, table: readonly (readonly [string, readonly string[]])[]): void => {
  it.each(table)(`${type}: %s`, (filter, expected) => {
    expect(ids(type, filter)).toEqual(expected);
  });
};

describe('filterToSql: the queries Entra sends (entra-behavior.md §2.1, §2.2, §14.3)', () => {
  cases('User', [
    ['userName eq "alice@contoso.com"', ['u1']],
    ['userName eq "dave@CONTOSO.COM"', ['u4']],
    ['userName eq alice@contoso.com', ['u1']],
    ['externalId eq jyoung', ['u2']],
    ['externalId eq "JYOUNG"', []],
    ['externalId eq 5a7b0c2e-1f3d-4e5a-9b8c-7d6e5f4a3b2c', ['u3']],
    ['id eq "u3"', ['u3']],
    ['id eq "U3"', []],
    ['id eq 7f4bc1a3-0000-4000-8000-000000000001', []],
    ['id eq "u1" and manager eq "u2"', ['u1']],
    ['id eq u2 and manager eq u2', []],
    ['id eq u3 and manager eq u1', []],
    ['emails[type eq "work"].value eq "shared@example.com"', ['u3']],
    ['emails[type eq "home"].value eq "shared@example.com"', ['u2']],
    ['emails[type eq "work"].value eq "alice@home.example"', []],
  ]);
  cases('Group', [
    ['displayName eq "engineering"', ['g1']],
    ['displayName eq "Sales Team"', ['g2']],
    ['externalId eq g-ext-2', ['g2']],
    ['id eq g3', ['g3']],
  ]);

  it.each([
    ['User', 'userName eq "alice@contoso.com"'],
    ['User', 'externalId eq jyoung'],
    ['User', 'id eq "u1"'],
    ['User', 'id eq "u1" and manager eq "u2"'],
    ['Group', 'displayName eq "Engineering"'],
    ['Group', 'externalId eq "g-ext-1"'],
  ] as const)('%s: %s is an index lookup', (type, filter) => {
    const detail = plan(type, filter);
    expect(detail).toMatch(/SEARCH r USING (?:COVERING )?(?:INDEX|INTEGER PRIMARY KEY|PRIMARY KEY)/);
    expect(detail).not.toMatch(/SCAN r\b/);
  });
});

describe('filterToSql: operators', () => {
  cases('User', [
    ['displayName ne "Carol"', ['u1', 'u2']],
    ['displayName co "O"', ['u2', 'u3']],
    ['displayName sw "a"', ['u1']],
    ['displayName ew "YOUNG"', ['u2']],
    ['name.givenName sw "CA"', ['u3']],
    ['userName gt "c"', ['u3', 'u4']],
    ['meta.created gt "2024-02-01T00:00:00.000Z"', ['u3', 'u4']],
    ['meta.created ge "2024-02-01T00:00:00.000Z"', ['u2', 'u3', 'u4']],
    ['meta.lastModified lt "2024-02-01T00:00:00.000Z"', ['u1']],
    ['meta.created le "2024-02-01T00:00:00.000Z"', ['u1', 'u2']],
    ['nickName sw "100"', ['u1', 'u3']],
    ['nickName sw "100%"', ['u3']],
    ['nickName co "_"', ['u3']],
    ['nickName ew "%_DONE"', ['u3']],
    ['id sw "u"', ['u1', 'u2', 'u3', 'u4']],
    ['id co "3"', ['u3']],
    ['id ew "2"', ['u2']],
    ['id sw "U"', []],
    ['externalId ew "-ALICE"', []],
    ['externalId ew "-alice"', ['u1']],
    ['externalId co "young"', ['u2']],
    ['active eq true', ['u1', 'u3', 'u4']],
    ['active eq false', ['u2']],
    ['active eq "False"', ['u2']],
    ['active ne true', ['u2']],
    ['emails[primary eq true]', ['u1', 'u3']],
    ['emails.value eq "shared@example.com"', ['u2', 'u3']],
    ['emails eq "SHARED@example.com"', ['u2', 'u3']],
    ['emails[type eq "work" and value ew "@contoso.com"]', ['u1', 'u2']],
    ['phoneNumbers[type eq "mobile"].value co "555"', ['u1']],
    ['name[givenName eq "alice" and familyName eq "smith"]', ['u1']],
    ['meta.resourceType eq "User"', ['u1', 'u2', 'u3', 'u4']],
    [`${ENT}:employeeNumber eq 00042`, ['u1']],
    ['title eq null', ['u2', 'u3', 'u4']],
    ['title ne null', ['u1']],
  ]);

  it('passes values and JSON paths as parameters, never in the SQL text', () => {
    const { where, params } = filterToSql(parseFilter(`${CUSTOM}:CustomAttribute eq "x' OR 1=1 --"`), 'User');
    expect(where).toBe('json_extract(r.resource, ?) = ? COLLATE NOCASE');
    expect(params).toEqual([`$."${CUSTOM}"."CustomAttribute"`, "x' OR 1=1 --"]);
    expect(ids('User', 'displayName eq "x\' OR \'1\'=\'1"')).toEqual([]);
  });

  it('rejects what RFC 7644 §3.4.2.2 calls an invalid filter', () => {
    expect(compileError('User', 'active gt true').message).toMatch(/boolean/);
    expect(compileError('User', 'title lt false').message).toMatch(/boolean/);
    expect(compileError('User', 'emails[primary co "t"]').message).toMatch(/boolean/);
    expect(compileError('User', 'active eq "yes"').message).toMatch(/true or false/);
    expect(compileError('User', 'title co null').message).toMatch(/null/);
    expect(compileError('User', 'userName[value eq "x"]').message).toMatch(/not a multi-valued or complex/);
  });
});

describe('filterToSql: logic, presence and paths', () => {
  cases('User', [
    // and binds tighter than or: Bob OR (Carol AND active) — Bob is inactive but still matches.
    ['displayName eq "Bob Young" or displayName eq "Carol" and active eq true', ['u2', 'u3']],
    ['(displayName eq "Bob Young" or displayName eq "Carol") and active eq true', ['u3']],
    ['not (displayName eq "Carol")', ['u1', 'u2', 'u4']],
    ['not (title pr)', ['u2', 'u3', 'u4']],
    ['not (not (active eq false))', ['u2']],
    ['title pr', ['u1']],
    ['emails pr', ['u1', 'u2', 'u3', 'u4']],
    ['roles pr', []],
    ['name pr', ['u1', 'u3']],
    ['externalId pr', ['u1', 'u2', 'u3']],
    ['displayName pr', ['u1', 'u2', 'u3']],
    ['manager pr', ['u1', 'u3']],
    ['emails.primary pr', ['u1', 'u3']],
    ['emails[type eq "work"].value pr', ['u1', 'u2', 'u3']],
    [`${ENT}:department eq "engineering"`, ['u1', 'u3']],
    [`${ENT}:manager.value eq "u2"`, ['u1', 'u3']],
    [`${ENT}:manager eq u2`, ['u1', 'u3']],
    [`${ENT.toUpperCase()}:DEPARTMENT eq "sales"`, ['u2']],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0User:department eq Sales', ['u2']],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "bob@contoso.com"', ['u2']],
    [`${CUSTOM}:CustomAttribute eq "BLUE"`, ['u3']],
    ['urn:ietf:params:scim:schemas:extension:Other:2.0:User:CustomAttribute eq "blue"', []],
    ['nonexistent eq "x"', []],
    ['nonexistent ne "x"', []],
    ['nonexistent[value eq "x"]', []],
    ['not (nonexistent eq "x")', ['u1', 'u2', 'u3', 'u4']],
    ['groups.value eq g1', ['u1', 'u3']],
    ['groups[display eq "sales team"]', ['u2']],
    ['groups pr', ['u1', 'u2', 'u3']],
    ['not (groups pr)', ['u4']],
  ]);
  cases('Group', [
    ['members[value eq "u1"]', ['g1']],
    ['members.value eq "u2"', ['g2']],
    ['members eq u3', ['g1']],
    ['members[value eq "U1"]', []],
    ['members[type eq "User" and display sw "bob"]', ['g2']],
    ['members.display co "smith"', ['g1']],
    ['members[value eq u1] and members[value eq u3]', ['g1']],
    ['members[value eq u1 and value eq u3]', []],
    ['members pr', ['g1', 'g2']],
    ['not (members pr)', ['g3']],
    ['members.$ref pr', []],
    ['displayName sw "e"', ['g1', 'g3']],
    ['meta.resourceType eq "Group"', ['g1', 'g2', 'g3']],
    ['meta.resourceType eq "User"', []],
    ['userName eq "Engineering"', []],
  ]);

  it('uses a fresh alias for each nested EXISTS', () => {
    const { where } = filterToSql(parseFilter('emails[type eq work] and phoneNumbers[type eq mobile] or groups pr'), 'User');
    expect(where).toMatch(/AS e0 /);
    expect(where).toMatch(/AS e1 /);
    expect(where).toMatch(/group_members gm2 /);
  });

  it('looks up memberships through an index, not a scan of group_members', () => {
    expect(plan('Group', 'members[value eq "u1"]')).toMatch(/SEARCH gm0 USING (?:COVERING INDEX|PRIMARY KEY).*member_id=\?.*group_id=\?|group_id=\?.*member_id=\?/);
    expect(plan('User', 'groups.value eq g1')).toMatch(/SEARCH gm0 USING/);
  });
});
