/**
 * Response helpers for the admin server: the security headers every answer carries, JSON results, and a bounded
 * JSON body reader.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type ApiErrorCode, type ApiResult } from '../../shared/api/result.js';
import { readBody } from '../scim/http/read-body.js';

/**
 * 6 MiB: the largest legitimate input is a scope CSV of up to 5,000,000 characters (shared/api/schemas.ts), plus
 * its JSON escaping; anything bigger is refused before it is buffered.
 */
export const MAX_ADMIN_BODY_BYTES = 6 * 1024 * 1024;

/**
 * The page's CSP (design/style.md §6.6, issue 11): only our own scripts, no inline script, no framing, no forms,
 * no base-uri tricks. Inline styles are allowed because recharts sets style attributes.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers on every response, whatever the route or outcome. */
export function securityHeaders(res: ServerResponse): void {
  // Nothing here is cacheable: results and pages reflect live state and a shared cache must never keep a session.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Frame-Options', 'DENY');
  // Other origins may not embed our responses (a <script src> of an API answer) nor keep a handle on our window.
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...extraHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** A refusal, as an ApiResult so the HTTP transport turns it into the same kind of value as any other failure. */
export function sendFailure(res: ServerResponse, status: number, code: ApiErrorCode, message: string, extraHeaders: Record<string, string> = {}): void {
  sendJson(res, status, fail(code, message), extraHeaders);
}

export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: number; readonly result: ApiResult<never> };

/**
 * Reads a JSON request body. An empty body is `undefined` (methods without input). Requiring
 * `application/json` also means a cross-site form or a `no-cors` fetch can never reach a route: those can only send
 * form or text types, and anything else needs a CORS preflight this server never grants.
 */
export async function readJson(req: IncomingMessage, limit = MAX_ADMIN_BODY_BYTES): Promise<JsonBody> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return { ok: false, status: 415, result: fail('invalid-argument', 'Send the input as JSON with Content-Type: application/json.') };
  }
  const body = await readBody(req, limit);
  if (body.kind === 'too-large') {
    return { ok: false, status: 413, result: fail('invalid-argument', `The request body is larger than ${Math.round(limit / 1048576)} MiB.`) };
  }
  if (body.kind === 'aborted') return { ok: false, status: 400, result: fail('invalid-argument', 'The request body was cut off.') };
  const text = body.bytes.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, result: fail('invalid-argument', 'The request body is not valid JSON.') };
  }
}
