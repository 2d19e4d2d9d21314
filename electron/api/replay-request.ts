/**
 * What a replay sends (issue 8): the logged request, or the admin's edit of it, turned into one HTTP request for the
 * listener. Pure: electron/api/replay.ts sends it and finds the row it was logged as.
 *
 * The log never holds a usable secret (electron/scim/http/redact.ts), so two things cannot be re-sent as they were:
 * - the bearer token, stored as `Bearer ••••last4`. Kept like that (or left out), the replay authenticates with the
 *   monitor's own internal replay token; a value the admin typed is sent exactly, so a wrong token can be rehearsed;
 * - a password, stored as `[redacted]`. Re-sending that text would set the literal password "[redacted]" (in proxy
 *   mode, in the admin's own app), and a replay that silently differs from its original would mislead. So "Replay"
 *   refuses such a body with a clear error, and "Edit & replay" sends what the admin left in it, with a warning.
 */

import type { ReplayAuth, ReplayDraft, ReplayEdit, ReplayHeader } from '../../shared/api/replay-types.js';
import { REDACTED_MARKER } from '../../shared/api/replay-types.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { LoggedRequest } from '../db/request-log-repo.js';
import { REPLAY_KEY_HEADER, REPLAY_OF_HEADER } from '../scim/http/replay-link.js';
import { hasRedactedPassword } from '../../shared/domain/redacted-password.js';

/** Set by the monitor for the listener's local address and the body it sends (RFC 9110 §7.6.1 hop-by-hop too). */
const TRANSPORT = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'proxy-connection', 'expect', 'http2-settings']);
/** Left out of the draft: the replay goes straight to the listener, not through the tunnel that added them. */
const VIA_TUNNEL = new Set(['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip']);
/** Secrets the log replaced by `[redacted]`: re-sending the mask would mean nothing. Authorization is handled apart. */
const MASKED_SECRETS = new Set(['cookie', 'set-cookie', 'proxy-authorization', 'x-api-key']);
const OWN_PREFIX = 'x-provisioning-monitor-';
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,16}$/;

/** The log's mask of a secret header: `Bearer ••••abcd`, `Bearer ••••` or `[redacted]`. */
export const isMasked = (value: string): boolean => value.includes('••••') || value.trim() === REDACTED_MARKER;

function loggedHeaders(json: string): ReplayHeader[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
    return Object.entries(parsed).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : String(value) }));
  } catch {
    return [];
  }
}

/** A body the original had but the log does not (over the size limit, or cut off): the replay cannot send it. */
const missingBody = (logged: LoggedRequest): string | null =>
  logged.req_body === null && logged.req_bytes > 0
    ? `The original body (${logged.req_bytes} bytes) was not logged (too large, or the connection dropped), so the replay sends none.`
    : null;

const targetOf = (logged: LoggedRequest): string => (logged.query === '' ? logged.path : `${logged.path}?${logged.query}`);

/** The request "Replay" sends for a logged exchange, as the edit form starts from it. */
export function replayDraft(logged: LoggedRequest): ReplayDraft {
  const dropped: string[] = [];
  const headers = loggedHeaders(logged.req_headers).filter(({ name, value }) => {
    const lower = name.toLowerCase();
    if (TRANSPORT.has(lower) || lower.startsWith(OWN_PREFIX)) return false;
    const drop = VIA_TUNNEL.has(lower) || (MASKED_SECRETS.has(lower) && isMasked(value));
    if (drop) dropped.push(lower);
    return !drop;
  });
  const notes: string[] = [];
  if (dropped.length > 0) notes.push(`Not re-sent: ${dropped.join(', ')} (added by the tunnel, or a secret the log does not keep).`);
  const missing = missingBody(logged);
  if (missing !== null) notes.push(missing);
  return { id: logged.id, method: logged.method, path: targetOf(logged), headers, body: logged.req_body, redactedPassword: hasRedactedPassword(logged.req_body), notes };
}

export interface ReplayRequest {
  readonly method: string;
  readonly path: string;
  /** Lower-case names; repeated headers joined with ", " (RFC 9110 §5.3). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly auth: ReplayAuth;
  readonly warnings: readonly string[];
}

/** Decides how the replay authenticates; see the file comment. */
function authorization(lines: readonly ReplayHeader[]): { readonly value: string | undefined; readonly auth: ReplayAuth } {
  const given = lines.filter((line) => line.name.toLowerCase() === 'authorization');
  if (given.length > 1) throw new ApiFailure('invalid-argument', 'Send at most one Authorization header.');
  const value = given[0]?.value.trim();
  if (value === undefined || isMasked(value)) return { value: undefined, auth: 'replay-token' };
  return value === '' ? { value: undefined, auth: 'none' } : { value, auth: 'edited' };
}

/**
 * The request to send for `logged` with `edit` applied; `secret` is the monitor's internal replay token. Throws an
 * ApiFailure the admin can act on when the request cannot be sent as asked.
 */
export function replayRequest(logged: LoggedRequest, edit: ReplayEdit | undefined, secret: string): ReplayRequest {
  const draft = replayDraft(logged);
  const method = edit?.method ?? draft.method.toUpperCase();
  if (!METHOD_TOKEN.test(method)) throw new ApiFailure('invalid-argument', `Request #${logged.id}'s method "${method}" cannot be re-sent; choose one in Edit & replay.`);
  const body = edit?.body === undefined ? draft.body : edit.body;
  // Left-out tunnel headers are routine (the draft's notes say so); a body that could not be re-sent is not.
  const missing = edit?.body === undefined ? missingBody(logged) : null;
  const warnings: string[] = missing === null ? [] : [missing];
  if (hasRedactedPassword(body)) {
    if (edit?.body === undefined) {
      throw new ApiFailure(
        'invalid-argument',
        `Request #${logged.id} carried a password, which the log keeps only as "${REDACTED_MARKER}"; replayed as it was, the listener would receive that text as the password. Use Edit & replay to type a password or remove it.`,
      );
    }
    warnings.push(`The body still holds "${REDACTED_MARKER}" where the log removed a password; it was sent as that literal text.`);
  }
  const lines = edit?.headers ?? draft.headers;
  const { value, auth } = authorization(lines);
  const headers: Record<string, string> = {};
  for (const { name, value: text } of lines) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || TRANSPORT.has(lower) || lower.startsWith(OWN_PREFIX)) continue;
    headers[lower] = headers[lower] === undefined ? text : `${headers[lower]}, ${text}`;
  }
  headers[REPLAY_OF_HEADER] = String(logged.id);
  if (auth === 'replay-token') headers.authorization = `Bearer ${secret}`;
  else {
    if (value !== undefined) headers.authorization = value;
    // The admin's own (perhaps wrong) token decides the answer; the internal key only links the log row.
    headers[REPLAY_KEY_HEADER] = secret;
  }
  return { method, path: edit?.path ?? draft.path, headers, body, auth, warnings };
}
