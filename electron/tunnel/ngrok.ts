/**
 * ngrok through its official Node SDK (@ngrok/ngrok): the agent runs in-process as a native module, so there is no
 * `ngrok` binary to install. It needs an account authtoken; a reserved domain keeps the URL stable.
 */

import { hostPort, TunnelError, type TunnelProvider, type TunnelSession } from './types.js';

/** The slice of @ngrok/ngrok we use; tests inject a fake through `load`. */
export interface NgrokModule {
  forward(config: {
    addr: string;
    authtoken: string;
    domain?: string;
    proto: 'http';
    forwards_to?: string;
    onStatusChange?: (status: string) => void;
  }): Promise<{ url(): string | null; close(): Promise<void> }>;
}

export interface NgrokOptions {
  /** From the app's settings; falls back to NGROK_AUTHTOKEN. */
  readonly authtoken?: string;
  /** A domain reserved in the ngrok dashboard, e.g. `scim-monitor.ngrok.app`. */
  readonly domain?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly load?: () => Promise<NgrokModule>;
}

export const NGROK_AUTHTOKEN_HELP =
  'ngrok needs an authtoken: sign up for free at https://dashboard.ngrok.com/signup, copy your authtoken from ' +
  'https://dashboard.ngrok.com/get-started/your-authtoken, then set NGROK_AUTHTOKEN (or enter it in Settings) and start the tunnel again.';

// The native module is loaded only when ngrok is chosen, so a broken optional binary never stops the monitor.
const loadNgrok = async (): Promise<NgrokModule> => (await import('@ngrok/ngrok')) as unknown as NgrokModule;

export function ngrokProvider(options: NgrokOptions = {}): TunnelProvider {
  const env = options.env ?? process.env;
  const load = options.load ?? loadNgrok;
  return {
    name: 'ngrok',
    async open(target, signal): Promise<TunnelSession> {
      const authtoken = (options.authtoken ?? env.NGROK_AUTHTOKEN ?? '').trim();
      if (authtoken === '') throw new TunnelError(NGROK_AUTHTOKEN_HELP, false);
      let ngrok: NgrokModule;
      try {
        ngrok = await load();
      } catch (error) {
        throw new TunnelError(`ngrok's native module could not be loaded (${message(error)}): run \`npm ci\` again, or choose another tunnel.`, false, { cause: error });
      }
      let online = false;
      let drop: (reason: Error | undefined) => void = () => undefined;
      const closed = new Promise<Error | undefined>((resolve) => (drop = resolve));
      let listener: Awaited<ReturnType<NgrokModule['forward']>>;
      try {
        listener = await ngrok.forward({
          addr: hostPort(target),
          authtoken,
          proto: 'http',
          forwards_to: 'Provisioning Monitor SCIM listener',
          ...(options.domain === undefined ? {} : { domain: options.domain }),
          // ngrok reports "closed" while it is still trying to connect, too; only a drop after online matters.
          onStatusChange: (status) => {
            if (status === 'closed' && online) drop(new TunnelError('ngrok lost its connection to the ngrok service.', true));
          },
        });
      } catch (error) {
        throw describeNgrokError(error, options.domain);
      }
      const url = listener.url();
      if (signal.aborted || url === null) {
        await listener.close().catch(() => undefined);
        throw signal.aborted ? (signal.reason as Error) : new TunnelError('ngrok opened a listener without a public URL.', true);
      }
      online = true;
      return {
        publicUrl: url,
        closed,
        async close() {
          online = false;
          await listener.close().catch(() => undefined);
          drop(undefined);
        },
      };
    },
  };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * ngrok's errors in plain words. Codes: https://ngrok.com/docs/errors/ (ERR_NGROK_105/107/4018 authtoken,
 * 108 another session, 320 and 3xx reserved domains). No network shows as "failed to connect session".
 */
export function describeNgrokError(error: unknown, domain?: string): TunnelError {
  const raw = message(error);
  const code = typeof error === 'object' && error !== null && 'errorCode' in error ? String(error.errorCode) : '';
  const said = `ngrok said: ${raw}`;
  const text = `${code} ${raw}`;
  if (/ERR_NGROK_(105|106|107|4018)\b|authtoken|authentication failed/i.test(text)) {
    const help = 'copy yours from https://dashboard.ngrok.com/get-started/your-authtoken';
    return new TunnelError(`ngrok could not connect: check the authtoken (NGROK_AUTHTOKEN); ${help}. (${said})`, false, { cause: error });
  }
  if (domain !== undefined && /ERR_NGROK_3\d\d\b|domain/i.test(text)) {
    return new TunnelError(`ngrok refused the domain "${domain}": reserve it in the ngrok dashboard (Domains) for this account, or leave the domain empty. (${said})`, false, { cause: error });
  }
  if (/ERR_NGROK_108\b|simultaneous/i.test(text)) {
    return new TunnelError(`ngrok could not connect: another ngrok agent is already online with this account; stop it, or it will be retried. (${said})`, true, { cause: error });
  }
  if (/failed to connect session|failed to establish|dns|resolve|timed out|network/i.test(raw)) {
    return new TunnelError(`ngrok could not reach its service: no network, or a firewall blocks outbound connections to ngrok. Retrying. (${said})`, true, { cause: error });
  }
  return new TunnelError(`ngrok could not connect: ${raw}`, true, { cause: error });
}
