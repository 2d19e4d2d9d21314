/**
 * Opens a data directory's database for reading, for the `export` command (issue 7): it must work while `serve`
 * (or the desktop app) owns the database and when nothing runs.
 *
 * A read-only connection in WAL mode (electron/db/open.ts) reads a consistent snapshot beside the listener's writes
 * and never takes the write lock, so it cannot delay a log row Entra is waiting on. Only a database whose schema is
 * older than this build (nothing running has migrated it) is opened read-write once, to migrate it.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../db/migrations/index.js';
import { DATABASE_FILE, openDatabase, type Db } from '../db/open.js';

const NEWEST = Math.max(...MIGRATIONS.map((m) => m.version));

export function openReader(dataDir: string, options: { readonly nativeBinding?: string } = {}): Db {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new Error(`No monitor database in ${dataDir} (expected ${DATABASE_FILE}); pass the --data-dir that serve uses.`);
  const binding = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding };
  const db = new Database(file, { readonly: true, fileMustExist: true, ...binding });
  db.pragma('busy_timeout = 5000');
  let version = 0;
  try {
    version = db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM schema_migrations').get()?.v ?? 0;
  } catch {
    version = 0;
  }
  if (version >= NEWEST) return db;
  db.close();
  return openDatabase(file, options);
}
