import { EventEmitter } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { localtunnelProvider, type LocaltunnelFn } from '../../../../electron/tunnel/localtunnel.js';
import { createTunnelManager } from '../../../../electron/tunnel/manager.js';
import type { TunnelProvider } from '../../../../electron/tunnel/types.js';

const target = { host: '127.0.0.1', port: 7643 };
const start = (provider: TunnelProvider) => createTunnelManager({ provider, target, probe: false, backoff: { initialMs: 60_000 } });

/** A loopback port with nothing listening: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const neverLoaded: () => Promise<LocaltunnelFn> = () => Promise.reject(new Error('must not be loaded'));

describe('localtunnel provider', () => {
  it('rejects a subdomain the server would refuse, before contacting it', async () => {
    const manager = start(localtunnelProvider({ host: 'http://127.0.0.1:1', subdomain: 'Bad_Name', load: neverLoaded }));
    expect(await manager.start()).toMatchObject({
      state: 'failed',
      error: 'The localtunnel subdomain "Bad_Name" is not allowed: use 4–63 lowercase letters, digits or hyphens, starting and ending with a letter or digit.',
    });
  });

  it('rejects a server that is not an http(s) URL', async () => {
    expect(await start(localtunnelProvider({ host: 'localtunnel.me', load: neverLoaded })).start()).toMatchObject({ state: 'failed', error: expect.stringMatching(/is not a URL/) });
    expect(await start(localtunnelProvider({ host: 'ftp://x.test', load: neverLoaded })).start()).toMatchObject({ state: 'failed', error: expect.stringMatching(/http\(s\) URL/) });
  });

  it('backs off when the server does not answer, instead of letting the client retry forever', async () => {
    const port = await closedPort();
    const manager = start(localtunnelProvider({ host: `http://127.0.0.1:${port}`, load: neverLoaded }));
    const status = await manager.start();
    await manager.stop();
    expect(status).toMatchObject({ state: 'reconnecting', attempt: 2 });
    expect(status.state === 'reconnecting' && status.lastError).toMatch(new RegExp(`^Could not reach the localtunnel server at http://127\\.0\\.0\\.1:${port} \\(fetch failed: .*ECONNREFUSED`));
  });

  it('retries a server answering 5xx, and stops for one that is not a localtunnel server', async () => {
    let statusCode = 503;
    const web = createHttpServer((_req, res) => res.writeHead(statusCode).end());
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const host = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
    try {
      const down = start(localtunnelProvider({ host, load: neverLoaded }));
      expect(await down.start()).toMatchObject({ state: 'reconnecting', lastError: `The localtunnel server at ${host} is not working right now (HTTP 503 from /api/status).` });
      await down.stop();
      statusCode = 404;
      expect(await start(localtunnelProvider({ host, load: neverLoaded })).start()).toMatchObject({
        state: 'failed',
        error: `${host} does not look like a localtunnel server (HTTP 404 from /api/status): check --tunnel-host.`,
      });
    } finally {
      await new Promise((resolve) => web.close(resolve));
    }
  });

  it('passes the SCIM listener port, its host and the subdomain to the client', async () => {
    const seen: unknown[] = [];
    const fake = ((options: unknown, callback: (error?: unknown) => void) => {
      seen.push(options);
      const client = Object.assign(new EventEmitter(), { url: 'https://scimtest.loca.lt', close: () => undefined });
      setImmediate(() => (callback(), client.emit('url', client.url)));
      return client;
    }) as unknown as LocaltunnelFn;
    const manager = start(localtunnelProvider({ host: 'https://localtunnel.me/', subdomain: 'scimtest', load: async () => fake, preflight: false }));
    expect(await manager.start()).toMatchObject({ state: 'online', publicUrl: 'https://scimtest.loca.lt' });
    await manager.stop();
    expect(seen).toEqual([{ port: 7643, local_host: '127.0.0.1', host: 'https://localtunnel.me', subdomain: 'scimtest' }]);
  });
});
