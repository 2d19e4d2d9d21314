/**
 * The checks every admin request passes before it reaches a route (issue 11, "Admin surface";
 * architecture.md, "The SCIM port serves SCIM only").
 */

import type { IncomingHttpHeaders } from 'node:http';
import { SESSION_COOKIE } from '../../shared/api/admin-http.js';
import type { AdminSecrets } from './sessions.js';

/** The names this server may be reached by: loopback only, always with the port it listens on. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * DNS rebinding: a hostile page whose name resolves to 127.0.0.1 reaches us with its own name in `Host`. Only our
 * loopback names pass, so such a page can neither read the UI nor call the API, even before authentication.
 */
export function hostAllowed(headers: IncomingHttpHeaders, hosts: ReadonlySet<string>): boolean {
  const host = headers.host;
  return typeof host === 'string' && hosts.has(host.toLowerCase());
}

/**
 * CSRF: a request a browser sends on behalf of another page carries that page's `Origin` (Fetch standard), or at
 * least a `Sec-Fetch-Site` other than `same-origin`. Scripts (curl, Node fetch) send neither and pass to the key check.
 * `Origin: null` (sandboxed frames, file:) is foreign too.
 */
export function originAllowed(headers: IncomingHttpHeaders, hosts: ReadonlySet<string>): boolean {
  const origin = headers.origin?.toLowerCase();
  if (origin !== undefined) {
    // Our own origin is `http://` + one of the allowed hosts; https://, other ports and `null` all fail here.
    if (!origin.startsWith('http://') || !hosts.has(origin.slice('http://'.length))) return false;
  }
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Reads every `pm_session` value: another tool on 127.0.0.1 may have set a cookie of the same name. */
export function sessionCookies(header: string | undefined): string[] {
  if (header === undefined) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (/^[A-Za-z0-9_-]{20,200}$/.test(value)) values.push(value);
  }
  return values;
}

/** An API caller is either a browser holding a session cookie or a script holding the admin key. */
export function authenticated(headers: IncomingHttpHeaders, secrets: AdminSecrets): boolean {
  const bearer = /^\s*bearer\s+(\S{1,500})\s*$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer !== undefined && secrets.isAdminKey(bearer)) return true;
  return sessionCookies(headers.cookie).some((id) => secrets.hasSession(id));
}

/** `Set-Cookie` for a new session: HttpOnly (no script reads it), SameSite=Strict (no cross-site send), Path=/. */
export function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`;
}
