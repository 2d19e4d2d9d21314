/**
 * The MonitorApi over HTTP + SSE for the browser UI and scripts, on its own loopback port: never the SCIM port, which
 * the tunnel exposes to the internet (architecture.md, "One contract, two transports" and "The SCIM port serves
 * SCIM only"; issue 11, "Admin surface").
 *
 * `openUrl` opens the UI directly: its fragment carries a one-time key that the page trades for a session cookie
 * (shared/api/admin-http.ts `exchangeSessionKey`). Scripts and tests send `Authorization: Bearer <adminKey>`.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KEY_FRAGMENT_PARAM } from '../../shared/api/admin-http.js';
import type { MonitorApiHandlers } from '../../shared/api/contract.js';
import type { EventHub } from '../api/events.js';
import { allowedHosts } from './guards.js';
import { createAdminHandler } from './routes.js';
import { createAdminSecrets, ONE_TIME_KEY_TTL_MS } from './sessions.js';
import { createSseStreams, HEARTBEAT_MS } from './sse.js';

/** The only address the admin server binds: loopback, so nothing off this machine can reach it. */
export const ADMIN_HOST = '127.0.0.1';

export interface AdminServerOptions {
  readonly handlers: MonitorApiHandlers;
  readonly events: EventHub;
  /** Must be 127.0.0.1; anything else is refused rather than silently exposing the admin API. */
  readonly host?: string;
  /** 0 (default) takes a free port. */
  readonly port?: number;
  /** The built UI (dist/renderer); without an index.html there a placeholder page is served. */
  readonly staticDir?: string;
  /** Finished exports (`<dataDir>/exports`), served at `GET /exports/<jobId>/<file>` to authenticated callers. */
  readonly exportsDir?: string;
  /** For tests: a shorter heartbeat and key lifetime, a movable clock. */
  readonly heartbeatMs?: number;
  readonly keyTtlMs?: number;
  readonly now?: () => number;
}

export interface AdminServer {
  readonly server: Server;
  readonly port: number;
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string;
  /** `url` + `/#key=<one-time key>`: opens the UI signed in, once, within ONE_TIME_KEY_TTL_MS. */
  readonly openUrl: string;
  /** The per-process secret for `Authorization: Bearer …` (scripts, tests); never printed by the CLI. */
  readonly adminKey: string;
  /** A fresh single-use open URL (the first one is `openUrl`). */
  issueOpenUrl(): string;
  /** Ends event streams, stops listening and cuts remaining connections. */
  close(): Promise<void>;
}

export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const host = options.host ?? ADMIN_HOST;
  if (host !== ADMIN_HOST) {
    throw new Error(`The admin API binds ${ADMIN_HOST} only (issue 11); refusing host "${host}".`);
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`The admin port must be 0–65535, got ${port}.`);

  const secrets = createAdminSecrets(options.now, options.keyTtlMs ?? ONE_TIME_KEY_TTL_MS);
  const streams = createSseStreams(options.events, options.heartbeatMs ?? HEARTBEAT_MS);
  let hosts: ReadonlySet<string> = new Set();
  const server = createServer(
    createAdminHandler({ handlers: options.handlers, secrets, streams, hosts: () => hosts, staticDir: options.staticDir, exportsDir: options.exportsDir }),
  );
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  hosts = allowedHosts(actualPort);
  const url = `http://${ADMIN_HOST}:${actualPort}`;
  const issueOpenUrl = (): string => `${url}/#${KEY_FRAGMENT_PARAM}=${secrets.issueOneTimeKey()}`;

  return {
    server,
    port: actualPort,
    url,
    openUrl: issueOpenUrl(),
    adminKey: secrets.adminKey,
    issueOpenUrl,
    close: () =>
      new Promise<void>((resolve) => {
        streams.closeAll();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      }),
  };
}
