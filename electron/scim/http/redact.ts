/**
 * Keeps secrets out of the request log: the bearer token and any password Entra might send.
 */

import type { IncomingHttpHeaders } from 'node:http';

// x-provisioning-monitor-replay-key carries the app's internal replay secret (replay-link.ts).
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-provisioning-monitor-replay-key']);
const MASK = '••••';
export const REDACTED = '[redacted]';

/**
 * Masks secret headers. A bearer token keeps its last four characters (`Bearer ••••abcd`) so the admin can tell
 * which token generation Entra presented (design/screens.md, Screen 1), without the log holding a usable secret.
 */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (!SECRET_HEADERS.has(name)) {
      out[name] = text;
      continue;
    }
    const bearer = /^\s*(bearer)\s+(\S+)\s*$/i.exec(text);
    const secret = bearer?.[2];
    out[name] = bearer && secret ? `${bearer[1] ?? 'Bearer'} ${MASK}${secret.length > 12 ? secret.slice(-4) : ''}` : REDACTED;
  }
  return out;
}

const isPasswordPath = (path: unknown): boolean => typeof path === 'string' && /(^|:)password$/i.test(path.trim());

/**
 * Replaces `password` values anywhere in a JSON body, including PATCH operations whose path is `password`.
 * SCIM's password is writeOnly (RFC 7643 §4.1.1); the listener never stores it, and the log must not either.
 */
export function redactBody(value: unknown, depth = 0): unknown {
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redactBody(item, depth + 1));
  const source = value as Record<string, unknown>;
  const patchOnPassword = isPasswordPath(source.path) && 'value' in source;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) {
    const secret = key.toLowerCase() === 'password' || (patchOnPassword && key === 'value');
    // defineProperty keeps a JSON key such as "__proto__" an ordinary own property instead of a prototype change.
    Object.defineProperty(out, key, { value: secret ? REDACTED : redactBody(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
