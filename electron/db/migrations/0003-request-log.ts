/**
 * The request log: every request the listener received, including 401, 404, 400 and unparseable ones.
 *
 * The narrow `requests` row carries what lists and aggregates read; headers and bodies live in `request_bodies`
 * so that scans over time and status never read kilobytes of JSON (design/stack.md §2, query benchmark).
 */

export const sql = `
CREATE TABLE requests (
  id            INTEGER PRIMARY KEY,
  ts            INTEGER NOT NULL,
  method        TEXT NOT NULL,
  path          TEXT NOT NULL,
  query         TEXT NOT NULL DEFAULT '',
  status        INTEGER NOT NULL,
  duration_ms   REAL NOT NULL,
  client_ip     TEXT,
  token_id      TEXT,
  resource_type TEXT,
  resource_id   TEXT,
  scim_type     TEXT,
  req_bytes     INTEGER NOT NULL DEFAULT 0,
  res_bytes     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX requests_ts ON requests (ts);
CREATE INDEX requests_status_ts ON requests (status, ts);
CREATE INDEX requests_resource ON requests (resource_id, ts);

CREATE TABLE request_bodies (
  request_id  INTEGER PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
  req_headers TEXT NOT NULL,
  req_body    TEXT,
  res_headers TEXT NOT NULL,
  res_body    TEXT
) STRICT;
`;
