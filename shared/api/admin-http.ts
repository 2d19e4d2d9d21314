/**
 * The wire shape of the MonitorApi's HTTP transport, shared by the admin server (electron/admin/) and the browser
 * client (http-transport.ts), so the two cannot disagree on a path or a name (architecture.md, "One contract, two
 * transports").
 */

/** `POST /api/<method>` with the method's input as the JSON body. */
export const API_PREFIX = '/api/';
/** `GET /api/events`: Server-Sent Events, one `event: <type>` per MonitorEvent. */
export const EVENTS_PATH = '/api/events';
/**
 * `GET /exports/<jobId>/<file>`: a finished export's file, as an attachment, behind the same credentials as the API
 * (issue 7). Build the path with `exportDownloadPath`.
 */
export const EXPORTS_PATH = '/exports/';
export const exportDownloadPath = (jobId: string, name: string): string => `${EXPORTS_PATH}${encodeURIComponent(jobId)}/${encodeURIComponent(name)}`;
/** `POST /session` with `{ "key": "<one-time key>" }` sets the session cookie. */
export const SESSION_PATH = '/session';
/** The placeholder page's key-exchange script (inline scripts are barred by the page's CSP). */
export const SESSION_SCRIPT_PATH = '/__pm/session.js';
/** HttpOnly, so page scripts never read it; the browser sends it back on same-origin requests. */
export const SESSION_COOKIE = 'pm_session';
/**
 * The open URL carries the one-time key in the fragment (`#key=…`): browsers never send a fragment to the server
 * or in a Referer header, so the key stays out of access logs and out of any page the UI links to.
 */
export const KEY_FRAGMENT_PARAM = 'key';

/** Reads the one-time key from a location fragment such as `#key=abc` or `#/logs&key=abc`. */
export function keyFromFragment(hash: string): string | null {
  const match = new RegExp(`(?:^#|[#&?])${KEY_FRAGMENT_PARAM}=([A-Za-z0-9_-]{16,200})(?:&|$)`).exec(hash);
  return match?.[1] ?? null;
}

/** The few browser globals the key exchange touches, typed structurally so shared/ needs no DOM lib. */
export interface BrowserLocationLike {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string | null): void };
}

type PostSession = (url: string, init: { method: 'POST'; credentials: 'same-origin'; headers: Record<string, string>; body: string }) => Promise<{ readonly ok: boolean }>;

export type KeyExchangeOutcome = 'exchanged' | 'no-key' | 'rejected' | 'unreachable';

/**
 * Trades the open URL's one-time key for a session cookie; the real UI awaits this before its first API call.
 *
 * The key leaves the address bar first (history.replaceState), so it is not kept in history, bookmarks or a
 * screenshot, whether the exchange then succeeds or not. Without a key (a reload) the cookie from before is used.
 */
export async function exchangeSessionKey(baseUrl = '', win: BrowserLocationLike = globalThis as unknown as BrowserLocationLike): Promise<KeyExchangeOutcome> {
  const key = keyFromFragment(win.location.hash);
  if (key === null) return 'no-key';
  win.history.replaceState(null, '', win.location.pathname + win.location.search);
  const post = (globalThis as unknown as { fetch: PostSession }).fetch;
  try {
    const response = await post(baseUrl + SESSION_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    });
    return response.ok ? 'exchanged' : 'rejected';
  } catch {
    return 'unreachable';
  }
}
