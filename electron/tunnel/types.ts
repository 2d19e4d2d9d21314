/**
 * The tunnel's vocabulary: providers, the lifecycle the UI and CLI show, and the seam a provider implements.
 *
 * Entra's provisioning service runs in Microsoft's cloud, so it reaches the admin's machine only through a public
 * HTTPS URL. Every provider turns "the SCIM listener on 127.0.0.1:PORT" into such a URL; the manager keeps it alive.
 */

import { SCIM_BASE_PATH } from '../../shared/scim/constants.js';

export type TunnelProviderName = 'ngrok' | 'localtunnel' | 'cloudflared' | 'custom' | 'none';

export const TUNNEL_PROVIDER_NAMES: ReadonlyArray<TunnelProviderName> = ['ngrok', 'localtunnel', 'cloudflared', 'custom', 'none'];

/** Where the tunnel delivers requests: always the SCIM listener, never the admin API (architecture.md). */
export interface TunnelTarget {
  readonly host: string;
  readonly port: number;
}

/** Result of GET `<public>/scim/v2/ServiceProviderConfig` made through the tunnel from this machine. */
export type ProbeResult =
  | { readonly state: 'pending' }
  /** The manager was built without a probe (unit tests). */
  | { readonly state: 'skipped' }
  | { readonly state: 'reachable'; readonly httpStatus: number; readonly roundTripMs: number; readonly https: boolean; readonly checkedAt: number }
  | { readonly state: 'unreachable'; readonly error: string; readonly checkedAt: number };

/** What the status strip and `serve` show. Times are epoch milliseconds. */
export type TunnelStatus =
  | { readonly state: 'stopped' }
  | { readonly state: 'connecting'; readonly provider: TunnelProviderName; readonly attempt: number }
  | {
      readonly state: 'online';
      readonly provider: TunnelProviderName;
      readonly publicUrl: string;
      /** `<public>/scim/v2`: paste into Entra's Tenant URL field. */
      readonly tenantUrl: string;
      /** The same with `?aadOptscim062020`, Entra's opt-in to RFC-compliant PATCH (entra-behavior.md). */
      readonly tenantUrlAadOptscim062020: string;
      readonly since: number;
      readonly probe: ProbeResult;
    }
  | {
      readonly state: 'reconnecting';
      readonly provider: TunnelProviderName;
      /** The number of the attempt that will be made at `nextAttemptAt` (1 after a dropped connection). */
      readonly attempt: number;
      readonly lastError: string;
      readonly nextAttemptAt: number;
    }
  | { readonly state: 'failed'; readonly provider: TunnelProviderName; readonly error: string };

export type TunnelEvent =
  | { readonly type: 'status'; readonly status: TunnelStatus }
  | {
      /** The public URL differs from the one Entra was last given: the Tenant URL in Entra must be updated. */
      readonly type: 'tenant-url-changed';
      readonly previousTenantUrl: string;
      readonly tenantUrl: string;
      readonly message: string;
    };

/** One live tunnel. `closed` settles when it drops (with the reason) or after `close()` (with undefined). */
export interface TunnelSession {
  readonly publicUrl: string;
  readonly closed: Promise<Error | undefined>;
  close(): Promise<void>;
}

/**
 * A way to get a public URL for a local port.
 *
 * `open` rejects with a TunnelError (plain words, retryable or not). The signal aborts an attempt that takes too
 * long or is no longer wanted; a provider must then release whatever it started.
 */
export interface TunnelProvider {
  readonly name: Exclude<TunnelProviderName, 'none'>;
  open(target: TunnelTarget, signal: AbortSignal): Promise<TunnelSession>;
}

/**
 * A provider failure worded for the admin.
 *
 * `retryable` false means trying again cannot help (no authtoken, binary missing, bad URL): the manager goes to
 * `failed` instead of backing off and retrying forever.
 */
export class TunnelError extends Error {
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TunnelError';
    this.retryable = retryable;
  }
}

/** `https://host` (no trailing slash) → `https://host/scim/v2`. */
export function tenantUrlOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${SCIM_BASE_PATH}`;
}

/** Entra's opt-in flag for RFC-compliant PATCH is a bare query parameter on the Tenant URL. */
export function flaggedTenantUrlOf(publicUrl: string): string {
  return `${tenantUrlOf(publicUrl)}?aadOptscim062020`;
}

/** A wildcard bind is reachable on loopback; a tunnel never needs to go through another interface. */
export function loopbackTarget(host: string, port: number): TunnelTarget {
  if (host === '0.0.0.0' || host === '') return { host: '127.0.0.1', port };
  if (host === '::' || host === '[::]') return { host: '::1', port };
  return { host, port };
}

/** The loopback target of a listener URL (`http://0.0.0.0:7643/scim/v2` → 127.0.0.1:7643), for this process's own requests. */
export function loopbackTargetOf(url: string): TunnelTarget {
  const parsed = new URL(url);
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  return loopbackTarget(parsed.hostname.replace(/^\[|\]$/g, ''), port);
}

/** `host:port` with IPv6 brackets, as ngrok's `addr` and cloudflared's `--url` expect. */
export function hostPort(target: TunnelTarget): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}
