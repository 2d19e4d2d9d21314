/**
 * The admin surface's secrets (issue 11, "Admin surface"): a per-process admin key for scripts and tests, one-time
 * keys that the open URL carries, and the browser sessions they are exchanged for. All live in memory only: a
 * restart signs every browser out, which is the safe default for a loopback tool.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 2 minutes: long enough to click the link `serve` printed, short enough that a stale link is worthless. */
export const ONE_TIME_KEY_TTL_MS = 2 * 60_000;
/** Sessions end after a day without use; a restart ends them all. */
export const SESSION_IDLE_MS = 24 * 60 * 60_000;
/** Bounds memory however many links are issued or sessions opened; the oldest go first. */
const MAX_PENDING_KEYS = 32;
const MAX_SESSIONS = 64;

const digest = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('base64url');

export interface AdminSecrets {
  /** Random per-process secret accepted as `Authorization: Bearer <adminKey>`. */
  readonly adminKey: string;
  /** A new single-use key (≥128 bits) that expires after ONE_TIME_KEY_TTL_MS. */
  issueOneTimeKey(): string;
  /** Consumes a one-time key; returns a new session id (256 bits) or null when the key is unknown, used or expired. */
  exchange(key: string): string | null;
  /** Whether a session id from the cookie is live; refreshes its idle timer. */
  hasSession(id: string): boolean;
  /** Constant-time check of a bearer value against the admin key. */
  isAdminKey(candidate: string): boolean;
}

export function createAdminSecrets(now: () => number = Date.now, keyTtlMs = ONE_TIME_KEY_TTL_MS): AdminSecrets {
  const adminKey = randomBytes(32).toString('base64url');
  const adminDigest = Buffer.from(digest(adminKey));
  // Maps are keyed by digests, so neither a lookup nor a memory dump hands out a usable key.
  const pending = new Map<string, number>();
  const sessions = new Map<string, number>();

  const trim = (map: Map<string, number>, max: number): void => {
    while (map.size > max) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) return;
      map.delete(oldest);
    }
  };

  return {
    adminKey,
    issueOneTimeKey() {
      const key = randomBytes(24).toString('base64url'); // 192 bits
      pending.set(digest(key), now() + keyTtlMs);
      trim(pending, MAX_PENDING_KEYS);
      return key;
    },
    exchange(key) {
      const hashed = digest(key);
      const expires = pending.get(hashed);
      pending.delete(hashed); // single use: gone whether it was still valid or not
      if (expires === undefined || expires <= now()) return null;
      const id = randomBytes(32).toString('base64url'); // 256 bits
      sessions.set(digest(id), now());
      trim(sessions, MAX_SESSIONS);
      return id;
    },
    hasSession(id) {
      const hashed = digest(id);
      const lastUsed = sessions.get(hashed);
      if (lastUsed === undefined) return false;
      if (now() - lastUsed > SESSION_IDLE_MS) {
        sessions.delete(hashed);
        return false;
      }
      // Re-inserting keeps the map in least-recently-used order for trim().
      sessions.delete(hashed);
      sessions.set(hashed, now());
      return true;
    },
    isAdminKey(candidate) {
      const given = Buffer.from(digest(candidate));
      return given.length === adminDigest.length && timingSafeEqual(given, adminDigest);
    },
  };
}
