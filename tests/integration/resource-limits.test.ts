/**
 * Resource limits (issue 11): under sustained load on loopback, retention keeps the database within maxDatabaseMb
 * and retentionDays; and when the disk is full (simulated with SQLite's max_page_count, which fails writes with
 * SQLITE_FULL exactly as a full disk does) the listener answers 503 with a SCIM error and Retry-After, records
 * nothing half-way, says "database or disk is full" on the console, keeps running, and recovers once there is room.
 */

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/api/admin-types.js';
import { DATABASE_FILE } from '../../electron/db/open.js';
import { retentionRepo } from '../../electron/db/retention-repo.js';
import { startRetention } from '../../electron/provisioning/retention.js';
import { startTestMonitor, type ScimReply, type TestMonitor } from '../support/monitor.js';
import { expectScimError, filterParam, patchOp } from './scim-helpers.js';

const MB = 1024 * 1024;
const HOUR = 3_600_000;

/** Runs `total` requests from `clients` parallel clients; `make(i)` sends request i. */
async function load(clients: number, total: number, make: (i: number) => Promise<ScimReply>): Promise<ScimReply[]> {
  const replies: ScimReply[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) replies[i] = await make(i);
    }),
  );
  return replies;
}

describe('size limit and retention under sustained load', () => {
  let t: TestMonitor;
  let clock = Date.UTC(2026, 0, 5, 9);

  beforeAll(async () => {
    t = await startTestMonitor({ now: () => clock });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('keeps the used size under maxDatabaseMb and the log within retentionDays, round after round', async () => {
    const limitMb = 2;
    const retention = startRetention({ db: t.monitor.db, settings: { get: () => ({ ...DEFAULT_SETTINGS, retentionDays: 1, maxDatabaseMb: limitMb }) }, now: () => clock, intervalMs: 3_600_000, batch: 25 });
    const repo = retentionRepo(t.monitor.db);
    const user = (await t.scim('POST', '/Users', { userName: 'load.target@contoso.com' })).body.id as string;
    const pad = 'p'.repeat(8 * 1024);
    let written = 0;
    try {
      for (let round = 0; round < 6; round += 1) {
        // 150 requests: rejected 8 KB creates (bodies logged), 8 KB PATCHes of one user (request and response logged),
        // matches. ≈ 2 MB of log per round, so every round crosses the limit.
        const replies = await load(8, 150, (i) => {
          if (i % 3 === 0) return t.scim('POST', '/Users', { userName: `load.${round}.${i}`, active: 'maybe', 'x-pad': pad });
          if (i % 3 === 1) return t.scim('PATCH', `/Users/${user}`, patchOp({ op: 'Replace', path: 'title', value: `${round}.${i}.${pad}` }));
          return t.scim('GET', `/Users?${filterParam(`userName eq "load.${round}.${i}"`)}`);
        });
        written += replies.length;
        expect(replies.filter((r) => r.status >= 500)).toEqual([]);
        clock += 6 * HOUR;
        const report = await retention.pruneOnce();
        const oldest = (t.monitor.db.prepare('SELECT min(ts) FROM requests').pluck().get() as number | null) ?? clock;
        const wal = statSync(join(t.dataDir, `${DATABASE_FILE}-wal`), { throwIfNoEntry: false })?.size ?? 0;
        console.info(`retention round ${round}: used ${(report.usedBytes / MB).toFixed(2)} MB, file ${(repo.fileBytes() / MB).toFixed(2)} MB, WAL ${(wal / MB).toFixed(2)} MB, ` +
          `deleted ${report.deletedBySize} by size and ${report.deletedByAge} by age, ${t.monitor.log.count()} rows kept of ${written}`);
        expect(report.done).toBe(true);
        expect(report.usedBytes).toBeLessThanOrEqual(limitMb * MB);
        expect(oldest).toBeGreaterThanOrEqual(clock - 24 * HOUR);
        // No VACUUM, so the file keeps its high-water mark: the limit plus what one round wrote before the prune.
        expect(repo.fileBytes()).toBeLessThanOrEqual((limitMb + 3) * MB);
        expect(wal).toBeLessThanOrEqual(16 * MB); // checkpoints keep the WAL near 1,000 pages
      }
      expect(t.monitor.log.count()).toBeLessThan(written);
      expect(t.monitor.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await t.scim('GET', `/Users/${user}`)).status).toBe(200);
    } finally {
      retention.stop();
    }
  }, 60_000);
});

describe('disk full', () => {
  let t: TestMonitor;
  // Recorded, not printed: each 503 prints one line.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const maxPages = (): number => t.monitor.db.pragma('max_page_count', { simple: true }) as number;
  let original: number;

  beforeAll(async () => {
    t = await startTestMonitor();
    original = maxPages();
  });
  afterEach(() => {
    t.monitor.db.pragma(`max_page_count = ${original}`);
  });
  afterAll(async () => {
    consoleError.mockRestore();
    await t?.stop();
  });

  it('answers 503 with a SCIM error and Retry-After, records nothing half-way, and recovers when there is room', async () => {
    const group = (await t.scim('POST', '/Groups', { displayName: 'Before the disk filled' })).body.id as string;
    const rowsBefore = t.monitor.log.count();
    // SQLite never sets max_page_count below the current size: this freezes the file where it is.
    t.monitor.db.pragma('max_page_count = 1');
    expect(maxPages()).toBe(t.monitor.db.pragma('page_count', { simple: true }));

    const big = 'x'.repeat(16 * 1024);
    const names = Array.from({ length: 40 }, (_, i) => `full.${i}@contoso.com`);
    const replies = await load(8, names.length, (i) => {
      const userName = names[i] as string;
      if (i % 4 === 0) return t.scim('GET', `/Users?${filterParam(`userName eq "${userName}"`)}`);
      if (i % 4 === 1) return t.scim('PATCH', `/Groups/${group}`, patchOp({ op: 'Replace', path: 'displayName', value: `${userName} ${big}` }));
      return t.scim('POST', '/Users', { userName, ...(i % 4 === 2 ? { title: big } : {}) });
    });

    const unavailable = replies.filter((r) => r.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.status >= 500 && r.status !== 503)).toEqual([]);
    for (const reply of unavailable) {
      expectScimError(reply, 503);
      expect(reply.headers.get('retry-after')).toBe('60');
    }
    // The console names the cause.
    expect(consoleError.mock.calls.map(String).some((line) => line.includes('database or disk is full'))).toBe(true);
    expect(consoleError.mock.calls.map(String).filter((line) => line.includes('unexpected error'))).toEqual([]);
    // Every answer the clients saw is in the log with that status; a 503 left no row and no user behind.
    const logged = t.monitor.db.prepare<[string], number>('SELECT status FROM requests WHERE identity LIKE ? ESCAPE \'\\\'').pluck();
    replies.forEach((reply, i) => {
      const rows = logged.all(`${names[i]}%`);
      if (reply.status === 503) expect(rows, names[i]).toEqual([]);
      else expect(rows, names[i]).toContain(reply.status);
    });
    for (const [i, reply] of replies.entries()) {
      if (i % 4 >= 2 && reply.status === 503) expect(t.monitor.directory.users.list({ where: 'r.user_name = ?', params: [names[i] as string] }, 0, 1).total).toBe(0);
    }
    expect(t.monitor.log.count()).toBe(rowsBefore + replies.filter((r) => r.status !== 503).length);
    expect(t.monitor.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Room again: the same requests now succeed, on the same running listener.
    t.monitor.db.pragma(`max_page_count = ${original}`);
    const retried = await t.scim('POST', '/Users', { userName: 'after.full@contoso.com', title: big });
    expect(retried.status, retried.text).toBe(201);
    expect((await t.scim('PATCH', `/Groups/${group}`, patchOp({ op: 'Replace', path: 'displayName', value: `Room again ${big}` }))).status).toBe(204);
    expect(t.monitor.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
