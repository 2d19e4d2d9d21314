/**
 * Retention on a real SQLite file: age and size pruning, oldest first, in batches, bodies and modified properties
 * removed with their rows, cycles kept (issue 3 item 7).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/api/admin-types.js';
import { openDatabase, type Db } from '../../../../electron/db/open.js';
import { requestLogRepo, type RequestLogEntry } from '../../../../electron/db/request-log-repo.js';
import { retentionRepo } from '../../../../electron/db/retention-repo.js';
import { startRetention, type Retention } from '../../../../electron/provisioning/retention.js';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

let dir: string;
let db: Db;
let retention: Retention | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-retention-'));
  db = openDatabase(join(dir, 'monitor.db'));
});

afterEach(() => {
  retention?.stop();
  retention = undefined;
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function entry(ts: number, i: number): RequestLogEntry {
  return {
    ts, method: 'PATCH', path: `/scim/v2/Users/${i}`, query: '', status: 200, duration_ms: 1, client_ip: '127.0.0.1', token_id: null,
    resource_type: 'User', resource_id: String(i), scim_type: null, req_bytes: 0, res_bytes: 0, entity: 'User', operation: 'update',
    action: 'Update', outcome: 'Success', identity: `user${i}@contoso.com`, external_id: null, change_id: `c${i}`, cycle_id: 1,
    error_code: null, member_count: null, dialect: null, fault: null, forwarded_for: null, replay_of: null,
  };
}

/** Inserts `count` rows at the given timestamps, each with a body of `bodyBytes` and two modified properties. */
function insertRows(count: number, tsOf: (i: number) => number, bodyBytes = 100): void {
  const log = requestLogRepo(db);
  const body = 'x'.repeat(bodyBytes);
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      log.insert(entry(tsOf(i), i), { req_headers: '{}', req_body: body, res_headers: '{}', res_body: body }, [
        { attribute: 'displayName', oldValue: 'a', newValue: 'b' },
        { attribute: 'active', oldValue: 'true', newValue: 'false' },
      ]);
    }
  })();
}

const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const orphans = (table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.id = t.request_id)`).get() as { n: number }).n;
const settings = (patch: Partial<Settings>) => ({ get: () => ({ ...DEFAULT_SETTINGS, ...patch }) });

describe('retention by age', () => {
  it('deletes rows older than retentionDays with their bodies and modified properties, and keeps cycles', async () => {
    db.prepare("INSERT INTO cycles (id, started, ended, kind) VALUES (1, ?, ?, 'initial')").run(NOW - 10 * DAY_MS, NOW);
    insertRows(100, (i) => NOW - (10 - i / 10) * DAY_MS); // from 10 days ago up to 0.1 day ago
    retention = startRetention({ db, settings: settings({ retentionDays: 3, maxDatabaseMb: 0 }), now: () => NOW, batch: 7 });

    const report = await retention.pruneOnce();

    const oldest = (db.prepare('SELECT min(ts) AS ts FROM requests').get() as { ts: number }).ts;
    expect(oldest).toBeGreaterThanOrEqual(NOW - 3 * DAY_MS);
    expect(report.deletedByAge).toBe(70);
    expect(report.done).toBe(true);
    expect(count('requests')).toBe(30);
    expect(count('request_bodies')).toBe(30);
    expect(count('modified_properties')).toBe(60);
    expect(orphans('request_bodies')).toBe(0);
    expect(orphans('modified_properties')).toBe(0);
    expect(count('cycles')).toBe(1);
  });

  it('keeps everything when retentionDays is 0', async () => {
    insertRows(20, (i) => NOW - (400 + i) * DAY_MS);
    retention = startRetention({ db, settings: settings({ retentionDays: 0, maxDatabaseMb: 0 }), now: () => NOW });
    expect((await retention.pruneOnce()).deletedByAge).toBe(0);
    expect(count('requests')).toBe(20);
  });

  it('stops after maxBatches per pass and continues on the next', async () => {
    insertRows(50, () => NOW - 30 * DAY_MS);
    retention = startRetention({ db, settings: settings({ retentionDays: 1, maxDatabaseMb: 0 }), now: () => NOW, batch: 10, maxBatches: 2 });
    const first = await retention.pruneOnce();
    expect(first).toMatchObject({ deletedByAge: 20, done: false });
    expect(count('requests')).toBe(30);
    await retention.pruneOnce();
    await retention.pruneOnce();
    expect(count('requests')).toBe(0);
  });

  it('prunes in the background on its interval, and not after stop()', async () => {
    insertRows(10, () => NOW - 30 * DAY_MS);
    retention = startRetention({ db, settings: settings({ retentionDays: 1 }), now: () => NOW, intervalMs: 20 });
    await vi.waitFor(() => expect(count('requests')).toBe(0), { timeout: 5_000 });
    retention.stop();
    insertRows(10, () => NOW - 30 * DAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count('requests')).toBe(10);
  });
});

describe('retention by size', () => {
  it('deletes the oldest rows until the used size is under maxDatabaseMb, bodies included', async () => {
    insertRows(1_500, (i) => NOW - 1_000_000 + i, 1_500); // ≈ 4.5 MB of bodies, all recent
    const repo = retentionRepo(db);
    expect(repo.usedBytes()).toBeGreaterThan(3 * 1024 * 1024);
    retention = startRetention({ db, settings: settings({ retentionDays: 30, maxDatabaseMb: 1 }), now: () => NOW, batch: 100 });

    const report = await retention.pruneOnce();

    expect(report.deletedByAge).toBe(0);
    expect(report.deletedBySize).toBeGreaterThan(0);
    expect(report.done).toBe(true);
    expect(report.usedBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(repo.usedBytes()).toBeLessThanOrEqual(1024 * 1024);
    // Oldest first: what is left is the newest rows, contiguous up to the last one.
    const { lo, hi, n } = db.prepare('SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM requests').get() as { lo: number; hi: number; n: number };
    expect(hi).toBe(1_500);
    expect(n).toBe(hi - lo + 1);
    expect(n).toBeGreaterThan(0);
    expect(orphans('request_bodies')).toBe(0);
    expect(orphans('modified_properties')).toBe(0);
    expect(count('request_bodies')).toBe(n);
    // No VACUUM: the file keeps its pages, the freed ones wait on the freelist for new rows.
    expect(repo.fileBytes()).toBeGreaterThan(repo.usedBytes());
  });

  it('does nothing under the limit or with no limit', async () => {
    insertRows(50, (i) => NOW - i);
    retention = startRetention({ db, settings: settings({ retentionDays: 0, maxDatabaseMb: 1 }), now: () => NOW });
    expect((await retention.pruneOnce()).deletedBySize).toBe(0);
    retention.stop();
    retention = startRetention({ db, settings: settings({ retentionDays: 0, maxDatabaseMb: 0 }), now: () => NOW });
    expect((await retention.pruneOnce()).deletedBySize).toBe(0);
    expect(count('requests')).toBe(50);
  });
});
