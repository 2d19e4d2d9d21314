/**
 * The self-probe: ask the public URL for the SCIM discovery document, from this machine, through the tunnel.
 *
 * A provider saying "online" only means its control connection is up. The probe shows the path Entra will take
 * actually ends at this listener (architecture.md; screens.md "Tunnel status": reachable, TLS, round-trip).
 */

import { SCIM_CONTENT_TYPE } from '../../shared/scim/constants.js';
import { tenantUrlOf, type ProbeResult } from './types.js';

/** What a probe needs from an HTTP client; `fetch` fits, and tests can route through loopback instead. */
export type ProbeFetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<{ status: number; contentType: string | null }>;

export type Probe = (publicUrl: string) => Promise<ProbeResult>;

export const PROBE_USER_AGENT = 'provisioning-monitor-self-probe';

const defaultFetch: ProbeFetch = async (url, init) => {
  const response = await fetch(url, { ...init, redirect: 'manual' });
  await response.body?.cancel();
  return { status: response.status, contentType: response.headers.get('content-type') };
};

/**
 * Builds the probe. Any answer from the listener counts, 401 included (the probe has no token on purpose: it must
 * not need a secret, and the 401 still proves the request arrived). An answer that is not SCIM came from the tunnel
 * service itself (its "endpoint offline" page, a 502), which means the public side is up but not connected here.
 */
export function createProbe(options: { fetch?: ProbeFetch; timeoutMs?: number; now?: () => number } = {}): Probe {
  const doFetch = options.fetch ?? defaultFetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  return async (publicUrl) => {
    const url = `${tenantUrlOf(publicUrl)}/ServiceProviderConfig`;
    const started = performance.now();
    try {
      const { status, contentType } = await doFetch(url, {
        signal: AbortSignal.timeout(timeoutMs),
        // Marks the probe in the request log, so the admin can tell it from Entra's traffic.
        headers: { 'user-agent': PROBE_USER_AGENT, accept: SCIM_CONTENT_TYPE },
      });
      const roundTripMs = Math.round(performance.now() - started);
      if (contentType === null || !contentType.toLowerCase().includes(SCIM_CONTENT_TYPE)) {
        return {
          state: 'unreachable',
          error: `Public URL not reachable: ${url} answered HTTP ${status}, but not from this monitor's SCIM listener (the tunnel service answered instead).`,
          checkedAt: now(),
        };
      }
      return { state: 'reachable', httpStatus: status, roundTripMs, https: url.startsWith('https://'), checkedAt: now() };
    } catch (error) {
      return { state: 'unreachable', error: `Public URL not reachable: ${url} (${describeNetworkError(error)}).`, checkedAt: now() };
    }
  };
}

/** fetch hides the useful part ("getaddrinfo ENOTFOUND", "certificate has expired") in `cause`. */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause === undefined ? error.message : `${error.message}: ${cause}`;
}
