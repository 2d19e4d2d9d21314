/**
 * Binds the SCIM listener to a host and port, and stops it cleanly.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SCIM_BASE_PATH } from '../../../shared/scim/constants.js';
import { createScimListener, type ListenerDeps } from './listener.js';

export interface RunningListener {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  /** `http://host:port/scim/v2`. */
  readonly url: string;
  close(): Promise<void>;
}

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/** Starts listening; `port` 0 takes a free port. Resolves once requests are accepted. */
export function startScimServer(deps: ListenerDeps, host: string, port: number): Promise<RunningListener> {
  const server = createServer(createScimListener(deps));
  // A client that sends headers slowly must not hold a socket forever (the listener faces the internet).
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server,
        host,
        port: address.port,
        url: `http://${urlHost(host)}:${address.port}${SCIM_BASE_PATH}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            // In-flight requests get a moment to finish and log; then the sockets are cut.
            setTimeout(() => server.closeAllConnections(), 2_000).unref();
          }),
      });
    });
  });
}
