/**
 * Builds a request log shaped like a month of Entra provisioning (issue "Performance": 1,000,000 logged requests,
 * built fast): 30 days, ~20 inferred cycles a day, 2,000 identities, ~5% failures over a few error codes, ~300-byte
 * bodies. One cycle in 50 is a rehearsal sent with the in-app simulator's internal token (Connect → Run a simulated
 * cycle), so filtering by sender (LogRow.source) has app traffic to tell apart. Rows go straight into the tables
 * through prepared statements, 10,000 per transaction; the listener is not involved, so building takes seconds
 * instead of hours.
 */

import { randomUUID } from 'node:crypto';
import { SIMULATOR_TOKEN_LABEL } from '../electron/auth/internal-labels.js';
import { failuresRepo } from '../electron/db/failures-repo.js';
import type { Store } from '../electron/monitor.js';

const DAY = 86_400_000;
const USERS = 1800;
const GROUPS = 200;
const BATCH = 10_000;
/** Every this many cycles, one is the simulator's. */
const SIMULATED_EVERY = 50;
const ENTRA_TOKEN = 'tok';
const SIMULATOR_TOKEN = 'bench-simulator';

interface Kind {
  readonly operation: string;
  readonly action: string;
  readonly entity: 'User' | 'Group' | 'Config';
  readonly method: string;
  readonly weight: number;
}

const KINDS: readonly Kind[] = [
  { operation: 'match', action: 'Other', entity: 'User', method: 'GET', weight: 34 },
  { operation: 'update', action: 'Update', entity: 'User', method: 'PATCH', weight: 28 },
  { operation: 'read', action: 'Other', entity: 'User', method: 'GET', weight: 10 },
  { operation: 'create', action: 'Create', entity: 'User', method: 'POST', weight: 6 },
  { operation: 'disable', action: 'Disable', entity: 'User', method: 'PATCH', weight: 3 },
  { operation: 'delete', action: 'Delete', entity: 'User', method: 'DELETE', weight: 2 },
  { operation: 'match', action: 'Other', entity: 'Group', method: 'GET', weight: 6 },
  { operation: 'add-members', action: 'Update', entity: 'Group', method: 'PATCH', weight: 6 },
  { operation: 'remove-members', action: 'Update', entity: 'Group', method: 'PATCH', weight: 2 },
  { operation: 'create', action: 'Create', entity: 'Group', method: 'POST', weight: 1 },
  { operation: 'list', action: 'Other', entity: 'User', method: 'GET', weight: 1 },
  { operation: 'discovery', action: 'Other', entity: 'Config', method: 'GET', weight: 1 },
];
const KIND_TABLE = KINDS.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));

/** Failures by the status our listener would answer, each with the Entra code it maps to (entra-behavior.md §4). */
const FAILURES = [
  { status: 409, scimType: 'uniqueness', code: 'EntryConflict', weight: 3 },
  { status: 400, scimType: 'invalidValue', code: 'SystemForCrossDomainIdentityManagementBadRequest', weight: 3 },
  { status: 404, scimType: null, code: 'InvalidAnchor', weight: 2 },
  { status: 500, scimType: null, code: 'InternalServerError', weight: 1 },
  { status: 401, scimType: null, code: 'Unauthorized', weight: 1 },
] as const;
const FAILURE_TABLE = FAILURES.flatMap((failure) => Array.from({ length: failure.weight }, () => failure));

