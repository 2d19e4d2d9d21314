/**
 * How authenticate() compares secrets (issue 11, "Auth"; style.md §6.4 "a constant-time bearer check"): the presented
 * secret is hashed first and only its SHA-256 reaches the database, as the key of a unique-index lookup; the row found
 * is confirmed with crypto.timingSafeEqual. So response time can depend on the hash of what was sent, never on how
 * much of the real secret it shares. Expiry and revocation are covered in tokens.test.ts and auth-and-log.test.ts.
 */

import { createHash, timingSafeEqual as realTimingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Spy on timingSafeEqual while keeping every other export real.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const { timingSafeEqual } = await import('node:crypto');
const { tokenService } = await import('../../../../electron/auth/tokens.js');
const { openDatabase } = await import('../../../../electron/db/open.js');
const { tokensRepo } = await import('../../../../electron/db/tokens-repo.js');

type Db = ReturnType<typeof openDatabase>;
type Repo = ReturnType<typeof tokensRepo>;

let db: Db;
let calls: { method: string; args: unknown[] }[];
let repo: Repo;

beforeEach(() => {
  db = openDatabase(':memory:');
  const real = tokensRepo(db);
  calls = [];
  // Records every repository call; the service must only ever ask by hash.
  repo = Object.fromEntries(
    Object.entries(real).map(([method, fn]) => [method, (...args: unknown[]) => (calls.push({ method, args }), (fn as (...a: unknown[]) => unknown)(...args))]),
  ) as unknown as Repo;
  vi.mocked(timingSafeEqual).mockClear();
});

afterEach(() => db.close());

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('authenticate looks tokens up by hash, never by secret', () => {
  it('passes only the SHA-256 of the presented secret to the repository, and confirms it with timingSafeEqual', () => {
    const service = tokenService(repo);
    const { secret } = service.create({ label: 'Entra' });
    calls.length = 0;

    expect(service.authenticate(`Bearer ${secret}`).ok).toBe(true);

    const lookups = calls.filter((call) => call.method !== 'touch');
    expect(lookups).toEqual([{ method: 'findByHash', args: [sha256(secret)] }]);
    expect(JSON.stringify(calls)).not.toContain(secret);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    const [a, b] = vi.mocked(timingSafeEqual).mock.calls[0] as [Buffer, Buffer];
    expect([a.length, b.length]).toEqual([32, 32]);
    expect(realTimingSafeEqual(a, Buffer.from(sha256(secret), 'hex'))).toBe(true);
  });

  it('asks the same single question for a wrong secret, whatever it shares with the right one', () => {
    const service = tokenService(repo);
    const { secret } = service.create({ label: 'Entra' });
    const attempts = [secret.slice(0, -1), `${secret.slice(0, -1)}x`, 'x'.repeat(secret.length), `${secret}x`, 'short'];
    for (const attempt of attempts) {
      calls.length = 0;
      expect(service.authenticate(`Bearer ${attempt}`)).toMatchObject({ ok: false, reason: 'unknown' });
      expect(calls).toEqual([{ method: 'findByHash', args: [sha256(attempt)] }]);
    }
  });

  it('finds the row through the unique index on the hash (one B-tree probe, no scan of secrets)', () => {
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT * FROM tokens WHERE hash = ?').all('00') as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan).toMatch(/USING INDEX tokens_hash/);
    const columns = (db.prepare('PRAGMA table_info(tokens)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).toEqual(['id', 'label', 'hash', 'last4', 'created', 'expires', 'last_used', 'revoked', 'source']);
  });
});
