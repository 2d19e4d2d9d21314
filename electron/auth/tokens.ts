/**
 * Secret tokens as Britive issues them (entra-behavior.md §12): random, shown once, with a label and a validity,
 * re-creatable; and the bearer check the listener runs on every request (entra-behavior.md §14 item 2).
 */

import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { TokenSummary } from '../../shared/api/admin-types.js';
import type { TokenRow, TokenSource, TokensRepo } from '../db/tokens-repo.js';

/** 32 random bytes (256 bits) as base64url, behind a prefix that makes a leaked token easy to recognise. */
const TOKEN_PREFIX = 'pmscim_';
const DAY_MS = 86_400_000;
/** last_used is written at most once a minute per token, so the hot path does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;
/** How long an authenticated token's row is reused without reading it again. */
const REMEMBER_MS = 1_000;
const REMEMBERED_MAX = 64;

/** What the admin sees about a token (never the secret or its hash), plus where it was created. */
export interface TokenInfo extends TokenSummary {
  readonly source: TokenSource;
}

export interface CreatedToken {
  readonly info: TokenInfo;
  /** The secret, to be shown once and never again. */
  readonly secret: string;
}

export type AuthResult =
  | { readonly ok: true; readonly token: TokenInfo }
  | { readonly ok: false; readonly reason: 'missing' | 'scheme' | 'unknown' | 'revoked' | 'expired'; readonly detail: string; readonly token?: TokenInfo };

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

const toInfo = (row: TokenRow): TokenInfo => ({
  id: row.id,
  label: row.label,
  created: row.created,
  expires: row.expires,
  lastUsed: row.last_used,
  revoked: row.revoked,
  last4: row.last4,
  source: row.source,
});

export interface TokenService {
  create(options: { label: string; days?: number | null; source?: 'app' | 'cli' }): CreatedToken;
  /** Registers a secret chosen by the caller (`serve --token`); idempotent for the same secret. */
  register(secret: string, label: string): TokenInfo;
  /** Revokes a token and issues a new one with the same label and validity, like Britive's Re-Create. */
  recreate(id: string): CreatedToken;
  revoke(id: string): boolean;
  list(): TokenInfo[];
  hasActive(): boolean;
  /**
   * The secret of this run's internal token with this label (created on first use, e.g. "Replay (in-app)"), so the
   * app's own requests (Replay, the simulator) reach the listener through the same authenticated path as Entra's
   * while their log rows say where they came from. Never listed, never counted as a token Entra could use, revoked by
   * the next start; the secret exists only in this process's memory.
   */
  internal(label: string): string;
  /** Whether an authenticated token is one of this run's internal tokens. */
  isInternal(token: TokenInfo): boolean;
  /**
   * Whether the token with this id is internal (this run's or an earlier one's), as the log's sender column decides
   * (api/log-source.ts); false for an unknown id. Asked once per logged request, so answered from memory.
   */
  isInternalId(id: string): boolean;
  /** Checks an `Authorization` header value. */
  authenticate(header: string | undefined): AuthResult;
}

