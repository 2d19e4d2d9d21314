/**
 * The directory's row writes (issue "Performance"): an update SETs only the columns that changed, so an unchanged
 * userName or externalId leaves its index alone, and what reads back is always the whole new row. An `AFTER UPDATE
 * OF column` trigger fires exactly when a statement SETs that column (sqlite.org/lang_createtrigger.html), so the
 * tests count the columns each update wrote.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryRepo, type GroupRow, type UserRow } from '../../../../electron/db/directory-repo.js';
import { openDatabase } from '../../../../electron/db/open.js';

type Db = ReturnType<typeof openDatabase>;

let db: Db;
let repo: ReturnType<typeof directoryRepo>;

const user = (over: Partial<UserRow> = {}): UserRow => ({
  id: 'u1',
  user_name: 'alice@contoso.com',
  external_id: 'ext-1',
  display_name: 'Alice',
  active: 1,
  resource: JSON.stringify({ userName: 'alice@contoso.com', externalId: 'ext-1', displayName: 'Alice', active: true }),
  version: 1,
  created: '2026-11-28T10:00:00.000Z',
  last_modified: '2026-11-28T10:00:00.000Z',
  ...over,
});

/** The indexed columns UPDATE statements have SET so far, in the order written. */
const written = (): string[] => db.prepare<[], { name: string }>('SELECT name FROM written ORDER BY rowid').all().map((r) => r.name);

beforeEach(() => {
  db = openDatabase(':memory:');
  repo = directoryRepo(db);
  db.exec('CREATE TEMP TABLE written (name TEXT NOT NULL)');
  for (const [table, column] of [['users', 'user_name'], ['users', 'external_id'], ['users', 'display_name'], ['users', 'active'], ['groups', 'display_name'], ['groups', 'external_id']]) {
    db.exec(`CREATE TEMP TRIGGER w_${table}_${column} AFTER UPDATE OF ${column} ON main.${table} BEGIN INSERT INTO written VALUES ('${table}.${column}'); END`);
  }
});

afterEach(() => db.close());

describe('directory row updates', () => {
  it('writes only the changed columns of a user and reads back the whole new row', () => {
    const current = user();
    repo.users.insert(current);
    const next = user({ display_name: 'Alice Smith', resource: '{"displayName":"Alice Smith"}', version: 2, last_modified: '2026-11-28T11:00:00.000Z' });
    repo.users.update(next, current);
    expect(repo.users.get('u1')).toEqual(next);
    expect(written()).toEqual(['users.display_name']);
  });

  it('writes userName when it changed, and a taken userName still fails the unique index', () => {
    const current = user();
    repo.users.insert(current);
    repo.users.insert(user({ id: 'u2', user_name: 'bob@contoso.com', external_id: 'ext-2' }));
    const renamed = user({ user_name: 'Alice.Smith@contoso.com', version: 2 });
    repo.users.update(renamed, current);
    expect(repo.users.get('u1')?.user_name).toBe('Alice.Smith@contoso.com');
    expect(written()).toEqual(['users.user_name']);
    // userName is unique case-insensitively (RFC 7643 §4.1 caseExact false; migration 0001).
    expect(() => repo.users.update(user({ user_name: 'BOB@contoso.com', version: 3 }), renamed)).toThrow(/UNIQUE/);
    expect(repo.users.get('u1')).toEqual(renamed);
  });

  it('writes nothing for a row equal to the stored one', () => {
    const current = user();
    repo.users.insert(current);
    const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    const before = changes.get()!.n;
    repo.users.update({ ...current }, current);
    expect(changes.get()!.n).toBe(before);
    expect(written()).toEqual([]);
  });

  it('refuses a row that does not replace the one given as current', () => {
    const current = user();
    repo.users.insert(current);
    expect(() => repo.users.update(user({ id: 'u2' }), current)).toThrow(/does not replace/);
    expect(repo.users.get('u1')).toEqual(current);
  });

  it('writes only the changed columns of a group', () => {
    const current: GroupRow = {
      id: 'g1', display_name: 'Sales', external_id: 'gx', resource: '{"displayName":"Sales"}', version: 1, created: 'c', last_modified: 'c',
    };
    repo.groups.insert(current);
    const next: GroupRow = { ...current, external_id: 'gy', resource: '{"displayName":"Sales","externalId":"gy"}', version: 2, last_modified: 'm' };
    repo.groups.update(next, current);
    expect(repo.groups.get('g1')).toEqual(next);
    expect(written()).toEqual(['groups.external_id']);
  });
});
