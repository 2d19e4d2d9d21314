/**
 * Who an id is, in proxy mode. There is no local directory to ask, so the proxy remembers what the upstream's
 * answers said (a created user's userName, a matched group's displayName) in a small bounded map, and falls back
 * to the newest log row about the same resource, which also covers ids learnt before a restart.
 */

import type { ScimResourceType } from '../../shared/scim/constants.js';
import type { Db } from '../db/open.js';

export interface KnownResource {
  readonly identity: string;
  readonly externalId: string | null;
}

export interface IdentityMemory {
  recall(type: ScimResourceType, id: string): KnownResource | undefined;
  remember(type: ScimResourceType, id: string, known: KnownResource): void;
}

/** Entries kept in memory; a large tenant's older ids are still found in the log. */
export const IDENTITY_MEMORY_SIZE = 10_000;

export function identityMemory(db: Db, capacity = IDENTITY_MEMORY_SIZE): IdentityMemory {
  const entries = new Map<string, KnownResource>();
  // requests_resource (resource_id, ts) serves this; the newest row that named the resource wins.
  const lookup = db.prepare<[string, string], { identity: string; external_id: string | null }>(
    `SELECT identity, external_id FROM requests
      WHERE resource_id = ? AND resource_type = ? AND identity IS NOT NULL
      ORDER BY ts DESC, id DESC LIMIT 1`,
  );
  const put = (key: string, known: KnownResource): void => {
    entries.delete(key);
    entries.set(key, known);
    if (entries.size > capacity) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
  };
  return {
    recall(type, id) {
      const key = `${type}:${id}`;
      const cached = entries.get(key);
      if (cached) {
        put(key, cached);
        return cached;
      }
      const row = lookup.get(id, type);
      if (!row) return undefined;
      const known = { identity: row.identity, externalId: row.external_id };
      put(key, known);
      return known;
    },
    remember(type, id, known) {
      put(`${type}:${id}`, known);
    },
  };
}
