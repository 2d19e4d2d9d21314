/**
 * Turns a raw node:http request into a ScimRequest: path segments under `/scim/v2`, query, parsed JSON body,
 * and the public base URL used for `meta.location`.
 */

import type { IncomingMessage } from 'node:http';
import { SCIM_BASE_PATH } from '../../../shared/scim/constants.js';
import { ScimError, badRequest, notFound } from '../errors.js';
import type { ScimRequest } from './types.js';

/** RFC 7230 host syntax, loosely: anything else (an injected path or script) falls back to the socket address. */
const HOST_PATTERN = /^[A-Za-z0-9.\-_]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const MAX_URL_LENGTH = 8192;

/** The first value of a header that may repeat or carry a comma-separated list (X-Forwarded-*). */
export function firstHeader(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
}

/** The base URL as the client sees it; behind a tunnel that is the public HTTPS address (X-Forwarded-*). */
export function publicBaseUrl(req: IncomingMessage): string {
  const proto = firstHeader(req.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  const candidate = firstHeader(req.headers['x-forwarded-host']) ?? req.headers.host;
  const local = `${req.socket.localAddress?.includes(':') ? `[${req.socket.localAddress}]` : req.socket.localAddress}:${req.socket.localPort}`;
  const host = candidate !== undefined && HOST_PATTERN.test(candidate) ? candidate : local;
  return `${proto}://${host}${SCIM_BASE_PATH}`;
}

export interface ParsedTarget {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly rawQuery: string;
}

/** Splits the request target; never throws (a malformed target is reported when the request is dispatched). */
export function parseTarget(rawUrl: string | undefined): ParsedTarget | ScimError {
  const raw = rawUrl ?? '/';
  if (raw.length > MAX_URL_LENGTH) return new ScimError(414, `The request URL is longer than ${MAX_URL_LENGTH} characters.`);
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const rawQuery = q < 0 ? '' : raw.slice(q + 1);
  try {
    return { path, query: new URLSearchParams(rawQuery), rawQuery };
  } catch {
    return badRequest('invalidSyntax', 'The query string could not be parsed.');
  }
}

/** The decoded segments after `/scim/v2`; entra-behavior.md §1: Entra appends `/Users`, `/Groups` to the Tenant URL. */
export function scimSegments(path: string): string[] {
  const base = SCIM_BASE_PATH.toLowerCase();
  const lower = path.toLowerCase();
  if (lower !== base && !lower.startsWith(`${base}/`)) {
    throw notFound(`This listener serves SCIM under ${SCIM_BASE_PATH}; set the Tenant URL in Entra to <public URL>${SCIM_BASE_PATH}.`);
  }
  try {
    return path.slice(SCIM_BASE_PATH.length).split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    throw badRequest('invalidSyntax', 'The request path contains an invalid percent-encoding.');
  }
}

/** Parses a body as JSON; an empty body is `undefined`. */
export function parseJsonBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw badRequest('invalidSyntax', `The request body is not valid JSON (${reason}).`);
  }
}

export function buildRequest(req: IncomingMessage, target: ParsedTarget, body: unknown): ScimRequest {
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    segments: scimSegments(target.path),
    query: target.query,
    body,
    headers: req.headers,
    baseUrl: publicBaseUrl(req),
  };
}
