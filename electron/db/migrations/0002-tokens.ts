/**
 * Secret tokens, Britive-style: created with a label and an optional validity, shown once, stored only as a hash.
 *
 * The hash is SHA-256 of a 256-bit random secret: with that much entropy a slow password hash adds nothing, and a
 * unique index on the hash makes the lookup one B-tree probe per request.
 */

export const sql = `
CREATE TABLE tokens (
  id        TEXT PRIMARY KEY,
  label     TEXT NOT NULL,
  hash      TEXT NOT NULL,
  last4     TEXT NOT NULL,
  created   TEXT NOT NULL,
  expires   TEXT,
  last_used TEXT,
  revoked   TEXT,
  source    TEXT NOT NULL DEFAULT 'app'
) STRICT;
CREATE UNIQUE INDEX tokens_hash ON tokens (hash);
`;
