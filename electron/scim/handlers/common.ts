/**
 * Pieces every resource handler uses: preconditions, uniqueness errors and timestamps.
 */

import type { IncomingHttpHeaders } from 'node:http';
import { ScimError } from '../errors.js';
import { etagOf } from '../render.js';
import type { ScimHandler } from '../http/types.js';

/** The handlers of one resource endpoint (`/Users` or `/Groups`). */
export interface ResourceHandlers {
  readonly list: ScimHandler;
  readonly search: ScimHandler;
  readonly create: ScimHandler;
  readonly get: ScimHandler;
  readonly replace: ScimHandler;
  readonly patch: ScimHandler;
  readonly remove: ScimHandler;
}

/**
 * RFC 7644 §3.14: an `If-Match` that names another version fails with 412, so a stale client cannot overwrite a
 * newer change. `*` matches any version; weak and strong forms of our ETag are both accepted.
 */
export function checkIfMatch(headers: IncomingHttpHeaders, version: number): void {
  const header = headers['if-match'];
  if (header === undefined) return;
  const wanted = header.split(',').map((tag) => tag.trim());
  const current = etagOf(version);
  const ok = wanted.some((tag) => tag === '*' || tag === current || `W/${tag}` === current);
  if (!ok) {
    throw new ScimError(412, `The resource is at version ${current}, not ${header}; read it again before changing it.`);
  }
}

/** RFC 7644 §3.14 / RFC 7232 §3.2: a GET whose `If-None-Match` names the current version is answered 304. */
export function isNotModified(headers: IncomingHttpHeaders, version: number): boolean {
  const header = headers['if-none-match'];
  if (header === undefined) return false;
  const current = etagOf(version);
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === current || `W/${trimmed}` === current;
  });
}

/** True when better-sqlite3 reports a UNIQUE constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Timestamps are ISO 8601 UTC with milliseconds, as RFC 7643 §2.3.5 dateTime asks. */
export const timestamp = (): string => new Date().toISOString();
