/**
 * Forwards one admitted request to the upstream SCIM app with fetch (undici): the same method, the path under the
 * upstream's base, the query and body bytes unchanged, the headers that matter to SCIM, and the upstream's own
 * token in place of Entra's. The answer is read up to a bound and within the timeout; anything that goes wrong on
 * the way becomes a plain-words 502/504 (entra-behavior.md §4: Timeout, WebExceptionProtocolError).
 */

import { SCIM_BASE_PATH } from '../../shared/scim/constants.js';
import { ScimError } from '../scim/errors.js';
import type { ParsedTarget } from '../scim/http/request-context.js';
import type { ScimRequest } from '../scim/http/types.js';
import type { UpstreamAnswer } from './types.js';

/** Request headers the upstream gets from Entra's request; Authorization is replaced, everything else stays here. */
const FORWARDED_HEADERS = ['content-type', 'accept', 'if-match', 'if-none-match', 'user-agent', 'adscimversion'] as const;
/** Response headers relayed back to Entra (Location rewritten to the monitor's base). */
export const RELAYED_HEADERS = ['content-type', 'etag', 'location', 'retry-after', 'www-authenticate'] as const;
/** Methods fetch refuses to send (they are not SCIM either). */
const UNFORWARDABLE = new Set(['CONNECT', 'TRACE', 'TRACK']);

export interface ForwardOptions {
  /** The upstream's SCIM base, no trailing slash. */
  readonly base: string;
  readonly token: string | undefined;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  /** Aborted when the monitor stops: whatever still waits on the upstream is abandoned. */
  readonly stop?: AbortSignal;
}

/**
 * The upstream address of a request under `/scim/v2`: the raw path after the base (still percent-encoded) and the
 * raw query, appended to the upstream's base. A path whose dot segments would climb out of the base is refused.
 */
export function upstreamUrl(base: string, target: ParsedTarget): string | ScimError {
  const rest = target.path.slice(SCIM_BASE_PATH.length);
  const baseUrl = new URL(base);
  let url: URL;
  try {
    url = new URL(`${base}${rest}${target.rawQuery === '' ? '' : `?${target.rawQuery}`}`);
  } catch {
    return new ScimError(400, 'The request path cannot be forwarded to the upstream app.', 'invalidSyntax');
  }
  const basePath = baseUrl.pathname.replace(/\/+$/, '');
  if (url.origin !== baseUrl.origin || (url.pathname !== basePath && url.pathname !== `${basePath}/` && !url.pathname.startsWith(`${basePath}/`))) {
    return new ScimError(404, `The path ${target.path} leaves the SCIM base; only paths under ${SCIM_BASE_PATH} are forwarded to the upstream app.`);
  }
  return url.href;
}

function forwardedHeaders(request: ScimRequest, token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;
  return headers;
}

const codesOf = (error: unknown): { codes: string[]; messages: string[]; names: string[] } => {
  const out = { codes: [] as string[], messages: [] as string[], names: [] as string[] };
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, name, cause } = current as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === 'string') out.codes.push(code);
    if (typeof message === 'string' && message !== '') out.messages.push(message);
    if (typeof name === 'string') out.names.push(name);
    current = cause;
  }
  return out;
};

const PREFIX = 'Provisioning Monitor (proxy):';

