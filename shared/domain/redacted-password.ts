/**
 * Finds the passwords the request log removed from a body (electron/scim/http/redact.ts), so a replay never sends
 * the mask `[redacted]` as if it were the password without saying so: the replay service refuses or warns
 * (electron/api/replay-request.ts), and Live's edit form warns before it sends.
 *
 * It looks where the redaction writes: a `password` attribute anywhere (RFC 7643 §4.1.1, writeOnly) and the value of
 * a PATCH operation whose path is `password` (RFC 7644 §3.5.2). A display name that happens to read "[redacted]" is
 * not a password and does not count.
 */

import { REDACTED_MARKER } from '../api/replay-types.js';

const isPasswordPath = (path: unknown): boolean => typeof path === 'string' && /(^|:)password$/i.test(path.trim());

function holdsMarker(value: unknown, depth: number): boolean {
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => holdsMarker(item, depth + 1));
  const record = value as Record<string, unknown>;
  if (isPasswordPath(record.path) && record.value === REDACTED_MARKER) return true;
  return Object.entries(record).some(([key, item]) => (key.toLowerCase() === 'password' && item === REDACTED_MARKER) || holdsMarker(item, depth + 1));
}

/** Whether a request body still holds a password the log replaced by `[redacted]`. */
export function hasRedactedPassword(body: string | null): boolean {
  if (body === null || !body.includes(REDACTED_MARKER)) return false;
  try {
    return holdsMarker(JSON.parse(body) as unknown, 0);
  } catch {
    // A body that is not JSON was redacted by pattern (log-entry.ts); look for the same pattern.
    return /"password"\s*:\s*"\[redacted\]"/i.test(body);
  }
}
