import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbe, PROBE_USER_AGENT } from '../../../../electron/tunnel/probe.js';

let server: Server;
let base = '';
const seen: Array<{ url?: string; ua?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, ua: req.headers['user-agent'] });
    if (req.url?.startsWith('/offline/')) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Tunnel offline</h1>');
      return;
    }
    res.writeHead(401, { 'content-type': 'application/scim+json; charset=utf-8' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('self-probe', () => {
  it('counts a SCIM 401 as reachable and says it was not over TLS', async () => {
    const result = await createProbe({ now: () => 42 })(`${base}/`);
    expect(result).toMatchObject({ state: 'reachable', httpStatus: 401, https: false, checkedAt: 42 });
    expect(seen.at(-1)).toEqual({ url: '/scim/v2/ServiceProviderConfig', ua: PROBE_USER_AGENT });
  });

  it('says when something else answered (the tunnel service, not this monitor)', async () => {
    const result = await createProbe()(`${base}/offline`);
    expect(result).toMatchObject({ state: 'unreachable', error: expect.stringMatching(/^Public URL not reachable: .* answered HTTP 404, but not from this monitor's SCIM listener/) });
  });

  it('turns a network error into "not reachable", not a crash', async () => {
    const result = await createProbe({ fetch: () => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND x.trycloudflare.com') })) })('https://x.trycloudflare.com');
    expect(result).toMatchObject({
      state: 'unreachable',
      error: 'Public URL not reachable: https://x.trycloudflare.com/scim/v2/ServiceProviderConfig (fetch failed: getaddrinfo ENOTFOUND x.trycloudflare.com).',
    });
  });

  it('gives up after the timeout', async () => {
    const hang = (_url: string, init: { signal: AbortSignal }) => new Promise<never>((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason as Error)));
    const result = await createProbe({ fetch: hang, timeoutMs: 20 })('https://slow.test');
    expect(result).toMatchObject({ state: 'unreachable', error: expect.stringContaining('(no answer in time)') });
  });
});
