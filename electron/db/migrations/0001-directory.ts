/**
 * The directory Entra provisions into: users, groups and memberships.
 *
 * `resource` holds the stored attributes as JSON (canonical names, extensions under their URN); the indexed columns
 * copy the attributes Entra matches on, so `userName eq`, `externalId eq`, `id eq` and `displayName eq` are index
 * lookups (entra-behavior.md §2.1, §14). userName and group displayName compare case-insensitively (RFC 7643 §4.1:
 * caseExact false) and are unique, since Entra matches on them.
 */

export const sql = `
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  user_name     TEXT NOT NULL COLLATE NOCASE,
  external_id   TEXT,
  display_name  TEXT COLLATE NOCASE,
  active        INTEGER NOT NULL DEFAULT 1,
  resource      TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  created       TEXT NOT NULL,
  last_modified TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX users_user_name ON users (user_name COLLATE NOCASE);
CREATE INDEX users_external_id ON users (external_id);
CREATE INDEX users_display_name ON users (display_name COLLATE NOCASE);

CREATE TABLE groups (
  id            TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL COLLATE NOCASE,
  external_id   TEXT,
  resource      TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  created       TEXT NOT NULL,
  last_modified TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX groups_display_name ON groups (display_name COLLATE NOCASE);
CREATE INDEX groups_external_id ON groups (external_id);

CREATE TABLE group_members (
  group_id  TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  added     TEXT NOT NULL,
  PRIMARY KEY (group_id, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_members_member ON group_members (member_id);
`;
