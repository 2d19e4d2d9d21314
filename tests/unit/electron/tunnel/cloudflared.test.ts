import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOUDFLARED_INSTALL_HELP, cloudflaredProvider, isConnectionRegistered, parseQuickTunnelUrl } from '../../../../electron/tunnel/cloudflared.js';
import { createTunnelManager } from '../../../../electron/tunnel/manager.js';
import type { TunnelStatus } from '../../../../electron/tunnel/types.js';

// Lines as cloudflared 2024.x prints them for `cloudflared tunnel --url http://127.0.0.1:7643`.
const SAMPLE = [
  '2025-01-10T09:12:01Z INF Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out. However, be aware that these account-less Tunnels have no uptime guarantee. If you intend to use Tunnels in production you should use a pre-created named tunnel by following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps',
  '2025-01-10T09:12:01Z INF Requesting new quick Tunnel on trycloudflare.com...',
  '2025-01-10T09:12:03Z INF +--------------------------------------------------------------------------------------------+',
  '2025-01-10T09:12:03Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |',
  '2025-01-10T09:12:03Z INF |  https://seasonal-deck-organisms-sf.trycloudflare.com                                      |',
  '2025-01-10T09:12:03Z INF +--------------------------------------------------------------------------------------------+',
  '2025-01-10T09:12:03Z INF Version 2025.1.0',
  '2025-01-10T09:12:04Z INF Registered tunnel connection connIndex=0 connection=6c2f1c0e-1b3d-4d9e-9f3c-2a1b3c4d5e6f event=0 ip=198.41.200.13 location=ams16 protocol=quic',
];
const OFFLINE = '2025-01-10T09:12:01Z ERR Error unmarshaling QuickTunnel response: error="failed to request quick Tunnel: Post \\"https://api.trycloudflare.com/tunnel\\": dial tcp: lookup api.trycloudflare.com: no such host"';

const dir = mkdtempSync(join(tmpdir(), 'pm-cloudflared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in `cloudflared` (a shell script) that prints the given lines to stderr, then stays up or exits. */
function fakeBinary(name: string, lines: string[], then: 'stay' | 'exit 1'): string {
  const path = join(dir, name);
  const echo = lines.map((line) => `printf '%s\\n' '${line.replace(/'/g, `'\\''`)}' >&2`).join('\n');
  writeFileSync(path, `#!/bin/sh\necho "$@" > "${path}.args"\n${echo}\n${then === 'stay' ? 'exec sleep 30' : 'exit 1'}\n`);
  chmodSync(path, 0o755);
  return path;
}

const start = (binary?: string): Promise<{ status: TunnelStatus; stop: () => Promise<void> }> => {
  const manager = createTunnelManager({
    provider: cloudflaredProvider(binary === undefined ? {} : { binary }),
    target: { host: '127.0.0.1', port: 7643 },
    probe: false,
    backoff: { initialMs: 60_000 },
  });
  return manager.start().then((status) => ({ status, stop: () => manager.stop() }));
};

describe('cloudflared quick-tunnel output', () => {
  it('finds the trycloudflare URL, and only that one', () => {
    expect(SAMPLE.map(parseQuickTunnelUrl).filter(Boolean)).toEqual(['https://seasonal-deck-organisms-sf.trycloudflare.com']);
    expect(parseQuickTunnelUrl(OFFLINE)).toBeUndefined();
    expect(parseQuickTunnelUrl('INF |  https://Mixed-Case-x.trycloudflare.com  |')).toBe('https://mixed-case-x.trycloudflare.com');
  });

  it('recognises the line that says the edge accepts traffic', () => {
    expect(SAMPLE.filter(isConnectionRegistered)).toHaveLength(1);
    expect(isConnectionRegistered('2021-03-01T10:00:00Z INF Connection 4d9e0b7c-1b3d registered connIndex=0 location=LHR')).toBe(true);
  });
});

describe('cloudflared provider', () => {
  it('fails with how to install it when the configured binary is missing', async () => {
    const { status } = await start(join(dir, 'no-such-cloudflared'));
    expect(status).toEqual({ state: 'failed', provider: 'cloudflared', error: `cloudflared is not installed (nothing at ${join(dir, 'no-such-cloudflared')}). ${CLOUDFLARED_INSTALL_HELP}` });
    expect(CLOUDFLARED_INSTALL_HELP).toMatch(/brew install cloudflared/);
  });

  it('fails with how to install it when cloudflared is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = dir;
    try {
      const { status } = await start();
      expect(status).toMatchObject({ state: 'failed', error: expect.stringMatching(/^cloudflared is not installed \(no `cloudflared` on PATH\)\. Install it from https:/) });
    } finally {
      process.env.PATH = path;
    }
  });

  it('runs `cloudflared tunnel --url` for the SCIM port and comes online once a connection is registered', async () => {
    const binary = fakeBinary('cloudflared-ok', SAMPLE, 'stay');
    const { status, stop } = await start(binary);
    try {
      expect(status).toMatchObject({ state: 'online', publicUrl: 'https://seasonal-deck-organisms-sf.trycloudflare.com', tenantUrl: 'https://seasonal-deck-organisms-sf.trycloudflare.com/scim/v2' });
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(`${binary}.args`, 'utf8').trim()).toBe('tunnel --no-autoupdate --url http://127.0.0.1:7643');
    } finally {
      await stop();
    }
  });

  it('retries when cloudflared exits, quoting its last error', async () => {
    const { status, stop } = await start(fakeBinary('cloudflared-offline', SAMPLE.slice(0, 2).concat(OFFLINE), 'exit 1'));
    await stop();
    expect(status).toMatchObject({ state: 'reconnecting', attempt: 2 });
    expect(status.state === 'reconnecting' && status.lastError).toMatch(/^cloudflared exited with code 1: Error unmarshaling QuickTunnel response: .*no such host/);
  });
});
