/**
 * Cloudflare quick tunnel: runs the admin's `cloudflared` binary (`cloudflared tunnel --url http://127.0.0.1:PORT`)
 * and reads the `https://….trycloudflare.com` URL from its log. No account needed; the URL changes on every start.
 *
 * We do not bundle the binary: the npm wrappers download it from GitHub at install time (stack.md §7), which fails
 * offline and silently. Instead the admin installs it once, and we explain how when it is missing.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { hostPort, TunnelError, type TunnelProvider, type TunnelSession } from './types.js';

export interface CloudflaredOptions {
  /** Path to the binary; by default `cloudflared` is looked up on PATH. */
  readonly binary?: string;
}

export const CLOUDFLARED_INSTALL_HELP =
  'Install it from https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/downloads/ ' +
  '(macOS: brew install cloudflared; Windows: winget install --id Cloudflare.cloudflared; Linux: the .deb/.rpm from that page), ' +
  'or give its location with --cloudflared-path.';

// `api.trycloudflare.com/tunnel` appears in cloudflared's own error lines; the tunnel URL is a bare origin.
const QUICK_TUNNEL_URL = /https:\/\/(?!api\.)[a-z0-9-]+\.trycloudflare\.com(?![\w./-])/i;

/** The public URL from one line of cloudflared's log, if that line announces it. */
export function parseQuickTunnelUrl(line: string): string | undefined {
  return QUICK_TUNNEL_URL.exec(line)?.[0].toLowerCase();
}

/** cloudflared prints the URL before the edge accepts traffic; this line says a connection is registered. */
export function isConnectionRegistered(line: string): boolean {
  return /Registered tunnel connection|Connection [\w-]+ registered/i.test(line);
}

export function cloudflaredProvider(options: CloudflaredOptions = {}): TunnelProvider {
  const binary = options.binary ?? 'cloudflared';
  return {
    name: 'cloudflared',
    open(target, signal): Promise<TunnelSession> {
      return new Promise((resolve, reject) => {
        const child = spawn(binary, ['tunnel', '--no-autoupdate', '--url', `http://${hostPort(target)}`], {
          stdio: ['ignore', 'pipe', 'pipe'],
          windowsHide: true,
        });
        let publicUrl: string | undefined;
        let lastError = '';
        let online = false;
        let stopping = false;
        let drop: (reason: Error | undefined) => void = () => undefined;
        const closed = new Promise<Error | undefined>((done) => (drop = done));
        const exited = new Promise<void>((done) => child.once('close', () => done()));

        const onAbort = (): void => {
          stopping = true;
          void stop(child, exited);
          reject(signal.reason as Error);
        };
        signal.addEventListener('abort', onAbort, { once: true });

        const onLine = (line: string): void => {
          if (/\bERR\b|error/i.test(line)) lastError = line.replace(/^\S+\s+ERR\s+/, '').trim();
          publicUrl ??= parseQuickTunnelUrl(line);
          if (online || publicUrl === undefined || !isConnectionRegistered(line)) return;
          online = true;
          signal.removeEventListener('abort', onAbort);
          resolve({
            publicUrl,
            closed,
            async close() {
              stopping = true;
              await stop(child, exited);
              drop(undefined);
            },
          });
        };
        // cloudflared logs to stderr; stdout is read too in case a version or wrapper prints there.
        for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', onLine);

        child.once('error', (error: NodeJS.ErrnoException) => {
          signal.removeEventListener('abort', onAbort);
          if (error.code === 'ENOENT') {
            const where = options.binary === undefined ? 'no `cloudflared` on PATH' : `nothing at ${binary}`;
            reject(new TunnelError(`cloudflared is not installed (${where}). ${CLOUDFLARED_INSTALL_HELP}`, false, { cause: error }));
          } else if (error.code === 'EACCES') {
            reject(new TunnelError(`cloudflared at ${binary} cannot be run (permission denied): make it executable.`, false, { cause: error }));
          } else {
            reject(new TunnelError(`cloudflared could not be started: ${error.message}`, true, { cause: error }));
          }
        });
        child.once('exit', (code, exitSignal) => {
          signal.removeEventListener('abort', onAbort);
          if (stopping) return;
          const how = code === null ? `was killed (${exitSignal})` : `exited with code ${code}`;
          const error = new TunnelError(`cloudflared ${how}${lastError ? `: ${lastError}` : ''}.`, true);
          if (online) drop(error);
          else reject(error);
        });
      });
    },
  };
}

/** SIGTERM lets cloudflared unregister from the edge; SIGKILL after 5 s if it hangs. */
async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
