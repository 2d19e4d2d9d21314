/**
 * Each logged request, classified in Entra's words (entra-behavior.md §6, design/screens.md Screen 2): what it was
 * (entity, operation, Action), how it ended (Status, likely Entra error code), who it was about (identity,
 * externalId), the PATCH dialect, the inferred cycle, and whether an injected fault answered it.
 * Modified properties (old → new) get their own table, joined on the request like Entra's CSV joins on changeId.
 */

export const sql = `
ALTER TABLE requests ADD COLUMN entity TEXT;
ALTER TABLE requests ADD COLUMN operation TEXT;
ALTER TABLE requests ADD COLUMN action TEXT;
ALTER TABLE requests ADD COLUMN outcome TEXT;
ALTER TABLE requests ADD COLUMN identity TEXT;
ALTER TABLE requests ADD COLUMN external_id TEXT;
ALTER TABLE requests ADD COLUMN change_id TEXT;
ALTER TABLE requests ADD COLUMN cycle_id INTEGER;
ALTER TABLE requests ADD COLUMN error_code TEXT;
ALTER TABLE requests ADD COLUMN member_count INTEGER;
ALTER TABLE requests ADD COLUMN dialect TEXT;
ALTER TABLE requests ADD COLUMN fault TEXT;
ALTER TABLE requests ADD COLUMN forwarded_for TEXT;
CREATE INDEX requests_outcome_ts ON requests (outcome, ts);
CREATE INDEX requests_operation_ts ON requests (operation, ts);
CREATE INDEX requests_identity_ts ON requests (identity COLLATE NOCASE, ts);
CREATE INDEX requests_cycle ON requests (cycle_id, ts);
CREATE INDEX requests_error_code ON requests (error_code, ts) WHERE error_code IS NOT NULL;

CREATE TABLE modified_properties (
  request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  attribute  TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  PRIMARY KEY (request_id, attribute)
) STRICT, WITHOUT ROWID;
`;
