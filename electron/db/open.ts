/**
 * Opens the monitor's SQLite database with the settings every caller relies on.
 */

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export type Db = Database.Database;

/** The database file inside a data directory. */
export const DATABASE_FILE = 'monitor.db';

/**
 * Opens (creating if needed) and migrates the database at `file`; `:memory:` gives a private in-memory one.
 *
 * WAL lets readers (the UI, exports) run beside the listener's writes; synchronous=NORMAL in WAL mode keeps every
 * committed transaction through a process crash, which is the promise "nothing acknowledged is lost" needs.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
