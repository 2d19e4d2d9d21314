/**
 * SQL for the secret tokens table. Only hashes are stored; the secret itself never reaches the database.
 */

import type { Db } from './open.js';

/** Where a token came from. `internal` tokens authenticate the app's own Replay and simulator; they live for one run. */
export type TokenSource = 'app' | 'cli' | 'internal';

export interface TokenRow {
  readonly id: string;
  readonly label: string;
  readonly hash: string;
  readonly last4: string;
  readonly created: string;
  readonly expires: string | null;
  readonly last_used: string | null;
  readonly revoked: string | null;
  readonly source: TokenSource;
}

export interface TokensRepo {
  insert(row: Omit<TokenRow, 'last_used' | 'revoked'>): void;
  findByHash(hash: string): TokenRow | undefined;
  findById(id: string): TokenRow | undefined;
  list(): TokenRow[];
  revoke(id: string, when: string): boolean;
  touch(id: string, when: string): void;
  /** Active tokens an admin issued (internal ones do not count: Entra cannot use them). */
  countActive(now: string): number;
  /** Revokes every internal token left by an earlier run; returns how many. */
  revokeInternal(when: string): number;
}

export function tokensRepo(db: Db): TokensRepo {
  const insert = db.prepare(
    `INSERT INTO tokens (id, label, hash, last4, created, expires, source)
     VALUES (@id, @label, @hash, @last4, @created, @expires, @source)`,
  );
  const byHash = db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?');
  const byId = db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?');
  const list = db.prepare<[], TokenRow>("SELECT * FROM tokens WHERE source <> 'internal' ORDER BY created DESC, id");
  const revoke = db.prepare('UPDATE tokens SET revoked = ? WHERE id = ? AND revoked IS NULL');
  const touch = db.prepare('UPDATE tokens SET last_used = ? WHERE id = ?');
  const countActive = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM tokens WHERE revoked IS NULL AND source <> 'internal' AND (expires IS NULL OR expires > ?)",
  );
  const revokeInternal = db.prepare("UPDATE tokens SET revoked = ? WHERE source = 'internal' AND revoked IS NULL");
  return {
    insert: (row) => void insert.run(row),
    findByHash: (hash) => byHash.get(hash),
    findById: (id) => byId.get(id),
    list: () => list.all(),
    revoke: (id, when) => revoke.run(when, id).changes > 0,
    touch: (id, when) => void touch.run(when, id),
    countActive: (now) => countActive.get(now)?.n ?? 0,
    revokeInternal: (when) => revokeInternal.run(when).changes,
  };
}
