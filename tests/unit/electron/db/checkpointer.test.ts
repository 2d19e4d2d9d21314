import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NUDGE_COMMITS, startCheckpointer, type Checkpointer } from '../../../../electron/db/checkpointer.js';
import { openDatabase, type Db } from '../../../../electron/db/open.js';

let dir: string;
let db: Db;
let checkpointer: Checkpointer | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-ckpt-'));
  db = openDatabase(join(dir, 'monitor.db'));
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, blob TEXT NOT NULL)');
});

afterEach(async () => {
  await checkpointer?.stop();
  checkpointer = undefined;
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const autocheckpoint = (): number => db.pragma('wal_autocheckpoint', { simple: true }) as number;

/** Polls until `condition` holds (the worker runs on its own schedule); fails after `ms`. */
async function eventually(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Commits `n` small transactions, each appending pages to the WAL. */
const write = (n: number): void => {
  const insert = db.prepare('INSERT INTO filler (blob) VALUES (?)');
  for (let i = 0; i < n; i += 1) insert.run('x'.repeat(3000));
};

/** WAL frames not yet copied into the database, as a PASSIVE checkpoint from this connection would report them. */
const uncheckpointed = (): number => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return row!.log - row!.checkpointed;
};

describe('the checkpoint worker', () => {
  it('takes automatic checkpoints away from the writer once it runs, and copies the WAL into the database', async () => {
    expect(autocheckpoint()).toBe(1000);
    checkpointer = startCheckpointer(db, join(dir, 'monitor.db'), { intervalMs: 20 });
    await eventually(() => checkpointer!.running());
    expect(autocheckpoint()).toBe(4000);
    const before = statSync(join(dir, 'monitor.db')).size;
    write(300);
    // The worker's checkpoints grow the database file with the rows the writer only appended to the WAL.
    await eventually(() => statSync(join(dir, 'monitor.db')).size > before + 300 * 3000);
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 300 });
  });

  it('checkpoints at once when the writer has committed NUDGE_COMMITS times, without waiting for its timer', async () => {
    checkpointer = startCheckpointer(db, join(dir, 'monitor.db'), { intervalMs: 3_600_000 });
    await eventually(() => checkpointer!.running());
    const before = statSync(join(dir, 'monitor.db')).size;
    for (let i = 0; i < NUDGE_COMMITS; i += 1) {
      write(5);
      checkpointer.committed();
    }
    await eventually(() => statSync(join(dir, 'monitor.db')).size > before + NUDGE_COMMITS * 5 * 3000);
  });

  it('gives automatic checkpoints back when stopped, and the writer can close cleanly afterwards', async () => {
    checkpointer = startCheckpointer(db, join(dir, 'monitor.db'), { intervalMs: 20 });
    await eventually(() => checkpointer!.running());
    await checkpointer.stop();
    expect(checkpointer.running()).toBe(false);
    expect(autocheckpoint()).toBe(1000);
    write(10);
    expect(uncheckpointed()).toBe(0);
    db.close();
    const reopened = openDatabase(join(dir, 'monitor.db'));
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 10 });
    reopened.close();
  });

  it('reports a worker that cannot open the database and leaves checkpoints with the writer', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      checkpointer = startCheckpointer(db, join(dir, 'missing', 'nowhere.db'), { intervalMs: 20 });
      await eventually(() => errors.mock.calls.length > 0);
      expect(String(errors.mock.calls[0]![0])).toMatch(/checkpoint worker failed/);
      expect(checkpointer.running()).toBe(false);
      expect(autocheckpoint()).toBe(1000);
      await checkpointer.stop();
    } finally {
      errors.mockRestore();
    }
  });
});
