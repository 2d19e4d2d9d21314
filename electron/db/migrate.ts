/**
 * Applies pending migrations, each in its own transaction, and checks applied ones were not edited.
 */

import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';

const hashOf = (migration: Migration): string => createHash('sha256').update(migration.sql).digest('hex');

/** Brings the schema up to date; throws when an applied migration's text has changed since it ran. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied TEXT NOT NULL) STRICT`);
  const applied = new Map(
    db
      .prepare<[], { version: number; hash: string }>('SELECT version, hash FROM schema_migrations')
      .all()
      .map((row) => [row.version, row.hash]),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, hash, applied) VALUES (?, ?, ?, ?)');
  for (const migration of migrations) {
    const hash = hashOf(migration);
    const known = applied.get(migration.version);
    if (known !== undefined) {
      if (known !== hash) {
        throw new Error(`Migration ${migration.version} (${migration.name}) was edited after it was applied; add a new migration instead.`);
      }
      continue;
    }
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, hash, new Date().toISOString());
    })();
  }
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const newestApplied = Math.max(0, ...applied.keys());
  if (newestApplied > newest) {
    throw new Error(`This database was written by a newer Provisioning Monitor (schema ${newestApplied} > ${newest}); upgrade the app.`);
  }
}