export function tokenService(repo: TokensRepo, now: () => Date = () => new Date()): TokenService {
  const lastTouched = new Map<string, number>();
  const internalSecrets = new Map<string, string>();
  // A token's source is fixed at birth, so each id is read once. Ids come from authenticated rows only, so this
  // holds at most one entry per token in the table.
  const internalIds = new Map<string, boolean>();
  // Entra sends the same secret on every request: its row is kept by hash for REMEMBER_MS, so the hot path skips the
  // lookup. Only known tokens are kept (a flood of wrong tokens cannot grow it); revoking through this service forgets
  // at once, and a revoke by another process (the `token` CLI beside `serve`) is seen within REMEMBER_MS.
  const recent = new Map<string, { readonly row: TokenRow; readonly at: number }>();
  const remember = (row: TokenRow, at: number): void => {
    if (recent.size >= REMEMBERED_MAX) recent.clear();
    recent.set(row.hash, { row, at });
  };
  // Internal tokens of an earlier run are dead: their secrets died with that process.
  repo.revokeInternal(now().toISOString());

  const insert = (secret: string, label: string, days: number | null, source: TokenSource): TokenInfo => {
    const created = now();
    const row = {
      id: randomUUID(),
      label,
      hash: hashSecret(secret),
      last4: secret.slice(-4),
      created: created.toISOString(),
      expires: days === null ? null : new Date(created.getTime() + days * DAY_MS).toISOString(),
      source,
    };
    repo.insert(row);
    return toInfo({ ...row, last_used: null, revoked: null });
  };

  const create: TokenService['create'] = ({ label, days = null, source = 'app' }) => {
    if (label.trim() === '') throw new Error('A token needs a label, e.g. "Entra ID production".');
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      throw new Error('Validity must be a whole number of days between 1 and 3650, or none.');
    }
    const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return { info: insert(secret, label.trim(), days, source), secret };
  };

  const authenticate = (header: string | undefined): AuthResult => {
    if (header === undefined || header.trim() === '') {
      return { ok: false, reason: 'missing', detail: 'No Authorization header was sent. Paste the Secret Token into Entra\'s Secret Token field.' };
    }
    const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      return { ok: false, reason: 'scheme', detail: 'The Authorization header must use the Bearer scheme with the Secret Token.' };
    }
    const hash = hashSecret(match[1]);
    const remembered = recent.get(hash);
    const age = remembered === undefined ? -1 : now().getTime() - remembered.at;
    const fresh = remembered !== undefined && age >= 0 && age < REMEMBER_MS;
    const row = fresh ? remembered.row : repo.findByHash(hash);
    // The lookup is by hash, so response time does not depend on how much of the secret was right; compare the
    // stored hash in constant time anyway so no future change to the lookup can turn into a timing oracle.
    if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hash, 'hex'))) {
      return { ok: false, reason: 'unknown', detail: 'The bearer token is not a Secret Token of this monitor. Copy the current token into Entra again.' };
    }
    const at = now();
    if (!fresh) remember(row, at.getTime());
    const info = toInfo(row);
    if (row.revoked !== null) {
      return { ok: false, reason: 'revoked', detail: `The Secret Token "${row.label}" (…${row.last4}) was revoked on ${row.revoked}. Create a new token and update Entra.`, token: info };
    }
    if (row.expires !== null && Date.parse(row.expires) <= at.getTime()) {
      return { ok: false, reason: 'expired', detail: `The Secret Token "${row.label}" (…${row.last4}) expired on ${row.expires}. Re-create it and update Entra.`, token: info };
    }
    const previous = lastTouched.get(row.id) ?? 0;
    if (at.getTime() - previous >= TOUCH_INTERVAL_MS) {
      lastTouched.set(row.id, at.getTime());
      repo.touch(row.id, at.toISOString());
    }
    return { ok: true, token: info };
  };

  return {
    create,
    register(secret, label) {
      if (secret.length < 16) throw new Error('A fixed --token must be at least 16 characters long.');
      const existing = repo.findByHash(hashSecret(secret));
      if (existing?.revoked === null) return toInfo(existing);
      if (existing) throw new Error('This --token was revoked earlier; choose a new secret.');
      return insert(secret, label, null, 'cli');
    },
    recreate(id) {
      const row = repo.findById(id);
      if (!row || row.source === 'internal') throw new Error(`No token with id ${id}.`);
      const days = row.expires === null ? null : Math.max(1, Math.round((Date.parse(row.expires) - Date.parse(row.created)) / DAY_MS));
      recent.clear();
      repo.revoke(id, now().toISOString());
      return create({ label: row.label, days, source: row.source });
    },
    revoke: (id) => {
      recent.clear();
      return repo.revoke(id, now().toISOString());
    },
    internal(label) {
      const known = internalSecrets.get(label);
      if (known !== undefined) return known;
      const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      insert(secret, label, null, 'internal');
      internalSecrets.set(label, secret);
      return secret;
    },
    isInternal: (token) => token.source === 'internal',
    isInternalId(id) {
      let internal = internalIds.get(id);
      if (internal === undefined) {
        const row = repo.findById(id);
        internal = row?.source === 'internal';
        // An unknown id is not remembered: a token created later by another process may still take it.
        if (row !== undefined) internalIds.set(id, internal);
      }
      return internal;
    },
    list: () => repo.list().map(toInfo),
    hasActive: () => repo.countActive(now().toISOString()) > 0,
    authenticate,
  };
}
