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
 *
 * `nativeBinding` is better-sqlite3's own option: the desktop shell passes the addon built for Electron's ABI
 * (native/electron/, scripts/electron-rebuild.mjs); tests and `serve` leave it out and load the Node build in
 * node_modules, so building one never breaks the other (architecture.md, "Native module, two ABIs").
 */
export function openDatabase(file: string, options: { readonly nativeBinding?: string } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
