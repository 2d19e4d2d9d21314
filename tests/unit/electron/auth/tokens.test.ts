import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret, tokenService, type TokenService } from '../../../../electron/auth/tokens.js';
import { openDatabase, type Db } from '../../../../electron/db/open.js';
import { tokensRepo, type TokensRepo } from '../../../../electron/db/tokens-repo.js';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const DAY_MS = 86_400_000;

let db: Db;
let repo: TokensRepo;
let clock: Date;
let service: TokenService;

beforeEach(() => {
  db = openDatabase(':memory:');
  repo = tokensRepo(db);
  clock = T0;
  service = tokenService(repo, () => clock);
});

afterEach(() => {
  db.close();
});

const bearer = (secret: string): string => `Bearer ${secret}`;

describe('create', () => {
  it('issues a prefixed base64url secret of at least 256 bits', () => {
    const { secret } = service.create({ label: 'Entra' });
    expect(secret.startsWith('pmscim_')).toBe(true);
    const random = secret.slice('pmscim_'.length);
    expect(random).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(random.length).toBeGreaterThanOrEqual(43);
    expect(Buffer.from(random, 'base64url')).toHaveLength(32);
  });

  it('issues a different secret every time', () => {
    const secrets = new Set(Array.from({ length: 20 }, () => service.create({ label: 'x' }).secret));
    expect(secrets.size).toBe(20);
  });

  it('stores only the SHA-256 hash and the last four characters', () => {
    const { info, secret } = service.create({ label: 'Entra' });
    const row = repo.findById(info.id);
    expect(row?.hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(row?.hash).toBe(hashSecret(secret));
    expect(row?.hash).not.toBe(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice('pmscim_'.length));
    expect(row?.last4).toBe(secret.slice(-4));
    expect(info.last4).toBe(secret.slice(-4));
  });

  it('returns and lists the token info fields, never the hash or secret', () => {
    const { info } = service.create({ label: '  Entra ID production  ', days: 30 });
    expect(info).toEqual({
      id: info.id,
      label: 'Entra ID production',
      created: T0.toISOString(),
      expires: new Date(T0.getTime() + 30 * DAY_MS).toISOString(),
      lastUsed: null,
      revoked: null,
      last4: info.last4,
      source: 'app',
    });
    expect(service.list()).toEqual([info]);
    expect(Object.keys(service.list()[0] ?? {}).sort()).toEqual(['created', 'expires', 'id', 'label', 'last4', 'lastUsed', 'revoked', 'source']);
  });

  it('has no expiry when days is omitted or null', () => {
    expect(service.create({ label: 'a' }).info.expires).toBeNull();
    expect(service.create({ label: 'b', days: null }).info.expires).toBeNull();
  });

  it.each(['', '   '])('requires a label (%j)', (label) => {
    expect(() => service.create({ label })).toThrow(/label/);
    expect(service.list()).toEqual([]);
  });

  it.each([0, -1, 3651, 1.5, Number.NaN])('rejects %s days', (days) => {
    expect(() => service.create({ label: 'x', days })).toThrow(/between 1 and 3650/);
  });

  it.each([1, 3650])('accepts %s days', (days) => {
    expect(service.create({ label: 'x', days }).info.expires).toBe(new Date(T0.getTime() + days * DAY_MS).toISOString());
  });
});

describe('authenticate', () => {
  it('accepts the secret with the Bearer scheme in any case and surrounding spaces', () => {
    const { info, secret } = service.create({ label: 'Entra' });
    expect(service.authenticate(bearer(secret))).toEqual({ ok: true, token: info });
    expect(service.authenticate(`  bearer   ${secret} `).ok).toBe(true);
    expect(service.authenticate(`BEARER ${secret}`).ok).toBe(true);
  });

  it('tells missing, wrong scheme and unknown apart without echoing the secret', () => {
    const { secret } = service.create({ label: 'Entra' });
    expect(service.authenticate(undefined)).toMatchObject({ ok: false, reason: 'missing' });
    expect(service.authenticate('  ')).toMatchObject({ ok: false, reason: 'missing' });
    expect(service.authenticate(`Basic ${secret}`)).toMatchObject({ ok: false, reason: 'scheme' });
    expect(service.authenticate('Bearer')).toMatchObject({ ok: false, reason: 'scheme' });
    expect(service.authenticate(`Bearer ${secret} extra`)).toMatchObject({ ok: false, reason: 'scheme' });
    const unknown = service.authenticate(bearer(`${secret}x`));
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown' });
    expect(JSON.stringify(unknown)).not.toContain(secret);
  });

  it('expires a token exactly at its expiry time', () => {
    const { secret } = service.create({ label: 'Short', days: 1 });
    clock = new Date(T0.getTime() + DAY_MS - 1);
    expect(service.authenticate(bearer(secret)).ok).toBe(true);
    expect(service.hasActive()).toBe(true);
    clock = new Date(T0.getTime() + DAY_MS);
    const result = service.authenticate(bearer(secret));
    expect(result).toMatchObject({ ok: false, reason: 'expired' });
    if (!result.ok) expect(result.detail).toContain(new Date(T0.getTime() + DAY_MS).toISOString());
    expect(service.hasActive()).toBe(false);
  });

  it('refuses a revoked token and names it in the detail', () => {
    const { info, secret } = service.create({ label: 'Old' });
    expect(service.revoke(info.id)).toBe(true);
    expect(service.revoke(info.id)).toBe(false);
    const result = service.authenticate(bearer(secret));
    expect(result).toMatchObject({ ok: false, reason: 'revoked', token: { id: info.id, revoked: T0.toISOString() } });
    if (!result.ok) {
      expect(result.detail).toContain('revoked');
      expect(result.detail).toContain(`…${info.last4}`);
      expect(result.detail).not.toContain(secret);
    }
    expect(service.hasActive()).toBe(false);
  });

  it('records last use at most once a minute', () => {
    const { info, secret } = service.create({ label: 'Used' });
    service.authenticate(bearer(secret));
    expect(service.list()[0]?.lastUsed).toBe(T0.toISOString());
    clock = new Date(T0.getTime() + 59_999);
    service.authenticate(bearer(secret));
    expect(repo.findById(info.id)?.last_used).toBe(T0.toISOString());
    clock = new Date(T0.getTime() + 60_000);
    service.authenticate(bearer(secret));
    expect(repo.findById(info.id)?.last_used).toBe(clock.toISOString());
  });
});

describe('recreate and register', () => {
  it('revokes the old token and issues a new one with the same label, source and validity', () => {
    const old = service.create({ label: 'Britive', days: 90 });
    clock = new Date(T0.getTime() + 10 * DAY_MS);
    const fresh = service.recreate(old.info.id);
    expect(fresh.secret).not.toBe(old.secret);
    expect(fresh.info).toMatchObject({ label: 'Britive', source: 'app', created: clock.toISOString(), expires: new Date(clock.getTime() + 90 * DAY_MS).toISOString() });
    expect(service.authenticate(bearer(old.secret))).toMatchObject({ ok: false, reason: 'revoked' });
    expect(service.authenticate(bearer(fresh.secret)).ok).toBe(true);
    expect(() => service.recreate('no-such-id')).toThrow(/No token/);
  });

  it('keeps no expiry when re-creating a token without one', () => {
    const old = service.create({ label: 'Forever' });
    expect(service.recreate(old.info.id).info.expires).toBeNull();
  });

  it('registers a fixed secret idempotently and refuses short or revoked ones', () => {
    const secret = 'a-fixed-secret-for-scripts';
    const info = service.register(secret, 'serve --token');
    expect(info).toMatchObject({ label: 'serve --token', source: 'cli', expires: null, last4: 'ipts' });
    expect(service.register(secret, 'serve --token')).toEqual(info);
    expect(service.list()).toHaveLength(1);
    expect(service.authenticate(bearer(secret)).ok).toBe(true);
    expect(() => service.register('short', 'x')).toThrow(/16 characters/);
    service.revoke(info.id);
    expect(() => service.register(secret, 'serve --token')).toThrow(/revoked/);
  });
});

describe('internal tokens', () => {
  it('authenticate like any token, once per label per run, and stay out of the list and the active count', () => {
    const secret = service.internal('Replay (in-app)');
    expect(service.internal('Replay (in-app)')).toBe(secret);
    const auth = service.authenticate(bearer(secret));
    expect(auth.ok).toBe(true);
    expect(auth.ok && service.isInternal(auth.token)).toBe(true);
    expect(auth.token?.label).toBe('Replay (in-app)');
    expect(service.list()).toEqual([]);
    expect(service.hasActive()).toBe(false);
    const issued = service.create({ label: 'Entra' });
    const entra = service.authenticate(bearer(issued.secret));
    expect(entra.ok && service.isInternal(entra.token)).toBe(false);
    expect(service.list().map((t) => t.label)).toEqual(['Entra']);
  });

  it('die with the run: the next start revokes them', () => {
    const secret = service.internal('Simulator (in-app)');
    const restarted = tokenService(repo, () => clock);
    const auth = restarted.authenticate(bearer(secret));
    expect(auth.ok).toBe(false);
    expect(auth.ok ? '' : auth.reason).toBe('revoked');
    expect(restarted.internal('Simulator (in-app)')).not.toBe(secret);
  });

  it('are told apart by id, this run’s and earlier runs’ alike, as the log’s sender column tells them', () => {
    service.internal('Simulator (in-app)');
    const earlier = db.prepare<[], { id: string }>("SELECT id FROM tokens WHERE source = 'internal'").get()!.id;
    const restarted = tokenService(repo, () => clock);
    restarted.internal('Simulator (in-app)');
    const current = db.prepare<[string], { id: string }>("SELECT id FROM tokens WHERE source = 'internal' AND id <> ?").get(earlier)!.id;
    const entra = restarted.create({ label: 'Entra' }).info.id;
    expect([earlier, current, entra, 'no-such-token'].map((id) => restarted.isInternalId(id))).toEqual([true, true, false, false]);
  });

  it('cannot be re-created through the token API', () => {
    service.internal('Replay (in-app)');
    const row = db.prepare<[], { id: string }>("SELECT id FROM tokens WHERE source = 'internal'").get();
    expect(() => service.recreate(row!.id)).toThrow(/No token/);
  });
});

describe('remembered tokens', () => {
  it('a revoke through the service applies to the very next request', () => {
    const { info, secret } = service.create({ label: 'Entra' });
    expect(service.authenticate(bearer(secret)).ok).toBe(true);
    service.revoke(info.id);
    expect(service.authenticate(bearer(secret))).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('a revoke by another process (the token CLI writes the table) is seen within a second', () => {
    const { info, secret } = service.create({ label: 'Entra' });
    expect(service.authenticate(bearer(secret)).ok).toBe(true);
    repo.revoke(info.id, T0.toISOString());
    clock = new Date(T0.getTime() + 1_000);
    expect(service.authenticate(bearer(secret))).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('expiry is checked on every request, remembered or not', () => {
    const { secret } = service.create({ label: 'Entra', days: 1 });
    expect(service.authenticate(bearer(secret)).ok).toBe(true);
    clock = new Date(T0.getTime() + DAY_MS);
    expect(service.authenticate(bearer(secret))).toMatchObject({ ok: false, reason: 'expired' });
  });
});
