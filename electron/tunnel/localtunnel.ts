/**
 * localtunnel: no account, no binary; the public server is localtunnel.me (`*.loca.lt`), and anyone can run their
 * own (`--tunnel-host`). The client holds a few TCP connections to the server and pipes requests to one local port.
 */

import type localtunnel from 'localtunnel';
import { describeNetworkError } from './probe.js';
import { TunnelError, type TunnelProvider, type TunnelSession } from './types.js';

export type LocaltunnelFn = typeof localtunnel;

export const DEFAULT_LOCALTUNNEL_HOST = 'https://localtunnel.me';

export interface LocaltunnelOptions {
  /** The localtunnel server; defaults to the public one. */
  readonly host?: string;
  /** A fixed subdomain asks for the same URL on every reconnect (granted when nobody else holds it). */
  readonly subdomain?: string;
  readonly load?: () => Promise<LocaltunnelFn>;
  /** Before registering, check the server answers as a localtunnel server (see `preflight`); on by default. */
  readonly preflight?: boolean;
  readonly preflightTimeoutMs?: number;
}

// The rule localtunnel's server applies (server.js); checked here so a bad name fails in plain words at once.
const SUBDOMAIN = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;

const loadLocaltunnel = async (): Promise<LocaltunnelFn> => (await import('localtunnel')).default;

export function localtunnelProvider(options: LocaltunnelOptions = {}): TunnelProvider {
  const host = (options.host ?? DEFAULT_LOCALTUNNEL_HOST).replace(/\/+$/, '');
  const load = options.load ?? loadLocaltunnel;
  return {
    name: 'localtunnel',
    async open(target, signal): Promise<TunnelSession> {
      validate(host, options.subdomain);
      // localtunnel's client retries an unreachable or refusing server every second, forever, and cannot be told
      // to stop (Tunnel.js `getUrl`). Asking the server first turns "server down" into an error we can back off on.
      if (options.preflight !== false) await preflight(host, signal, options.preflightTimeoutMs ?? 10_000);
      const lt = await load();
      return new Promise<TunnelSession>((resolve, reject) => {
        let online = false;
        let closing = false;
        let drop: (reason: Error | undefined) => void = () => undefined;
        const closed = new Promise<Error | undefined>((done) => (drop = done));
        const client = lt({ port: target.port, local_host: target.host, host, ...(options.subdomain ? { subdomain: options.subdomain } : {}) }, (error?: unknown) => {
          if (error) fail(new TunnelError(`The localtunnel server at ${host} refused the tunnel: ${error instanceof Error ? error.message : String(error)}`, true));
        });
        const fail = (error: Error): void => {
          signal.removeEventListener('abort', onAbort);
          closing = true;
          client.close();
          reject(error);
        };
        const onAbort = (): void => fail(signal.reason as Error);
        signal.addEventListener('abort', onAbort, { once: true });
        // Without an 'error' listener an EventEmitter throws; these are socket errors from the tunnel connections.
        client.on('error', (error: Error) => {
          if (!online) return fail(new TunnelError(`Could not connect to the localtunnel server at ${host}: ${error.message}`, true));
          online = false;
          drop(new TunnelError(`The localtunnel connection dropped (${error.message}).`, true));
        });
        client.on('close', () => {
          if (!closing) drop(new TunnelError('The localtunnel client closed.', true));
        });
        // 'url' fires when the first tunnel connection is up, so requests can flow from that moment on.
        client.once('url', (url: string) => {
          if (closing) return;
          signal.removeEventListener('abort', onAbort);
          online = true;
          resolve({
            publicUrl: url,
            closed,
            async close() {
              closing = true;
              online = false;
              client.close();
              drop(undefined);
            },
          });
        });
      });
    },
  };
}

function validate(host: string, subdomain: string | undefined): void {
  let protocol: string;
  try {
    protocol = new URL(host).protocol;
  } catch {
    throw new TunnelError(`The localtunnel server "${host}" is not a URL; use one like ${DEFAULT_LOCALTUNNEL_HOST}.`, false);
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new TunnelError(`The localtunnel server must be an http(s) URL, got "${host}".`, false);
  if (subdomain !== undefined && !SUBDOMAIN.test(subdomain)) {
    throw new TunnelError(
      `The localtunnel subdomain "${subdomain}" is not allowed: use 4–63 lowercase letters, digits or hyphens, starting and ending with a letter or digit.`,
      false,
    );
  }
}

/**
 * `GET /api/status` is part of the localtunnel server's REST API. Only a 2xx lets the client loose on the server:
 * a server that is down (network error, 5xx) is retried with backoff, and anything else is not a localtunnel
 * server, where the client would poll forever.
 */
async function preflight(host: string, signal: AbortSignal, timeoutMs: number): Promise<void> {
  let status: number;
  try {
    const response = await fetch(`${host}/api/status`, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]), redirect: 'manual' });
    await response.body?.cancel();
    status = response.status;
  } catch (error) {
    if (signal.aborted) throw signal.reason as Error;
    throw new TunnelError(`Could not reach the localtunnel server at ${host} (${describeNetworkError(error)}).`, true, { cause: error });
  }
  if (status >= 500) throw new TunnelError(`The localtunnel server at ${host} is not working right now (HTTP ${status} from /api/status).`, true);
  if (status < 200 || status > 299) {
    throw new TunnelError(`${host} does not look like a localtunnel server (HTTP ${status} from /api/status): check --tunnel-host.`, false);
  }
}
