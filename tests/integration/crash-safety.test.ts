/**
 * Crash safety (issue 11; architecture.md, "Nothing acknowledged is lost"): the real `serve` process is killed with
 * SIGKILL while 16 clients create users, three times on the same data dir. After each kill the database file passes
 * `PRAGMA integrity_check`, every answered request has its log row with the status the client saw, and after a
 * restart every user answered 201 is there. Nothing the server printed, and no column of any table, holds the token.
 */

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/db/open.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

const TOKEN = 'crash-safety-token-0123456789abcdef';
const WRONG = 'crash-safety-wrong-token-fedcba9876543210';
const CLIENTS = 16;
const ROUNDS = 3;
/** The kill comes once this many requests were answered in a round (or after KILL_BOUND_MS, whichever is first). */
const KILL_AFTER_ANSWERS = 300;
const KILL_BOUND_MS = 4_000;
const MAX_PER_CLIENT = 5_000;

type Kind = 'create' | 'invalid' | 'unauthorized';
interface Sent {
  readonly userName: string;
  readonly kind: Kind;
  /** The HTTP status the client received; null when the connection died first. */
  status: number | null;
  id?: string;
}

const dataDir = mkdtempSync(join(tmpdir(), 'pm-crash-'));
const processes: ServeProcess[] = [];

afterAll(() => {
  for (const p of processes) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const serve = async (): Promise<ServeProcess> => {
  const p = await startServe(['--port', '0', '--admin-port', '0', '--token', TOKEN, '--data-dir', dataDir]);
  processes.push(p);
  return p;
};

/**
 * One client: creates users (every 9th request invalid, every 9th with a wrong token) back to back until the server
 * is gone, so requests are in flight when the kill lands. MAX_PER_CLIENT only bounds a kill that never comes.
 */
async function client(base: string, round: number, index: number, sent: Sent[], answered: () => void): Promise<void> {
  for (let i = 0; i < MAX_PER_CLIENT; i += 1) {
    const userName = `r${round}.c${index}.n${i}@crash.test`;
    const kind: Kind = i % 9 === 4 ? 'unauthorized' : i % 9 === 7 ? 'invalid' : 'create';
    const record: Sent = { userName, kind, status: null };
    sent.push(record);
    try {
      const response = await fetch(`${base}/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kind === 'unauthorized' ? WRONG : TOKEN}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({ userName, active: kind === 'invalid' ? 'maybe' : true, displayName: `User ${i}` }),
      });
      const body = (await response.json()) as { id?: string };
      record.status = response.status;
      if (body.id !== undefined) record.id = body.id;
      answered();
    } catch {
      return; // the server is gone: this request's outcome is unknown to the client
    }
  }
}

/**
 * Reads the killed server's file read-only: SQLite reads through the hot WAL it left, and leaves the WAL in place, so
 * the restarted server has to recover it itself.
 */
function inspectDatabase(sent: readonly Sent[]): { integrity: string; missing: string[]; inFlightCommitted: number; rows: number; wal: boolean } {
  const wal = existsSync(join(dataDir, `${DATABASE_FILE}-wal`));
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const statuses = db.prepare<[string], { status: number }>("SELECT status FROM requests WHERE method = 'POST' AND identity = ?").pluck();
    const missing = sent
      .filter((s) => s.status !== null && !(statuses.all(s.userName) as unknown as number[]).includes(s.status))
      .map((s) => `${s.userName} (${s.kind}, answered ${s.status})`);
    const inFlightCommitted = sent.filter((s) => s.status === null && statuses.all(s.userName).length > 0).length;
    const rows = (db.prepare('SELECT count(*) FROM requests').pluck().get() as number) ?? 0;
    return { integrity, missing, inFlightCommitted, rows, wal };
  } finally {
    db.close();
  }
}

/** Every table, every column: the token must be nowhere. */
function expectTokenNowhere(): void {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables).toContain('requests');
    for (const table of tables) {
      const dump = JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all());
      expect(dump.includes(TOKEN), table).toBe(false);
      expect(dump.includes(WRONG), table).toBe(false);
    }
  } finally {
    db.close();
  }
}

/** GETs every user answered 201, 16 at a time; returns the userNames that are not there as answered. */
async function missingUsers(base: string, created: readonly Sent[]): Promise<string[]> {
  const missing: string[] = [];
  const queue = [...created];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        const response = await fetch(`${base}/Users/${next.id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        const body = (await response.json()) as { userName?: string };
        if (response.status !== 200 || body.userName !== next.userName) missing.push(`${next.userName}: ${response.status} ${body.userName}`);
      }
    }),
  );
  return missing;
}

describe('SIGKILL while 16 clients create users', () => {
  it(`loses nothing that was answered, ${ROUNDS} kills in a row on the same data dir`, async () => {
    let toVerify: Sent[] = [];
    for (let round = 1; round <= ROUNDS + 1; round += 1) {
      const server = await serve();
      // What the previous, killed process answered 201 is there after the restart.
      expect(await missingUsers(server.scimUrl, toVerify)).toEqual([]);
      if (round > ROUNDS) {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        break;
      }

      const sent: Sent[] = [];
      let answers = 0;
      let killed = false;
      const kill = (): void => {
        if (killed) return;
        killed = true;
        server.child.kill('SIGKILL');
      };
      const bound = setTimeout(kill, KILL_BOUND_MS);
      const onAnswer = (): void => {
        answers += 1;
        if (answers >= KILL_AFTER_ANSWERS) kill();
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(server.scimUrl, round, i, sent, onAnswer)));
      clearTimeout(bound);
      expect(await server.exited).toBe('SIGKILL');

      const report = inspectDatabase(sent);
      const count = (kind: Kind, status: number) => sent.filter((s) => s.kind === kind && s.status === status).length;
      // Unanswered: in flight when the kill landed, or sent after it (each client's last attempt).
      const inFlight = sent.filter((s) => s.status === null).length;
      console.info(
        `crash-safety run ${round}: ${sent.length} sent, ${sent.length - inFlight} answered ` +
          `(${count('create', 201)}×201, ${count('invalid', 400)}×400, ${count('unauthorized', 401)}×401), ` +
          `${inFlight} unanswered at SIGKILL (${report.inFlightCommitted} of them committed anyway), ${report.rows} log rows in the file` +
          `${report.wal ? ' (WAL left behind for the restart to recover)' : ''}, integrity_check: ${report.integrity}`,
      );
      expect(report.integrity).toBe('ok');
      expect(report.missing).toEqual([]);
      expect(sent.every((s) => s.status === null || s.status === { create: 201, invalid: 400, unauthorized: 401 }[s.kind])).toBe(true);
      expect(count('create', 201)).toBeGreaterThan(0);
      expect(inFlight).toBeGreaterThan(0); // the kill landed while the clients were sending
      toVerify = sent.filter((s) => s.status === 201);
    }

    const printed = processes.map((p) => p.output()).join('\n');
    expect(printed).toContain('SCIM endpoint:');
    expect(printed.includes(TOKEN)).toBe(false);
    expect(printed.includes(WRONG)).toBe(false);
    expectTokenNowhere();
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 90_000);
});
