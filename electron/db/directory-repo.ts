/**
 * SQL for users, groups and memberships. Rows carry the stored resource as JSON plus the indexed columns.
 */

import type Database from 'better-sqlite3';
import type { Db } from './open.js';

export interface UserRow {
  readonly id: string;
  readonly user_name: string;
  readonly external_id: string | null;
  readonly display_name: string | null;
  readonly active: number;
  readonly resource: string;
  readonly version: number;
  readonly created: string;
  readonly last_modified: string;
}

export interface GroupRow {
  readonly id: string;
  readonly display_name: string;
  readonly external_id: string | null;
  readonly resource: string;
  readonly version: number;
  readonly created: string;
  readonly last_modified: string;
}

export interface MemberRow {
  readonly group_id: string;
  readonly member_id: string;
  readonly display: string | null;
}

export type ListQuery = { readonly where: string; readonly params: readonly (string | number | null)[] };

export interface Page<Row> {
  readonly total: number;
  readonly rows: Row[];
}

/** Typed statements for one table, prepared once. */
export interface TableRepo<Row> {
  insert(row: Row): void;
  /** Writes the columns in which `row` differs from `current`, the stored row it replaces. */
  update(row: Row, current: Row): void;
  get(id: string): Row | undefined;
  /** The userName or displayName alone: naming a request's identity need not read and copy the whole resource. */
  nameOf(id: string): string | undefined;
  delete(id: string): boolean;
  /** One page of rows matching a compiled filter, in insertion order, and the total count. */
  list(query: ListQuery, offset: number, limit: number): Page<Row>;
}

function tableRepo<Row extends { id: string }>(db: Db, table: 'users' | 'groups', columns: readonly (keyof Row & string)[], name: keyof Row & string): TableRepo<Row> {
  // Positional parameters: binding named ones from an object costs more per write (as for the log row).
  const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const insertValues = (row: Row): unknown[] => columns.map((column) => row[column]);
  // An UPDATE rewrites the entry of every index on a column it SETs, even to the same value: setting only what
  // changed halves the cost of a typical PATCH (Entra's displayName or active change leaves userName and
  // externalId, and their unique and matching indexes, alone). One statement per set of changed columns, prepared
  // when first needed; there are at most 2^7 of them.
  const mutable = columns.filter((c) => c !== 'id' && c !== 'created');
  const updates = new Map<string, Database.Statement>();
  const updateOf = (changed: readonly (keyof Row & string)[]): Database.Statement => {
    const key = changed.join(',');
    let statement = updates.get(key);
    if (!statement) {
      statement = db.prepare(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
      updates.set(key, statement);
    }
    return statement;
  };
  const get = db.prepare<[string], Row>(`SELECT * FROM ${table} WHERE id = ?`);
  const del = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  const nameOf = db.prepare<[string], string>(`SELECT ${name} FROM ${table} WHERE id = ?`).pluck();
  // Filters compile to a few shapes only; cache their statements instead of re-preparing per request. A first page
  // that is not full holds every match, so its length is the total: Entra's matches (zero or one user) need no count.
  const cache = new Map<string, { count: Database.Statement; page: Database.Statement; first: Database.Statement }>();
  const statementsFor = (where: string) => {
    let entry = cache.get(where);
    if (!entry) {
      entry = {
        count: db.prepare(`SELECT count(*) AS n FROM ${table} AS r WHERE ${where}`),
        page: db.prepare(`SELECT r.* FROM ${table} AS r WHERE ${where} ORDER BY r.rowid LIMIT ? OFFSET ?`),
        first: db.prepare(`SELECT r.* FROM ${table} AS r WHERE ${where} ORDER BY r.rowid LIMIT ?`),
      };
      if (cache.size > 500) cache.clear();
      cache.set(where, entry);
    }
    return entry;
  };
  return {
    insert: (row) => void insert.run(insertValues(row)),
    update(row, current) {
      if (row.id !== current.id) throw new Error(`update: row ${row.id} does not replace ${current.id}`);
      const changed = mutable.filter((column) => row[column] !== current[column]);
      if (changed.length > 0) updateOf(changed).run(...changed.map((column) => row[column]), row.id);
    },
    get: (id) => get.get(id),
    nameOf: (id) => nameOf.get(id),
    delete: (id) => del.run(id).changes > 0,
    list(query, offset, limit) {
      const statements = statementsFor(query.where);
      if (offset === 0 && limit > 0) {
        const rows = statements.first.all(...query.params, limit) as Row[];
        const total = rows.length < limit ? rows.length : (statements.count.get(...query.params) as { n: number }).n;
        return { total, rows };
      }
      const total = (statements.count.get(...query.params) as { n: number }).n;
      const rows = limit > 0 && offset < total ? (statements.page.all(...query.params, limit, offset) as Row[]) : [];
      return { total, rows };
    },
  };
}

export interface DirectoryRepo {
  readonly users: TableRepo<UserRow>;
  readonly groups: TableRepo<GroupRow>;
  /** The members of a group with a display name (the user's displayName, else userName). */
  members(groupId: string): MemberRow[];
  /** The groups a user belongs to, for the read-only `groups` attribute. */
  groupsOf(userId: string): { id: string; display_name: string }[];
  /** Adds and removes memberships; unknown user ids are reported, not inserted. */
  setMembers(groupId: string, add: readonly string[], remove: readonly string[], when: string): void;
  existingUserIds(ids: readonly string[]): Set<string>;
}


export function directoryRepo(db: Db): DirectoryRepo {
  const users = tableRepo<UserRow>(db, 'users', ['id', 'user_name', 'external_id', 'display_name', 'active', 'resource', 'version', 'created', 'last_modified'], 'user_name');
  const groups = tableRepo<GroupRow>(db, 'groups', ['id', 'display_name', 'external_id', 'resource', 'version', 'created', 'last_modified'], 'display_name');
  const members = db.prepare<[string], MemberRow>(
    `SELECT gm.group_id, gm.member_id, coalesce(u.display_name, u.user_name) AS display
     FROM group_members gm JOIN users u ON u.id = gm.member_id WHERE gm.group_id = ? ORDER BY gm.added, gm.member_id`,
  );
  const groupsOf = db.prepare<[string], { id: string; display_name: string }>(
    `SELECT g.id, g.display_name FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE gm.member_id = ? ORDER BY g.display_name`,
  );
  const addMember = db.prepare('INSERT OR IGNORE INTO group_members (group_id, member_id, added) VALUES (?, ?, ?)');
  const removeMember = db.prepare('DELETE FROM group_members WHERE group_id = ? AND member_id = ?');
  const userExists = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ?');
  return {
    users,
    groups,
    members: (groupId) => members.all(groupId),
    groupsOf: (userId) => groupsOf.all(userId),
    setMembers(groupId, add, remove, when) {
      for (const id of remove) removeMember.run(groupId, id);
      for (const id of add) addMember.run(groupId, id, when);
    },
    existingUserIds(ids) {
      const found = new Set<string>();
      for (const id of ids) if (userExists.get(id)) found.add(id);
      return found;
    },
  };
}
