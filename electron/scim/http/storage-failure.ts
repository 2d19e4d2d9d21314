/**
 * Tells a failing database (disk full, I/O error, locked or corrupt file) apart from a bug, for the listener.
 *
 * On some of these errors SQLite rolls back the whole open transaction, not just the failing statement
 * (sqlite.org/lang_transaction.html, "Response To Errors Within A Transaction"): the listener must then fail the
 * batch, so that no log row is written outside it, and answer 503 with nothing recorded, as for a failed commit.
 */

const STORAGE_CODES = /^SQLITE_(FULL|IOERR|NOMEM|BUSY|LOCKED|READONLY|CORRUPT|NOTADB|CANTOPEN|PROTOCOL)/;

/** True for a better-sqlite3 error that says the store, not the request, failed (e.g. "database or disk is full"). */
export function isStorageFailure(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && STORAGE_CODES.test(error.code);
}

/** Thrown when SQLite has already rolled back the listener's transaction: nothing of the batch is committed. */
export class TransactionLost extends Error {
  constructor() {
    super('the database rolled back the transaction (database or disk is full, or an I/O error)');
    this.name = 'TransactionLost';
  }
}
