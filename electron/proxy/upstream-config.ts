/**
 * Proxy mode's settings: the upstream SCIM app's base URL, the token the monitor presents to it, and how long an
 * answer may take. Checked once, where the settings enter (`serve` flags, MonitorConfig).
 */

/** Where and how to forward Entra's requests (`serve --upstream URL [--upstream-token SECRET] [--upstream-timeout MS]`). */
export interface UpstreamConfig {
  /** The upstream's SCIM base, e.g. `http://app.local/scim/v2`: `/scim/v2/Users?x` goes to `<url>/Users?x`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`; without it no Authorization header is forwarded. Never logged. */
  readonly token?: string | undefined;
  /** How long the upstream may take to answer in full (default 30 s); slower answers become 504. */
  readonly timeoutMs?: number | undefined;
}

/** Entra publishes no timeout of its own (entra-behavior.md §4); 30 s keeps a stuck upstream from holding Entra. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
export const MAX_UPSTREAM_TIMEOUT_MS = 600_000;
/** The most of an upstream answer the proxy buffers and logs: far above any SCIM page Entra asks for. */
export const MAX_UPSTREAM_RESPONSE_BYTES = 5 * 1024 * 1024;

/** The URL without a trailing slash, or why it cannot be an upstream. */
export function checkUpstreamUrl(raw: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: `"${raw}" is not a URL; give the upstream app's SCIM base, e.g. https://app.example.com/scim/v2.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `the upstream URL must be http:// or https://, got ${url.protocol}` };
  if (url.username !== '' || url.password !== '') return { ok: false, error: 'the upstream URL must not carry credentials; pass the upstream token with --upstream-token or PROVISIONING_MONITOR_UPSTREAM_TOKEN.' };
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, error: 'the upstream URL must not carry a query or fragment; Entra\'s own query (e.g. ?aadOptscim062020 in the Tenant URL) is forwarded unchanged.' };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** A timeout in milliseconds, or why not. */
export function checkUpstreamTimeout(ms: number): string | null {
  return Number.isInteger(ms) && ms >= 1 && ms <= MAX_UPSTREAM_TIMEOUT_MS ? null : `the upstream timeout must be a whole number of milliseconds from 1 to ${MAX_UPSTREAM_TIMEOUT_MS}, got ${ms}.`;
}