/** What went wrong on the way to the upstream, in plain words naming the upstream URL, and how Entra would log it. */
export function upstreamFailure(error: unknown, upstream: string, timeoutMs: number): Extract<UpstreamAnswer, { kind: 'failed' }> {
  const { codes, messages, names } = codesOf(error);
  const has = (...wanted: string[]): string | undefined => codes.find((code) => wanted.includes(code));
  const reason = messages.at(-1) ?? String(error);
  const bad = (detail: string): Extract<UpstreamAnswer, { kind: 'failed' }> => ({ kind: 'failed', status: 502, errorCode: 'WebExceptionProtocolError', detail: `${PREFIX} ${detail}` });
  const slow = (detail: string): Extract<UpstreamAnswer, { kind: 'failed' }> => ({ kind: 'failed', status: 504, errorCode: 'Timeout', detail: `${PREFIX} ${detail}` });
  if (names.includes('AbortError')) return bad(`the monitor stopped before the upstream SCIM app at ${upstream} answered; the upstream may still apply the request.`);
  if (names.includes('TimeoutError')) return slow(`the upstream SCIM app at ${upstream} did not answer within ${timeoutMs} ms (the upstream timeout), so the request was abandoned. Entra records a slow answer as Timeout.`);
  const connectTimeout = has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT');
  if (connectTimeout) return slow(`could not connect to the upstream SCIM app at ${upstream} in time (${connectTimeout}).`);
  const refused = has('ECONNREFUSED');
  if (refused) return bad(`the upstream SCIM app at ${upstream} is unreachable: the connection was refused (ECONNREFUSED). Is the app running, and is the upstream URL right?`);
  const unresolved = has('ENOTFOUND', 'EAI_AGAIN');
  if (unresolved) return bad(`the upstream SCIM app at ${upstream} is unreachable: its host name could not be resolved (${unresolved}).`);
  const unreachable = has('EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL');
  if (unreachable) return bad(`the upstream SCIM app at ${upstream} is unreachable (${unreachable}).`);
  const tls = codes.find((code) => /CERT|SSL|TLS|ERR_OSSL/i.test(code)) ?? (messages.some((m) => /certificate|ssl|tls/i.test(m)) ? 'TLS' : undefined);
  if (tls) return bad(`the TLS connection to the upstream SCIM app at ${upstream} failed (${tls}: ${reason}). Check that its certificate is valid for that host and trusted.`);
  const reset = has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED');
  if (reset) return bad(`the upstream SCIM app at ${upstream} closed the connection before answering (${reset}).`);
  // fetch (undici) refuses the Fetch standard's "bad ports" (e.g. 6000, 6666, 10080) before connecting.
  if (messages.some((m) => /^bad port$/i.test(m))) return bad(`the upstream URL ${upstream} uses a port that fetch refuses to connect to (a "bad port" in the Fetch standard); run the upstream app on another port.`);
  const protocol = codes.find((code) => code.startsWith('HPE_'));
  if (protocol) return bad(`the upstream SCIM app at ${upstream} answered with something that is not valid HTTP (${protocol}).`);
  return bad(`the request could not be forwarded to the upstream SCIM app at ${upstream}: ${reason}.`);
}

function tooLarge(upstream: string, limit: number, size: string): Extract<UpstreamAnswer, { kind: 'failed' }> {
  const mib = (limit / (1024 * 1024)).toFixed(limit % (1024 * 1024) === 0 ? 0 : 1);
  return {
    kind: 'failed',
    status: 502,
    errorCode: 'WebExceptionProtocolError',
    detail: `${PREFIX} upstream response too large: the upstream SCIM app at ${upstream} answered with ${size}, more than the ${mib} MiB the monitor relays.`,
  };
}

/** Reads a response body up to `limit` bytes; undefined when it is larger (the rest is discarded, not buffered). */
async function boundedBody(response: Response, limit: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** Sends one request upstream; resolves with its answer or with the 502/504 that stands for it. Never rejects. */
export async function forwardRequest(options: ForwardOptions, request: ScimRequest, target: ParsedTarget, body: Buffer | undefined): Promise<UpstreamAnswer> {
  if (UNFORWARDABLE.has(request.method)) return { kind: 'refused', error: new ScimError(405, `${request.method} is not a SCIM method and is not forwarded to the upstream app.`) };
  const url = upstreamUrl(options.base, target);
  if (url instanceof ScimError) return { kind: 'refused', error: url };
  const withBody = body !== undefined && body.length > 0 && request.method !== 'GET' && request.method !== 'HEAD';
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: forwardedHeaders(request, options.token),
      // The same bytes, viewed as the plain Uint8Array fetch's types ask for (no copy).
      ...(withBody ? { body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) } : {}),
      // A redirect is the upstream's answer to relay, not something to follow with Entra's request.
      redirect: 'manual',
      signal: options.stop ? AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.stop]) : AbortSignal.timeout(options.timeoutMs),
    });
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxResponseBytes) {
      await response.body?.cancel().catch(() => undefined);
      return tooLarge(options.base, options.maxResponseBytes, `${declared} bytes`);
    }
    const bytes = await boundedBody(response, options.maxResponseBytes);
    if (bytes === undefined) return tooLarge(options.base, options.maxResponseBytes, 'a larger body');
    const headers: Record<string, string> = {};
    for (const name of RELAYED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return { kind: 'answered', status: response.status, headers, body: bytes };
  } catch (error) {
    return upstreamFailure(error, options.base, options.timeoutMs);
  }
}
