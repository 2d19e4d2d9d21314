/**
 * SQL for inferred cycles: one row per burst of traffic, with counters kept current as requests are logged.
 */

import type { Db } from './open.js';

export interface CycleRow {
  readonly id: number;
  readonly started: number;
  readonly ended: number;
  readonly kind: string;
  readonly requests: number;
  readonly probes: number;
  readonly matches: number;
  readonly creates: number;
  readonly updates: number;
  readonly disables: number;
  readonly deletes: number;
  readonly others: number;
  readonly successes: number;
  readonly failures: number;
  readonly skipped: number;
  readonly auth_failures: number;
  readonly not_found_lists: number;
  readonly server_errors: number;
  readonly identities: number;
  readonly users_at_start: number;
  /** Requests Entra sent in this cycle other than Test Connection probes and schema reads (migration 0010). */
  readonly entra_work: number;
}

/** What one logged request adds to its cycle's counters (0 or 1 each). */
export type CycleIncrement = Pick<
  CycleRow,
  | 'probes' | 'matches' | 'creates' | 'updates' | 'disables' | 'deletes' | 'others' | 'successes' | 'failures' | 'skipped' | 'auth_failures' | 'not_found_lists'
  | 'server_errors' | 'entra_work'
>;

const INCREMENT_COLUMNS = [
  'probes', 'matches', 'creates', 'updates', 'disables', 'deletes', 'others', 'successes', 'failures', 'skipped', 'auth_failures', 'not_found_lists', 'server_errors',
  'entra_work',
] as const satisfies readonly (keyof CycleIncrement)[];
// Fails to compile when CycleIncrement gains a counter the UPDATE does not add.
const everyCounter: Exclude<keyof CycleIncrement, (typeof INCREMENT_COLUMNS)[number]> extends never ? true : never = true;
void everyCounter;

export interface CyclesRepo {
  latest(): CycleRow | undefined;
  get(id: number): CycleRow | undefined;
  /** The newest cycles first. */
  list(limit: number, before?: number): CycleRow[];
  /** Whether Entra did work in any cycle before `id` (migration 0010's `entra_work`; the app's rehearsals do not count). */
  hasEntraWorkBefore(id: number): boolean;
  /** When the newest cycle in which Entra did work began (migration 0010's `entra_work`); undefined before any. */
  lastEntraWorkStart(): number | undefined;
  open(started: number, kind: string, usersAtStart: number): number;
  add(id: number, ts: number, increment: CycleIncrement, identities: number, kind: string): void;
  /** Distinct identities of a cycle, for re-seeding the tracker after a restart. */
  identitiesOf(id: number): string[];
}

export function cyclesRepo(db: Db): CyclesRepo {
  const latest = db.prepare<[], CycleRow>('SELECT * FROM cycles ORDER BY id DESC LIMIT 1');
  const get = db.prepare<[number], CycleRow>('SELECT * FROM cycles WHERE id = ?');
  const list = db.prepare<[number, number], CycleRow>('SELECT * FROM cycles WHERE id < ? ORDER BY id DESC LIMIT ?');
  const hasEntraWork = db.prepare<[number], { one: number }>('SELECT 1 AS one FROM cycles WHERE id < ? AND entra_work > 0 LIMIT 1');
  const lastEntraWork = db.prepare<[], number>('SELECT started FROM cycles WHERE entra_work > 0 ORDER BY id DESC LIMIT 1').pluck();
  const open = db.prepare('INSERT INTO cycles (started, ended, kind, users_at_start) VALUES (?, ?, ?, ?)');
  // Positional parameters, in INCREMENT_COLUMNS order: this runs for every logged request (issue "Performance").
  const add = db.prepare(
    `UPDATE cycles SET ended = max(ended, ?), kind = ?, identities = ?, requests = requests + 1,
       ${INCREMENT_COLUMNS.map((column) => `${column} = ${column} + ?`).join(', ')}
     WHERE id = ?`,
  );
  const identitiesOf = db.prepare<[number], { identity: string }>(
    'SELECT DISTINCT identity FROM requests WHERE cycle_id = ? AND identity IS NOT NULL',
  );
  return {
    latest: () => latest.get(),
    get: (id) => get.get(id),
    list: (limit, before = Number.MAX_SAFE_INTEGER) => list.all(before, limit),
    hasEntraWorkBefore: (id) => hasEntraWork.get(id) !== undefined,
    lastEntraWorkStart: () => lastEntraWork.get(),
    open: (started, kind, usersAtStart) => Number(open.run(started, started, kind, usersAtStart).lastInsertRowid),
    add: (id, ts, increment, identities, kind) => void add.run(ts, kind, identities, ...INCREMENT_COLUMNS.map((column) => increment[column]), id),
    identitiesOf: (id) => identitiesOf.all(id).map((row) => row.identity),
  };
}
