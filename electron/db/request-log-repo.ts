/**
 * SQL for the request log. One row per request the listener received, whatever its outcome.
 */

import type { Db } from './open.js';

export interface RequestLogEntry {
  readonly ts: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  readonly duration_ms: number;
  readonly client_ip: string | null;
  readonly token_id: string | null;
  readonly resource_type: string | null;
  readonly resource_id: string | null;
  readonly scim_type: string | null;
  readonly req_bytes: number;
  readonly res_bytes: number;
  readonly entity: string | null;
  readonly operation: string | null;
  readonly action: string | null;
  readonly outcome: string | null;
  readonly identity: string | null;
  readonly external_id: string | null;
  readonly change_id: string;
  readonly cycle_id: number | null;
  readonly error_code: string | null;
  readonly member_count: number | null;
  readonly dialect: string | null;
  readonly fault: string | null;
  readonly forwarded_for: string | null;
  /** The logged request this one replays (Replay in the Live screen); null for everything else (migration 0008). */
  readonly replay_of: number | null;
}

export interface ModifiedPropertyRow {
  readonly attribute: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export interface RequestLogBodies {
  readonly req_headers: string;
  readonly req_body: string | null;
  readonly res_headers: string;
  readonly res_body: string | null;
}

export type LoggedRequest = RequestLogEntry & RequestLogBodies & { readonly id: number };

export interface RequestLogRepo {
  /** Inserts a request, its bodies and modified properties; returns the row id. Callers run it inside their transaction. */
  insert(entry: RequestLogEntry, bodies: RequestLogBodies, modified?: readonly ModifiedPropertyRow[]): number;
  modified(id: number): ModifiedPropertyRow[];
  get(id: number): LoggedRequest | undefined;
  /** The newest rows first, for tools and tests; the UI's paged queries come with the MonitorApi. */
  latest(limit: number): LoggedRequest[];
  count(): number;
  /** The newest replays of a request (through the partial index `requests_replay_of`), newest first. */
  replaysOf(id: number, limit: number): ReplayOfRow[];
  /** The first replay of `original` logged after row `after`: the row a replay just sent was logged as. */
  replayAfter(original: number, after: number): number | undefined;
  /** The highest row id so far (0 for an empty log). */
  maxId(): number;
}

export interface ReplayOfRow {
  readonly id: number;
  readonly ts: number;
  readonly status: number;
  readonly outcome: string | null;
}

/** The columns of a log row in insert order. */
const LOG_COLUMNS = [
  'ts', 'method', 'path', 'query', 'status', 'duration_ms', 'client_ip', 'token_id', 'resource_type', 'resource_id', 'scim_type',
  'req_bytes', 'res_bytes', 'entity', 'operation', 'action', 'outcome', 'identity', 'external_id', 'change_id', 'cycle_id', 'error_code',
  'member_count', 'dialect', 'fault', 'forwarded_for', 'replay_of',
] as const satisfies readonly (keyof RequestLogEntry)[];
// Fails to compile when RequestLogEntry gains a field LOG_COLUMNS does not insert.
const everyColumn: Exclude<keyof RequestLogEntry, (typeof LOG_COLUMNS)[number]> extends never ? true : never = true;
void everyColumn;

export function requestLogRepo(db: Db): RequestLogRepo {
  // Positional parameters: binding 27 named ones from an object cost ~3.5 µs more per logged request (issue
  // "Performance"); LOG_COLUMNS keeps the order, and the compiler keeps it complete.
  const insert = db.prepare(`INSERT INTO requests (${LOG_COLUMNS.join(', ')}) VALUES (${LOG_COLUMNS.map(() => '?').join(', ')})`);
  const insertModified = db.prepare('INSERT OR REPLACE INTO modified_properties (request_id, attribute, old_value, new_value) VALUES (?, ?, ?, ?)');
  const selectModified = db.prepare<[number], ModifiedPropertyRow>(
    'SELECT attribute, old_value AS oldValue, new_value AS newValue FROM modified_properties WHERE request_id = ? ORDER BY attribute',
  );
  const insertBodies = db.prepare('INSERT INTO request_bodies (request_id, req_headers, req_body, res_headers, res_body) VALUES (?, ?, ?, ?, ?)');
  const select = `SELECT r.*, b.req_headers, b.req_body, b.res_headers, b.res_body
                  FROM requests r JOIN request_bodies b ON b.request_id = r.id`;
  const get = db.prepare<[number], LoggedRequest>(`${select} WHERE r.id = ?`);
  const latest = db.prepare<[number], LoggedRequest>(`${select} ORDER BY r.id DESC LIMIT ?`);
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM requests');
  const replaysOf = db.prepare<[number, number], ReplayOfRow>('SELECT id, ts, status, outcome FROM requests WHERE replay_of = ? ORDER BY id DESC LIMIT ?');
  const replayAfter = db.prepare<[number, number], { id: number }>('SELECT id FROM requests WHERE replay_of = ? AND id > ? ORDER BY id LIMIT 1');
  const maxId = db.prepare<[], { n: number | null }>('SELECT max(id) AS n FROM requests');
  return {
    insert(entry, bodies, modified = []) {
      const id = Number(insert.run(LOG_COLUMNS.map((column) => entry[column])).lastInsertRowid);
      insertBodies.run(id, bodies.req_headers, bodies.req_body, bodies.res_headers, bodies.res_body);
      for (const property of modified) insertModified.run(id, property.attribute, property.oldValue, property.newValue);
      return id;
    },
    modified: (id) => selectModified.all(id),
    get: (id) => get.get(id),
    latest: (limit) => latest.all(limit),
    count: () => count.get()?.n ?? 0,
    replaysOf: (id, limit) => replaysOf.all(id, limit),
    replayAfter: (original, after) => replayAfter.get(original, after)?.id,
    maxId: () => maxId.get()?.n ?? 0,
  };
}
