/**
 * directory.users, directory.groups and directory.identity: the Directory screen (design/screens.md Screen 6).
 *
 * Lists page in name order through the NOCASE name indexes (migration 0001); `search` is a case-insensitive prefix
 * of userName or displayName, expressed as index ranges so it never scans the table. Member and group counts are
 * index lookups in group_members (its primary key and group_members_member).
 */

import type { DirectoryGroup, DirectoryUser } from '../../shared/api/admin-types.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';
import { identityTimeline } from './identity-timeline.js';
import { identityRange } from './log-query.js';

const DEFAULT_LIMIT = 100;

interface UserListRow {
  readonly id: string;
  readonly user_name: string;
  readonly display_name: string | null;
  readonly active: number;
  readonly external_id: string | null;
  readonly last_modified: string;
  readonly groups: number;
}

interface GroupListRow {
  readonly id: string;
  readonly display_name: string;
  readonly external_id: string | null;
  readonly last_modified: string;
  readonly members: number;
}

export function directoryHandlers(deps: ApiDeps): NamespaceHandlers<'directory'> {
  const { db } = deps.store;
  // The columns are declared NOCASE, so these ranges compare case-insensitively and use users_user_name,
  // users_display_name and groups_display_name (an OR of two ranges becomes two index searches).
  const userSearch = '(u.user_name >= @low AND u.user_name < @high) OR (u.display_name >= @low AND u.display_name < @high)';
  const userColumns = `u.id, u.user_name, u.display_name, u.active, u.external_id, u.last_modified,
    (SELECT count(*) FROM group_members gm WHERE gm.member_id = u.id) AS groups`;
  const users = {
    all: db.prepare<{ limit: number; offset: number }, UserListRow>(`SELECT ${userColumns} FROM users u ORDER BY u.user_name LIMIT @limit OFFSET @offset`),
    allCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users'),
    search: db.prepare<{ low: string; high: string; limit: number; offset: number }, UserListRow>(
      `SELECT ${userColumns} FROM users u WHERE ${userSearch} ORDER BY u.user_name LIMIT @limit OFFSET @offset`,
    ),
    searchCount: db.prepare<{ low: string; high: string }, { n: number }>(`SELECT count(*) AS n FROM users u WHERE ${userSearch}`),
  };
  const groupColumns = `g.id, g.display_name, g.external_id, g.last_modified,
    (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id) AS members`;
  const groupSearch = 'g.display_name >= @low AND g.display_name < @high';
  const groups = {
    all: db.prepare<{ limit: number; offset: number }, GroupListRow>(`SELECT ${groupColumns} FROM groups g ORDER BY g.display_name LIMIT @limit OFFSET @offset`),
    allCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM groups'),
    search: db.prepare<{ low: string; high: string; limit: number; offset: number }, GroupListRow>(
      `SELECT ${groupColumns} FROM groups g WHERE ${groupSearch} ORDER BY g.display_name LIMIT @limit OFFSET @offset`,
    ),
    searchCount: db.prepare<{ low: string; high: string }, { n: number }>(`SELECT count(*) AS n FROM groups g WHERE ${groupSearch}`),
  };
  const timeline = identityTimeline(deps);

  const toUser = (row: UserListRow): DirectoryUser => ({
    id: row.id,
    userName: row.user_name,
    displayName: row.display_name,
    active: row.active !== 0,
    externalId: row.external_id,
    groups: row.groups,
    lastModified: row.last_modified,
  });
  const toGroup = (row: GroupListRow): DirectoryGroup => ({
    id: row.id,
    displayName: row.display_name,
    externalId: row.external_id,
    members: row.members,
    lastModified: row.last_modified,
  });

  return {
    'directory.users': (query) => {
      const page = { limit: query?.limit ?? DEFAULT_LIMIT, offset: query?.offset ?? 0 };
      if (!query?.search) return { total: users.allCount.get()?.n ?? 0, items: users.all.all(page).map(toUser) };
      const [low, high] = identityRange(query.search);
      return { total: users.searchCount.get({ low, high })?.n ?? 0, items: users.search.all({ low, high, ...page }).map(toUser) };
    },
    'directory.groups': (query) => {
      const page = { limit: query?.limit ?? DEFAULT_LIMIT, offset: query?.offset ?? 0 };
      if (!query?.search) return { total: groups.allCount.get()?.n ?? 0, items: groups.all.all(page).map(toGroup) };
      const [low, high] = identityRange(query.search);
      return { total: groups.searchCount.get({ low, high })?.n ?? 0, items: groups.search.all({ low, high, ...page }).map(toGroup) };
    },
    'directory.identity': ({ identity }) => timeline(identity),
  };
}
