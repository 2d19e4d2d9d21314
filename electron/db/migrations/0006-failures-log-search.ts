/**
 * Failure groups and log paging at 1,000,000 rows (issue "Performance": aggregates ≤ 100 ms, pages ≤ 50 ms).
 *
 * `failures` is a narrow copy of the ~5% of rows that failed, kept by a trigger in the request's own transaction, so
 * the Failures screen (design/screens.md Screen 4) groups a few thousand small rows instead of joining the wide log
 * and its kilobyte bodies:
 * - `detail` is the SCIM error `detail` of our answer (RFC 7644 §3.12), copied from the response body;
 * - `signature_id` points at the failure's group in `failure_signatures`: operation, status, scimType, error code and
 *   the detail's template (ids, quoted values and numbers replaced by placeholders). SQL has no regular expressions,
 *   so the MonitorApi assigns it the first time it reads the row (NULL until then). Grouping then runs on a small
 *   integer through the covering index `failures_signature`, not on long strings;
 * - `resolved_by` is the id of the first later successful request for the same identity and operation: Screen 4
 *   counts a group as resolved when one exists. A trigger sets it when the success is logged, through a partial
 *   index that holds only the open failures, so the cost on the hot path is one probe of a small index.
 * The trigger hangs on `request_bodies`, which the log writes right after the request's row (request-log-repo.ts):
 * any trigger on `requests` itself, even one whose WHEN never holds, added ~12 µs of CPU to every insert of that
 * wide, nine-index table; this one adds ~3 µs (two primary-key reads and a probe of `failures_open`), and a failure
 * one narrow insert.
 *
 * `requests_fault` lets "injected faults only" page in time order; it is partial, so unfaulted rows never touch it.
 */

export const sql = `
CREATE TABLE failure_signatures (
  id         INTEGER PRIMARY KEY,
  signature  TEXT NOT NULL UNIQUE,
  entity     TEXT NOT NULL,
  operation  TEXT NOT NULL,
  status     INTEGER NOT NULL,
  scim_type  TEXT,
  error_code TEXT NOT NULL,
  template   TEXT NOT NULL
) STRICT;

CREATE TABLE failures (
  request_id   INTEGER PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
  ts           INTEGER NOT NULL,
  entity       TEXT NOT NULL,
  operation    TEXT NOT NULL,
  status       INTEGER NOT NULL,
  scim_type    TEXT,
  error_code   TEXT NOT NULL,
  identity     TEXT COLLATE NOCASE,
  cycle_id     INTEGER,
  detail       TEXT,
  signature_id INTEGER REFERENCES failure_signatures (id),
  resolved_by  INTEGER
) STRICT;
CREATE INDEX failures_ts ON failures (ts);
CREATE INDEX failures_signature ON failures (signature_id, ts, identity, cycle_id, resolved_by);
CREATE INDEX failures_identity ON failures (identity, ts);
CREATE INDEX failures_cycle ON failures (cycle_id);
CREATE INDEX failures_open ON failures (identity, operation) WHERE resolved_by IS NULL;
CREATE INDEX failures_unsigned ON failures (request_id) WHERE signature_id IS NULL;

CREATE TRIGGER failures_record AFTER INSERT ON request_bodies BEGIN
  INSERT INTO failures (request_id, ts, entity, operation, status, scim_type, error_code, identity, cycle_id, detail)
  SELECT r.id, r.ts, coalesce(r.entity, 'Unknown'), coalesce(r.operation, 'unknown'), r.status, r.scim_type, coalesce(r.error_code, ''),
    r.identity, r.cycle_id,
    CASE WHEN json_valid(NEW.res_body) THEN
      CASE WHEN json_type(NEW.res_body, '$.detail') = 'text' THEN json_extract(NEW.res_body, '$.detail') END END
  FROM requests r WHERE r.id = NEW.request_id AND r.outcome = 'Failure';
  UPDATE failures SET resolved_by = NEW.request_id
  WHERE resolved_by IS NULL
    AND operation = (SELECT operation FROM requests WHERE id = NEW.request_id AND outcome = 'Success')
    AND identity IS (SELECT identity FROM requests WHERE id = NEW.request_id);
END;

INSERT INTO failures (request_id, ts, entity, operation, status, scim_type, error_code, identity, cycle_id, detail)
SELECT r.id, r.ts, coalesce(r.entity, 'Unknown'), coalesce(r.operation, 'unknown'), r.status, r.scim_type, coalesce(r.error_code, ''),
  r.identity, r.cycle_id,
  CASE WHEN json_valid(b.res_body) THEN
    CASE WHEN json_type(b.res_body, '$.detail') = 'text' THEN json_extract(b.res_body, '$.detail') END END
FROM requests r LEFT JOIN request_bodies b ON b.request_id = r.id
WHERE r.outcome = 'Failure';

UPDATE failures SET resolved_by = (
  SELECT s.id FROM requests s
  WHERE s.identity IS failures.identity COLLATE NOCASE AND s.operation = failures.operation AND s.outcome = 'Success' AND s.id > failures.request_id
  ORDER BY s.id LIMIT 1
);

CREATE INDEX requests_fault ON requests (ts) WHERE fault IS NOT NULL;
`;