/** A small deterministic PRNG, so every run measures the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HEADERS = JSON.stringify({
  host: 'contoso-scim.ngrok.app',
  authorization: 'Bearer ••••Qv8E',
  'content-type': 'application/scim+json; charset=utf-8',
  'user-agent': 'Microsoft.Identity.Provisioning',
  'x-forwarded-for': '20.190.128.1',
});
const RES_HEADERS = JSON.stringify({ 'Content-Type': 'application/scim+json; charset=utf-8' });
const idOf = (n: number): string => `${(0x10000000 + n * 7919).toString(16)}-8f1e-4c2a-9b7d-${(0x100000000000 + n * 104729).toString(16)}`;

function detailOf(status: number, identity: string, resourceId: string, attribute: string): string {
  switch (status) {
    case 409:
      return `userName "${identity}" is already used by user ${resourceId}; userName is unique and compared case-insensitively. Entra records this as EntryConflict.`;
    case 400:
      return `Attribute '${attribute}' has an invalid value "x-${identity.length}"; expected a string of at most 64 characters.`;
    case 404:
      return `User "${resourceId}" does not exist here. If Entra created it earlier, it was deleted on this side (Entra logs this as InvalidAnchor).`;
    case 401:
      return 'The bearer token is not a Secret Token of this monitor. Copy the current token into Entra again.';
    default:
      return 'The listener failed while handling the request.';
  }
}

export interface FixtureSummary {
  readonly rows: number;
  readonly cycles: number;
  readonly from: number;
  readonly to: number;
  readonly buildMs: number;
}

/**
 * Loads with the log's indexes dropped and rebuilt afterwards (sorting once beats 1M random index inserts), without
 * fsync or WAL, and with a large page cache; then puts back the settings the monitor runs with. The `failures` table
 * is filled through the recorder's own repository (electron/db/failures-repo.ts), exactly as the listener fills it.
 */
