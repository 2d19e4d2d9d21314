/**
 * Puts each failure into its group (failure_signatures, migration 0006) once, the first time groups are read after
 * it was logged: the group's key includes the detail's template, which SQL cannot compute (no regular expressions).
 */

import type { Db } from '../db/open.js';
import { detailTemplate, signatureOf } from './failure-signature.js';

const SIGN_BATCH = 2_000;

interface UnsignedRow {
  readonly id: number;
  readonly entity: string;
  readonly operation: string;
  readonly status: number;
  readonly scim_type: string | null;
  readonly error_code: string;
  readonly detail: string | null;
}

/** Puts the failures logged since the last read into their groups, in one short transaction per batch. */
export function signer(db: Db): () => void {
  const pending = db.prepare<[number], UnsignedRow>(
    `SELECT request_id AS id, entity, operation, status, scim_type, error_code, detail
     FROM failures INDEXED BY failures_unsigned WHERE signature_id IS NULL LIMIT ?`,
  );
  const add = db.prepare<[string, string, string, number, string | null, string, string]>(
    `INSERT INTO failure_signatures (signature, entity, operation, status, scim_type, error_code, template) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (signature) DO NOTHING`,
  );
  const idOf = db.prepare<[string], { id: number }>('SELECT id FROM failure_signatures WHERE signature = ?');
  const assign = db.prepare<[number, number]>('UPDATE failures SET signature_id = ? WHERE request_id = ?');
  const known = new Map<string, number>();
  const batch = db.transaction((rows: readonly UnsignedRow[]) => {
    for (const row of rows) {
      const template = detailTemplate(row.detail);
      const signature = signatureOf({ entity: row.entity, operation: row.operation, status: row.status, scimType: row.scim_type, errorCode: row.error_code, template });
      let id = known.get(signature);
      if (id === undefined) {
        add.run(signature, row.entity, row.operation, row.status, row.scim_type, row.error_code, template);
        id = idOf.get(signature)?.id ?? 0;
        known.set(signature, id);
      }
      assign.run(id, row.id);
    }
  });
  return () => {
    for (;;) {
      const rows = pending.all(SIGN_BATCH);
      if (rows.length > 0) batch(rows);
      if (rows.length < SIGN_BATCH) return;
    }
  };
}

