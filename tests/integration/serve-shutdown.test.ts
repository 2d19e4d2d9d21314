import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../electron/db/open.js';
import { startServe } from '../support/serve-process.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-serve-stop-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('serve stops cleanly', () => {
  it('on SIGTERM: stops the checkpoint worker, closes the database (no WAL left behind) and exits 0', async () => {
    const serve = await startServe(['--port', '0', '--admin-port', '0', '--data-dir', dir, '--token', 'a-fixed-token-for-this-test-only']);
    const headers = { authorization: 'Bearer a-fixed-token-for-this-test-only', 'content-type': 'application/scim+json' };
    for (let i = 0; i < 20; i += 1) {
      const reply = await fetch(`${serve.scimUrl}/Users`, { method: 'POST', headers, body: JSON.stringify({ userName: `stop${i}@contoso.com`, active: true }) });
      expect(reply.status).toBe(201);
    }
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(serve.output()).toContain('Stopped.');
    // The last connection to close checkpoints and deletes the WAL: its absence shows the database was closed.
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(false);
    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 20 });
      expect(db.prepare("SELECT count(*) AS n FROM requests WHERE method = 'POST'").get()).toEqual({ n: 20 });
    } finally {
      db.close();
    }
  }, 60_000);
});
