/**
 * The expected-users checklist (design/screens.md Screen 6; issue "Provisioning semantics" item 3): each user or
 * group the admin assigned in Entra, with the state its latest write left it in, and the identities Entra wrote
 * that are not on the list (a sign of scope "Sync all users and groups").
 *
 * Every lookup is a seek on the (identity COLLATE NOCASE, ts) index, newest first, so the cost grows with the
 * scope, not with the log.
 */

import type { ScopeEntry, ScopeReport, ScopeState } from '../../shared/api/provisioning-types.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { Db } from '../db/open.js';

/** Unexpected identities are looked for among this many newest requests, and listed up to a limit. */
const UNEXPECTED_WINDOW = 20_000;
const MAX_UNEXPECTED = 100;
export const MAX_SCOPE_ENTRIES = 10_000;

const WRITE_OPERATIONS = `('create', 'update', 'disable', 'enable', 'delete', 'add-members', 'remove-members')`;

const STATE_OF: Readonly<Record<string, ScopeState>> = {
  create: 'Created',
  update: 'Updated',
  enable: 'Updated',
  'add-members': 'Updated',
  'remove-members': 'Updated',
  disable: 'Disabled',
  delete: 'Deleted',
};

export interface ScopeInput {
  readonly value: string;
  readonly kind: 'user' | 'group';
}

export interface ScopeStore {
  report(): ScopeReport;
  /** Replaces the whole list. */
  replace(entries: readonly ScopeInput[], now: number): void;
  /**
   * Adds entries (a name already listed keeps its place and takes the new kind); returns the list's new size.
   * Throws ApiFailure('invalid-argument'), keeping nothing, when the list would exceed MAX_SCOPE_ENTRIES.
   */
  add(entries: readonly ScopeInput[], now: number): number;
}

interface WriteRow {
  readonly id: number;
  readonly operation: string;
  readonly outcome: string | null;
  readonly error_code: string | null;
  readonly status: number;
}

export function scopeStore(db: Db): ScopeStore {
  const entries = db.prepare<[], { value: string; kind: string }>('SELECT value, kind FROM scope ORDER BY added, value');
  const entity = (kind: string): string => (kind === 'group' ? 'Group' : 'User');
  // A write that changed nothing (Entra's "Other") says nothing about the identity's state, so it is skipped.
  const lastWrite = db.prepare<[string, string], WriteRow>(
    `SELECT id, operation, outcome, error_code, status FROM requests
     WHERE identity = ? COLLATE NOCASE AND entity = ? AND operation IN ${WRITE_OPERATIONS} AND NOT (outcome = 'Success' AND action = 'Other')
     ORDER BY ts DESC, id DESC LIMIT 1`,
  );
  const lastSeen = db.prepare<[string, string], { ts: number; cycle_id: number | null }>(
    `SELECT ts, cycle_id FROM requests WHERE identity = ? COLLATE NOCASE AND entity = ? AND operation <> 'test-connection'
     ORDER BY ts DESC, id DESC LIMIT 1`,
  );
  const detail = db.prepare<[number], { detail: string | null }>(
    `SELECT CASE WHEN json_valid(res_body) THEN json_extract(res_body, '$.detail') END AS detail FROM request_bodies WHERE request_id = ?`,
  );
  const newestId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM requests');
  // NOT INDEXED keeps the planner on the rowid window: the operation or identity index would walk every write ever logged.
  const unexpected = db.prepare<[number, number], { identity: string }>(
    `SELECT min(r.identity) AS identity FROM requests r NOT INDEXED
     WHERE r.id > ? AND r.operation IN ${WRITE_OPERATIONS} AND r.identity IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM scope s WHERE s.value = r.identity)
     GROUP BY r.identity COLLATE NOCASE ORDER BY max(r.id) DESC LIMIT ?`,
  );
  const clear = db.prepare('DELETE FROM scope');
  const upsert = db.prepare('INSERT INTO scope (value, kind, added) VALUES (?, ?, ?) ON CONFLICT (value) DO UPDATE SET kind = excluded.kind');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM scope');

  const entryOf = (value: string, kind: 'user' | 'group'): ScopeEntry => {
    const seen = lastSeen.get(value, entity(kind));
    if (!seen) return { value, kind, state: 'Not seen', reason: null, lastCycle: null, lastSeen: null };
    const write = lastWrite.get(value, entity(kind));
    let state: ScopeState = 'Matched only';
    let reason: string | null = null;
    if (write?.outcome === 'Failure') {
      state = 'Failed';
      const scimDetail = detail.get(write.id)?.detail;
      reason = `${write.error_code ?? `HTTP ${write.status}`}${typeof scimDetail === 'string' && scimDetail !== '' ? `: ${scimDetail}` : ''}`;
    } else if (write) {
      state = STATE_OF[write.operation] ?? 'Updated';
    }
    return { value, kind, state, reason, lastCycle: seen.cycle_id, lastSeen: seen.ts };
  };

  const add = db.transaction((list: readonly ScopeInput[], now: number): number => {
    for (const entry of list) upsert.run(entry.value, entry.kind, now);
    const size = count.get()?.n ?? 0;
    // Thrown inside the transaction, so nothing of an oversized import is kept.
    if (size > MAX_SCOPE_ENTRIES) throw new ApiFailure('invalid-argument', `The scope would hold ${size} entries; at most ${MAX_SCOPE_ENTRIES} are supported.`);
    return size;
  });

  return {
    report() {
      const list = entries.all().map((row) => entryOf(row.value, row.kind === 'group' ? 'group' : 'user'));
      // Without a list, everything would be "unexpected", which says nothing.
      if (list.length === 0) return { entries: list, unexpected: [] };
      const floor = (newestId.get()?.id ?? 0) - UNEXPECTED_WINDOW;
      return { entries: list, unexpected: unexpected.all(floor, MAX_UNEXPECTED).map((row) => row.identity) };
    },
    replace: db.transaction((list: readonly ScopeInput[], now: number) => {
      clear.run();
      add(list, now);
    }),
    add: (list, now) => add(list, now),
  };
}
