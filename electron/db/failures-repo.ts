/**
 * SQL for the narrow `failures` table (migration 0006): a copy of each failed request that failure groups
 * aggregate, and the mark that a later success resolved it (design/screens.md Screen 4).
 */

import type { Db } from './open.js';
import type { RequestLogEntry } from './request-log-repo.js';

/** The fields of a logged request that its failure row copies. */
export type FailureFields = Pick<RequestLogEntry, 'ts' | 'entity' | 'operation' | 'status' | 'scim_type' | 'error_code' | 'identity' | 'cycle_id'>;

export interface FailuresRepo {
  /** Copies a failed request; `detail` is the SCIM error detail of our answer. */
  recordFailure(id: number, entry: FailureFields, detail: string | null): void;
  /** Marks the open failures of the same identity and operation as resolved by this successful request. */
  resolve(id: number, entry: Pick<FailureFields, 'identity' | 'operation'>): void;
}

export function failuresRepo(db: Db): FailuresRepo {
  const insert = db.prepare(
    `INSERT INTO failures (request_id, ts, entity, operation, status, scim_type, error_code, identity, cycle_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // `identity IS ?` also resolves failures that had no identity (a 401 on a plain list) by the next success of
  // the same operation; the partial index failures_open holds only unresolved rows, so this is one small probe.
  const resolve = db.prepare(
    'UPDATE failures SET resolved_by = ? WHERE resolved_by IS NULL AND identity IS ? AND operation = ?',
  );
  return {
    recordFailure(id, entry, detail) {
      insert.run(
        id,
        entry.ts,
        entry.entity ?? 'Unknown',
        entry.operation ?? 'unknown',
        entry.status,
        entry.scim_type,
        entry.error_code ?? '',
        entry.identity,
        entry.cycle_id,
        detail,
      );
    },
    resolve(id, entry) {
      resolve.run(id, entry.identity, entry.operation ?? 'unknown');
    },
  };
}
