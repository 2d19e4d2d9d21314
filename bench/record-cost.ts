/**
 * What logging alone costs: CPU per request for the log row a GET leaves (its cycle counters, the failure check,
 * the bodies) written through the listener's own recorder, in group commits of 4 rows (the batch size the listener
 * sees with 10 connections), with checkpoints on their worker as in `serve`. No HTTP, no directory read.
 *
 * Set beside `baseline.http.cpu_us_per_req` this is the floor under `scim.get.cpu_us_per_req`: a listener that
 * commits this row before answering cannot cost less than the bare server plus this figure.
 *
 * The second figure writes the same rows into a log without the four indexes every row enters (time, resource,
 * identity, cycle; the others are partial and a successful GET skips them). Those indexes serve the Live screen's
 * paging, the identity timeline and the cycle views, so the product cannot drop them: the figure says how much of
 * the floor they are, and that even a log without them costs more than the goal leaves (README, Performance).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCheckpointer } from '../electron/db/checkpointer.js';
import { openStore } from '../electron/monitor.js';
import type { Figure } from './figure.js';

const ROWS = 40_000;
const BATCH = 4;

/** The indexes of `requests` that every logged row enters (migrations 0003, 0004; 0009 made the others partial). */
const WHOLE_LOG_INDEXES = ['requests_ts', 'requests_resource', 'requests_identity_ts', 'requests_cycle'];

export async function recordCostFigures(): Promise<Figure[]> {
  return [
    { name: 'log.record_get.cpu_us_per_req', value: await cpuPerRow(false), unit: 'µs' },
    { name: 'log.record_get_unindexed.cpu_us_per_req', value: await cpuPerRow(true), unit: 'µs' },
  ];
}

async function cpuPerRow(withoutWholeLogIndexes: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-record-'));
  const store = openStore(dir);
  if (withoutWholeLogIndexes) for (const index of WHOLE_LOG_INDEXES) store.db.exec(`DROP INDEX ${index}`);
  const checkpointer = startCheckpointer(store.db, store.db.name);
  try {
    const commit = store.db.transaction((from: number) => {
      for (let i = from; i < from + BATCH; i += 1) store.record({ entry: entry(i), bodies: BODIES, modified: [], resultCount: undefined });
    });
    // Warm up (statements, page cache, a first cycle row), then measure.
    for (let i = 0; i < 4_000; i += BATCH) commit(i);
    const before = process.cpuUsage();
    for (let i = 4_000; i < 4_000 + ROWS; i += BATCH) {
      commit(i);
      checkpointer.committed();
    }
    const used = process.cpuUsage(before);
    return Math.round(((used.user + used.system) / ROWS) * 10) / 10;
  } finally {
    await checkpointer.stop();
    store.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const BODIES = {
  req_headers: '{"host":"127.0.0.1","authorization":"Bearer ••••abcd","content-type":"application/scim+json","user-agent":"autocannon"}',
  req_body: null,
  res_headers: '{"content-type":"application/scim+json; charset=utf-8","etag":"W/\\"1\\"","location":"http://127.0.0.1/scim/v2/Users/x"}',
  res_body: JSON.stringify({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id: 'x',
    userName: 'user1@contoso.com',
    name: { givenName: 'User', familyName: '1', formatted: 'User 1' },
    emails: [{ value: 'user1@contoso.com', type: 'work', primary: true }],
    active: true,
    meta: { resourceType: 'User', version: 'W/"1"' },
  }),
};

/** A logged GET of one of 2,000 users, as the listener classifies it. */
function entry(i: number) {
  const user = (i * 7919) % 2_000;
  return {
    ts: Date.now(), method: 'GET', path: `/scim/v2/Users/id-${user}`, query: '', status: 200, duration_ms: 0.3, client_ip: '127.0.0.1', token_id: null,
    resource_type: 'User', resource_id: `id-${user}`, scim_type: null, req_bytes: 0, res_bytes: BODIES.res_body.length, entity: 'User', operation: 'read',
    action: 'Other', outcome: 'Success', identity: `user${user}@contoso.com`, external_id: null, change_id: `change-${i}`, cycle_id: null, error_code: null,
    member_count: null, dialect: null, fault: null, forwarded_for: null, replay_of: null,
  };
}
