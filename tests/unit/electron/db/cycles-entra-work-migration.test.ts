/**
 * Migration 0010 counts Entra's work in the cycles that existed before it, by the log's own sender rule
 * (api/log-source.ts): replays and requests with an internal token are the app's; probes and schema reads are no
 * work; a cycle whose rows were pruned has nothing left to count.
 */

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrate.js';
import { MIGRATIONS } from '../../../../electron/db/migrations/index.js';

const T0 = Date.UTC(2026, 10, 28, 9);

describe('migration 0010 (cycles.entra_work)', () => {
  it('backfills each cycle with the requests Entra sent other than probes and schema reads', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 10));
    const token = db.prepare("INSERT INTO tokens (id, label, hash, last4, created, source) VALUES (?, ?, ?, 'abcd', '2026-01-01', ?)");
    token.run('entra', 'Entra ID', 'h1', 'app');
    token.run('sim', 'Simulator (in-app)', 'h2', 'internal');
    const cycle = db.prepare("INSERT INTO cycles (id, started, ended, kind, requests, probes) VALUES (?, ?, ?, 'incremental', ?, ?)");
    const request = db.prepare(
      "INSERT INTO requests (ts, method, path, status, duration_ms, token_id, operation, cycle_id, replay_of) VALUES (?, 'GET', '/Users', 200, 1, ?, ?, ?, ?)",
    );
    // 1: Entra's probe, then the simulator's work in the same cycle.
    cycle.run(1, T0, T0 + 3, 3, 1);
    request.run(T0, 'entra', 'test-connection', 1, null);
    request.run(T0 + 1, 'sim', 'match', 1, null);
    request.run(T0 + 2, 'sim', 'create', 1, null);
    // 2: Entra's schema read and work (one request with no token, still counted as Entra's, as the log shows it),
    // and a replay of one of them with Entra's token typed in.
    cycle.run(2, T0 + 40, T0 + 44, 4, 0);
    request.run(T0 + 40, 'entra', 'discovery', 2, null);
    request.run(T0 + 41, 'entra', 'match', 2, null);
    request.run(T0 + 42, null, 'create', 2, null);
    request.run(T0 + 43, 'entra', 'create', 2, 6);
    // 3: rows pruned by retention.
    cycle.run(3, T0 + 80, T0 + 90, 10, 0);

    migrate(db);
    const counts = db.prepare<[], { id: number; entra_work: number }>('SELECT id, entra_work FROM cycles ORDER BY id').all();
    expect(counts).toEqual([
      { id: 1, entra_work: 0 },
      { id: 2, entra_work: 2 },
      { id: 3, entra_work: 0 },
    ]);
    db.close();
  });
});
