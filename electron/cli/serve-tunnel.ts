/**
 * `serve --tunnel …`: reads the tunnel flags and prints the tunnel's progress, one line per change.
 *
 * Kept out of serve.ts so the command stays a short list of steps; the lines printed here are the headless
 * counterpart of the status strip (screens.md), and `Tenant URL: <url>` is the one scripts wait for.
 */

import { checkPublicUrl } from '../tunnel/custom.js';
import type { TunnelConfig } from '../tunnel/create-provider.js';
import type { TunnelManager } from '../tunnel/manager.js';
import { hostPort, TUNNEL_PROVIDER_NAMES, type TunnelEvent, type TunnelProviderName } from '../tunnel/types.js';
import { UsageError } from './usage.js';

/** parseArgs option declarations, spread into serve's own. */
export const TUNNEL_OPTIONS = {
  tunnel: { type: 'string' },
  'tunnel-host': { type: 'string' },
  'tunnel-subdomain': { type: 'string' },
  'tunnel-domain': { type: 'string' },
  'cloudflared-path': { type: 'string' },
} as const;

export interface TunnelFlags {
  readonly tunnel?: string | undefined;
  readonly 'tunnel-host'?: string | undefined;
  readonly 'tunnel-subdomain'?: string | undefined;
  readonly 'tunnel-domain'?: string | undefined;
  readonly 'cloudflared-path'?: string | undefined;
}

/** Which provider each flag belongs to, so a flag that would be silently ignored is an error instead. */
const FLAG_OWNERS: ReadonlyArray<[keyof TunnelFlags, ReadonlyArray<TunnelProviderName>]> = [
  ['tunnel-host', ['localtunnel', 'custom']],
  ['tunnel-subdomain', ['localtunnel']],
  ['tunnel-domain', ['ngrok']],
  ['cloudflared-path', ['cloudflared']],
];

/** undefined for no tunnel. The authtoken is read from NGROK_AUTHTOKEN, never a flag (it would show in `ps`). */
export function tunnelConfig(flags: TunnelFlags): TunnelConfig | undefined {
  const name = (flags.tunnel ?? 'none') as TunnelProviderName;
  if (!TUNNEL_PROVIDER_NAMES.includes(name)) throw new UsageError(`--tunnel must be one of ${TUNNEL_PROVIDER_NAMES.join('|')}, got "${flags.tunnel}".`);
  for (const [flag, owners] of FLAG_OWNERS) {
    if (flags[flag] !== undefined && !owners.includes(name)) throw new UsageError(`--${flag} applies to --tunnel ${owners.join(' or ')} only.`);
  }
  if (name === 'none') return undefined;
  if (name === 'custom') {
    if (flags['tunnel-host'] === undefined) throw new UsageError('--tunnel custom needs --tunnel-host https://<your public URL>.');
    const checked = checkPublicUrl(flags['tunnel-host']);
    if (!checked.ok) throw new UsageError(`--tunnel-host: ${checked.error}`);
  }
  return {
    provider: name,
    ...(flags['tunnel-host'] === undefined ? {} : { host: flags['tunnel-host'] }),
    ...(flags['tunnel-subdomain'] === undefined ? {} : { subdomain: flags['tunnel-subdomain'] }),
    ...(flags['tunnel-domain'] === undefined ? {} : { domain: flags['tunnel-domain'] }),
    ...(flags['cloudflared-path'] === undefined ? {} : { cloudflaredPath: flags['cloudflared-path'] }),
  };
}

/** The line(s) `serve` prints for one tunnel event; empty when there is nothing new to say. */
export function tunnelLines(event: TunnelEvent, manager: Pick<TunnelManager, 'provider' | 'target'>, now: number): string[] {
  if (event.type === 'tenant-url-changed') return [`Tunnel: ${event.message} (was ${event.previousTenantUrl})`];
  const status = event.status;
  switch (status.state) {
    case 'stopped':
      return ['Tunnel stopped.'];
    case 'connecting':
      return status.attempt === 1 ? [`Tunnel: connecting with ${status.provider} to ${hostPort(manager.target)}…`] : [];
    case 'reconnecting': {
      const seconds = Math.max(0, Math.round((status.nextAttemptAt - now) / 1000));
      return [`Tunnel: reconnecting (attempt ${status.attempt} in ${seconds} s): ${status.lastError}`];
    }
    case 'failed':
      return [`Tunnel failed: ${status.error}`];
    case 'online':
      if (status.probe.state === 'pending' || status.probe.state === 'skipped') {
        return [
          `Tunnel: online with ${status.provider} at ${status.publicUrl}` +
            (status.provider === 'custom' ? ` (your proxy must forward to http://${hostPort(manager.target)})` : ''),
          `Tenant URL: ${status.tenantUrl}`,
          `  (or ${status.tenantUrlAadOptscim062020} for Entra's RFC-compliant PATCH behaviour)`,
        ];
      }
      if (status.probe.state === 'reachable') return [`Tunnel: public URL reachable (HTTP ${status.probe.httpStatus} from the listener in ${status.probe.roundTripMs} ms).`];
      return [`Tunnel: ${status.probe.error}`];
  }
}

/** Prints every change from now on; returns the unsubscribe function. */
export function printTunnel(manager: TunnelManager, out: (line: string) => void): () => void {
  return manager.subscribe((event) => {
    for (const line of tunnelLines(event, manager, Date.now())) out(line);
  });
}
