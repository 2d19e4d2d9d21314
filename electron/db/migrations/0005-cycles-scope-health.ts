/**
 * Provisioning semantics over the log (issue "Provisioning semantics"):
 * - `cycles`: bursts of traffic inferred from timing (Entra sends no cycle id; entra-behavior.md §14 item 9), with
 *   running counters kept in the request's own transaction so cycle views never scan the log;
 * - `attribute_arrivals`: when each attribute (named like Entra's mapping rows) last arrived, for coverage;
 * - `scope`: the users and groups the admin assigned in Entra, for the expected-users checklist;
 * - `health_history`: when each health state began and ended.
 */

export const sql = `
CREATE TABLE cycles (
  id             INTEGER PRIMARY KEY,
  started        INTEGER NOT NULL,
  ended          INTEGER NOT NULL,
  kind           TEXT NOT NULL,
  requests       INTEGER NOT NULL DEFAULT 0,
  probes         INTEGER NOT NULL DEFAULT 0,
  matches        INTEGER NOT NULL DEFAULT 0,
  creates        INTEGER NOT NULL DEFAULT 0,
  updates        INTEGER NOT NULL DEFAULT 0,
  disables       INTEGER NOT NULL DEFAULT 0,
  deletes        INTEGER NOT NULL DEFAULT 0,
  others         INTEGER NOT NULL DEFAULT 0,
  successes      INTEGER NOT NULL DEFAULT 0,
  failures       INTEGER NOT NULL DEFAULT 0,
  skipped        INTEGER NOT NULL DEFAULT 0,
  auth_failures  INTEGER NOT NULL DEFAULT 0,
  not_found_lists INTEGER NOT NULL DEFAULT 0,
  server_errors  INTEGER NOT NULL DEFAULT 0,
  identities     INTEGER NOT NULL DEFAULT 0,
  users_at_start INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX cycles_started ON cycles (started);

CREATE TABLE attribute_arrivals (
  attribute  TEXT PRIMARY KEY,
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  arrivals   INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

CREATE TABLE scope (
  value TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
  kind  TEXT NOT NULL,
  added INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE health_history (
  id     INTEGER PRIMARY KEY,
  state  TEXT NOT NULL,
  reason TEXT,
  detail TEXT,
  began  INTEGER NOT NULL,
  ended  INTEGER
) STRICT;
`;
