/**
 * `serve --upstream URL [--upstream-token SECRET] [--upstream-timeout MS]`: proxy mode's flags (issue 9).
 *
 * The upstream token may come from PROVISIONING_MONITOR_UPSTREAM_TOKEN instead of the flag, so it need not show in
 * `ps` or the shell history; the flag wins when both are given.
 */

import { checkUpstreamTimeout, checkUpstreamUrl, DEFAULT_UPSTREAM_TIMEOUT_MS, type UpstreamConfig } from '../proxy/upstream-config.js';
import { UsageError } from './usage.js';

export const UPSTREAM_TOKEN_ENV = 'PROVISIONING_MONITOR_UPSTREAM_TOKEN';

/** parseArgs option declarations, spread into serve's own. */
export const UPSTREAM_OPTIONS = {
  upstream: { type: 'string' },
  'upstream-token': { type: 'string' },
  'upstream-timeout': { type: 'string' },
} as const;

export interface UpstreamFlags {
  readonly upstream?: string | undefined;
  readonly 'upstream-token'?: string | undefined;
  readonly 'upstream-timeout'?: string | undefined;
}

/** undefined for the built-in target. */
export function upstreamConfig(flags: UpstreamFlags, env: NodeJS.ProcessEnv = process.env): UpstreamConfig | undefined {
  if (flags.upstream === undefined) {
    if (flags['upstream-token'] !== undefined || flags['upstream-timeout'] !== undefined) throw new UsageError('--upstream-token and --upstream-timeout need --upstream URL.');
    return undefined;
  }
  const checked = checkUpstreamUrl(flags.upstream);
  if (!checked.ok) throw new UsageError(`--upstream: ${checked.error}`);
  let timeoutMs: number | undefined;
  if (flags['upstream-timeout'] !== undefined) {
    timeoutMs = Number(flags['upstream-timeout']);
    const bad = checkUpstreamTimeout(timeoutMs);
    if (bad !== null) throw new UsageError(`--upstream-timeout: ${bad}`);
  }
  const token = flags['upstream-token'] ?? (env[UPSTREAM_TOKEN_ENV] || undefined);
  return { url: checked.url, ...(token === undefined ? {} : { token }), ...(timeoutMs === undefined ? {} : { timeoutMs }) };
}

/** The line `serve` prints in proxy mode; names the URL, never the token. */
export function upstreamLine(config: UpstreamConfig): string {
  const token = config.token === undefined ? 'no upstream token (no Authorization header is forwarded)' : 'with the upstream token';
  return `Proxy mode: forwarding to ${config.url} ${token}, timeout ${config.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS} ms`;
}