function bulkLoad(store: Store, load: () => void): void {
  const { db } = store;
  const indexes = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests' AND sql IS NOT NULL")
    .all();
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -200000');
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  load();
  for (const index of indexes) db.exec(index.sql);
  db.pragma('cache_size = -2000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('journal_mode = WAL');
}

/**
 * Fills `store` with `rows` logged requests ending at `now`; `failureRate` (default 5%) is the share of
 * non-discovery requests that fail (the export benchmark asks for more).
 */
export function buildLogFixture(store: Store, rows: number, now: number, options: { readonly failureRate?: number } = {}): FixtureSummary {
  const failureRate = options.failureRate ?? 0.05;
  const started = performance.now();
  const { db } = store;
  const random = prng(20_240_601);
  const from = now - 30 * DAY;
  const cycleCount = 600;
  const perCycle = Math.ceil(rows / cycleCount);
  const spacing = 100;
  const insertRequest = db.prepare(
    `INSERT INTO requests (id, ts, method, path, query, status, duration_ms, client_ip, token_id, resource_type, resource_id, scim_type,
       req_bytes, res_bytes, entity, operation, action, outcome, identity, external_id, change_id, cycle_id, error_code, member_count,
       dialect, fault, forwarded_for) VALUES (?, ?, ?, ?, ?, ?, ?, '20.190.128.1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '20.190.128.1')`,
  );
  const failures = failuresRepo(db);
  const insertBodies = db.prepare('INSERT INTO request_bodies (request_id, req_headers, req_body, res_headers, res_body) VALUES (?, ?, ?, ?, ?)');
  const insertModified = db.prepare('INSERT INTO modified_properties (request_id, attribute, old_value, new_value) VALUES (?, ?, ?, ?)');
  const insertCycle = db.prepare(
    `INSERT INTO cycles (id, started, ended, kind, requests, probes, matches, creates, updates, disables, deletes, others, successes, failures,
       skipped, auth_failures, not_found_lists, server_errors, identities, users_at_start) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?)`,
  );
  // Entra's token is not in `tokens` (such rows count as Entra's, api/log-source.ts); the simulator's is internal.
  db.prepare("INSERT INTO tokens (id, label, hash, last4, created, source) VALUES (?, ?, 'bench', 'ench', ?, 'internal')").run(SIMULATOR_TOKEN, SIMULATOR_TOKEN_LABEL, new Date(from).toISOString());
  let id = 0;
  const writeCycle = (cycle: number): void => {
    const start = from + Math.floor((cycle * 30 * DAY) / cycleCount);
    const count = Math.min(perCycle, rows - id);
    const token = cycle % SIMULATED_EVERY === SIMULATED_EVERY - 1 ? SIMULATOR_TOKEN : ENTRA_TOKEN;
    const tally = { matches: 0, creates: 0, updates: 0, disables: 0, deletes: 0, others: 0, failures: 0, auth: 0, server: 0 };
    for (let i = 0; i < count; i += 1) {
      id += 1;
      const ts = start + i * spacing + Math.floor(random() * spacing);
      const kind = KIND_TABLE[Math.floor(random() * KIND_TABLE.length)]!;
      const n = Math.floor(random() * (kind.entity === 'Group' ? GROUPS : USERS));
      const identity = kind.entity === 'Config' ? null : kind.entity === 'Group' ? `Group ${n} Engineering` : `user${n}@contoso.com`;
      const resourceId = identity === null ? null : idOf(kind.entity === 'Group' ? USERS + n : n);
      const failure = random() < failureRate && kind.entity !== 'Config' ? FAILURE_TABLE[Math.floor(random() * FAILURE_TABLE.length)]! : null;
      const status = failure?.status ?? (kind.operation === 'create' ? 201 : kind.operation === 'delete' ? 204 : 200);
      const collection = kind.operation === 'match' || kind.operation === 'list' || kind.operation === 'create';
      const path = kind.entity === 'Config' ? '/scim/v2/Schemas' : `/scim/v2/${kind.entity}s${collection ? '' : `/${resourceId}`}`;
      const query = kind.operation === 'match' ? `filter=${kind.entity === 'Group' ? 'displayName' : 'userName'}+eq+%22${encodeURIComponent(identity ?? '')}%22` : '';
      const attribute = ['displayName', 'title', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'][n % 3]!;
      const write = kind.method !== 'GET';
      const reqBody = write ? JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: attribute, value: `Value ${ts % 997}` }] }) : null;
      const resBody = failure
        ? JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), ...(failure.scimType ? { scimType: failure.scimType } : {}), detail: detailOf(status, identity ?? '', resourceId ?? '', attribute) })
        : JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: resourceId, userName: identity, active: true, meta: { resourceType: kind.entity, version: `W/"${ts % 50}"` } });
      const outcome = failure ? 'Failure' : 'Success';
      const fault = random() < 0.001 ? 'latency-2s' : null;
      insertRequest.run(
        id, ts, kind.method, path, query, status, 1 + random() * 8, token, kind.entity, resourceId, failure?.scimType ?? null, reqBody?.length ?? 0, resBody.length,
        kind.entity, kind.operation, kind.action, outcome, identity, kind.entity === 'Config' ? null : `ext-${n}`, randomUUID(), cycle + 1,
        failure?.code ?? null, kind.operation.endsWith('members') ? 1 + (n % 5) : null, write ? 'default' : null, fault,
      );
      insertBodies.run(id, HEADERS, reqBody, RES_HEADERS, resBody);
      const fields = { ts, entity: kind.entity, operation: kind.operation, status, scim_type: failure?.scimType ?? null, error_code: failure?.code ?? null, identity, cycle_id: cycle + 1 };
      if (failure) failures.recordFailure(id, fields, detailOf(status, identity ?? '', resourceId ?? '', attribute));
      else failures.resolve(id, fields);
      if (write && !failure && kind.operation !== 'delete') insertModified.run(id, attribute, `Value ${(ts - 1) % 997}`, `Value ${ts % 997}`);
      tally.matches += kind.operation === 'match' ? 1 : 0;
      tally.creates += kind.action === 'Create' ? 1 : 0;
      tally.updates += kind.action === 'Update' ? 1 : 0;
      tally.disables += kind.action === 'Disable' ? 1 : 0;
      tally.deletes += kind.action === 'Delete' ? 1 : 0;
      tally.others += kind.action === 'Other' ? 1 : 0;
      tally.failures += failure ? 1 : 0;
      tally.auth += failure?.status === 401 ? 1 : 0;
      tally.server += failure?.status === 500 ? 1 : 0;
    }
    const t = tally;
    insertCycle.run(cycle + 1, start, start + count * spacing, cycle === 0 ? 'initial' : 'incremental', count, t.matches, t.creates, t.updates, t.disables,
      t.deletes, t.others, count - t.failures, t.failures, t.auth, t.server, Math.min(count, USERS + GROUPS), USERS);
  };
  const batch = db.transaction((cycles: number[]) => cycles.forEach(writeCycle));
  const cyclesPerBatch = Math.max(1, Math.floor(BATCH / perCycle));
  bulkLoad(store, () => {
    for (let cycle = 0; cycle < cycleCount && id < rows; cycle += cyclesPerBatch) {
      batch(Array.from({ length: Math.min(cyclesPerBatch, cycleCount - cycle) }, (_, i) => cycle + i));
    }
  });
  return { rows: id, cycles: cycleCount, from, to: now, buildMs: performance.now() - started };
}
