/**
 * The admin server's request handler: guards first (Host, Origin, credentials), then the routes:
 * `POST /api/<method>`, `GET /api/events`, `POST /session`, and the UI's static files.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, EVENTS_PATH, EXPORTS_PATH, SESSION_PATH, SESSION_SCRIPT_PATH } from '../../shared/api/admin-http.js';
import type { Status } from '../../shared/api/admin-types.js';
import { MONITOR_API, type MonitorApiHandlers } from '../../shared/api/contract.js';
import { ok } from '../../shared/api/result.js';
import { callApi } from '../api/call.js';
import { sendExportFile } from './export-files.js';
import { authenticated, hostAllowed, originAllowed, sessionCookie } from './guards.js';
import { exchangeKeyScript, placeholderPage } from './placeholder.js';
import { readJson, securityHeaders, sendFailure, sendJson } from './respond.js';
import type { AdminSecrets } from './sessions.js';
import type { SseStreams } from './sse.js';
import { hasBuiltUi, resolveStatic, sendFile } from './static-files.js';

export interface RouteContext {
  readonly handlers: MonitorApiHandlers;
  readonly secrets: AdminSecrets;
  readonly streams: SseStreams;
  readonly hosts: () => ReadonlySet<string>;
  readonly staticDir: string | undefined;
  /** Where finished exports are (`<dataDir>/exports`), served at `GET /exports/<jobId>/<file>`; none without it. */
  readonly exportsDir?: string | undefined;
}

const isMethod = (name: string): boolean => Object.prototype.hasOwnProperty.call(MONITOR_API, name);

function sendText(res: ServerResponse, status: number, type: string, text: string, headOnly = false): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text) });
  res.end(headOnly ? undefined : text);
}

const notAllowed = (res: ServerResponse, allow: string): void =>
  sendFailure(res, 405, 'invalid-argument', `Use ${allow} here.`, { Allow: allow });

async function exchangeSession(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const body = await readJson(req, 4096);
  if (!body.ok) return sendJson(res, body.status, body.result);
  const key = (body.value as { key?: unknown } | undefined)?.key;
  const session = typeof key === 'string' && key.length <= 200 ? ctx.secrets.exchange(key) : null;
  if (session === null) {
    return sendFailure(res, 401, 'unauthorized', 'This admin link was already used or has expired. Ask the monitor for a new one.');
  }
  sendJson(res, 200, ok({ session: true }), { 'Set-Cookie': sessionCookie(session) });
}

async function callMethod(req: IncomingMessage, res: ServerResponse, ctx: RouteContext, name: string): Promise<void> {
  if (!isMethod(name)) {
    req.resume();
    return sendFailure(res, 404, 'not-found', `No MonitorApi method "${name.slice(0, 100)}".`);
  }
  const body = await readJson(req);
  if (!body.ok) return sendJson(res, body.status, body.result);
  sendJson(res, 200, await callApi(ctx.handlers, name, body.value));
}

async function scimUrlFor(ctx: RouteContext): Promise<string | null> {
  const status = await callApi(ctx.handlers, 'status.get', undefined);
  return status.ok ? (status.value as Status).scimUrl : null;
}

async function serveUi(req: IncomingMessage, res: ServerResponse, ctx: RouteContext, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return notAllowed(res, 'GET, HEAD');
  const headOnly = req.method === 'HEAD';
  if (pathname === SESSION_SCRIPT_PATH) return sendText(res, 200, 'text/javascript', exchangeKeyScript(), headOnly);
  if (ctx.staticDir !== undefined && (await hasBuiltUi(ctx.staticDir))) {
    const file = await resolveStatic(ctx.staticDir, pathname);
    if (file !== null) return sendFile(res, file, headOnly);
  } else if (pathname === '/' || pathname === '/index.html') {
    return sendText(res, 200, 'text/html', placeholderPage(await scimUrlFor(ctx)), headOnly);
  }
  sendText(res, 404, 'text/plain', 'Not found.', headOnly);
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  securityHeaders(res);
  const target = req.url ?? '';
  // Only origin-form targets (RFC 9112 §3.2.1); an absolute-form `GET http://elsewhere/` is a proxy request.
  if (!target.startsWith('/')) return sendFailure(res, 400, 'invalid-argument', 'Bad request target.');
  // RFC 9110 §15.5.20: 421 says "this server is not the one you named", the honest answer to a rebound name.
  if (!hostAllowed(req.headers, ctx.hosts())) return sendFailure(res, 421, 'unauthorized', 'This address is not served here; use 127.0.0.1 or localhost.');
  let pathname: string;
  try {
    pathname = new URL(target, 'http://127.0.0.1').pathname;
  } catch {
    return sendFailure(res, 400, 'invalid-argument', 'Bad request target.');
  }
  // Export downloads carry log data, so they pass the same Origin and credential checks as the API.
  const isExport = pathname.startsWith(EXPORTS_PATH);
  const isApi = pathname.startsWith(API_PREFIX) || pathname === SESSION_PATH || isExport;
  if (!isApi) return serveUi(req, res, ctx, pathname);

  if (!originAllowed(req.headers, ctx.hosts())) {
    req.resume();
    return sendFailure(res, 403, 'unauthorized', 'Cross-origin requests are refused.');
  }
  if (pathname === SESSION_PATH) return req.method === 'POST' ? exchangeSession(req, res, ctx) : notAllowed(res, 'POST');
  if (!authenticated(req.headers, ctx.secrets)) {
    req.resume();
    return sendFailure(res, 401, 'unauthorized', 'Open the Admin UI link the monitor printed, or send Authorization: Bearer <admin key>.', {
      'WWW-Authenticate': 'Bearer realm="Provisioning Monitor admin"',
    });
  }
  if (pathname === EVENTS_PATH) return req.method === 'GET' ? ctx.streams.open(req, res) : notAllowed(res, 'GET');
  if (isExport) return sendExportFile(req, res, ctx.exportsDir, pathname);
  if (req.method !== 'POST') return notAllowed(res, 'POST');
  return callMethod(req, res, ctx, pathname.slice(API_PREFIX.length));
}

/** Wraps the routes so no input, however broken, escapes as an exception (issue 11: never crash). */
export function createAdminHandler(ctx: RouteContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, ctx).catch((error: unknown) => {
      console.error('provisioning-monitor: admin request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendFailure(res, 500, 'internal', 'The admin server failed on this request.');
      else res.destroy();
    });
  };
}
