import { describe, expect, it } from 'vitest';
import { tunnelConfig, tunnelLines } from '../../../../electron/cli/serve-tunnel.js';
import { UsageError } from '../../../../electron/cli/usage.js';
import type { TunnelStatus } from '../../../../electron/tunnel/types.js';

const manager = { provider: 'localtunnel' as const, target: { host: '127.0.0.1', port: 7643 } };
const lines = (status: TunnelStatus, now = 0): string[] => tunnelLines({ type: 'status', status }, manager, now);

describe('serve --tunnel flags', () => {
  it('defaults to no tunnel', () => {
    expect(tunnelConfig({})).toBeUndefined();
    expect(tunnelConfig({ tunnel: 'none' })).toBeUndefined();
  });

  it('passes each provider its own flags', () => {
    expect(tunnelConfig({ tunnel: 'localtunnel', 'tunnel-host': 'https://lt.example.com', 'tunnel-subdomain': 'scimtest' })).toEqual({
      provider: 'localtunnel', host: 'https://lt.example.com', subdomain: 'scimtest',
    });
    expect(tunnelConfig({ tunnel: 'ngrok', 'tunnel-domain': 'x.ngrok.app' })).toEqual({ provider: 'ngrok', domain: 'x.ngrok.app' });
    expect(tunnelConfig({ tunnel: 'cloudflared', 'cloudflared-path': '/opt/cf' })).toEqual({ provider: 'cloudflared', cloudflaredPath: '/opt/cf' });
    expect(tunnelConfig({ tunnel: 'custom', 'tunnel-host': 'https://scim.example.com' })).toEqual({ provider: 'custom', host: 'https://scim.example.com' });
  });

  it('rejects unknown providers, flags for another provider and a bad custom URL as usage errors', () => {
    expect(() => tunnelConfig({ tunnel: 'frp' })).toThrow(new UsageError('--tunnel must be one of ngrok|localtunnel|cloudflared|custom|none, got "frp".'));
    expect(() => tunnelConfig({ tunnel: 'ngrok', 'tunnel-subdomain': 'abcd' })).toThrow('--tunnel-subdomain applies to --tunnel localtunnel only.');
    expect(() => tunnelConfig({ 'tunnel-host': 'https://x.test' })).toThrow('--tunnel-host applies to --tunnel localtunnel or custom only.');
    expect(() => tunnelConfig({ tunnel: 'custom' })).toThrow(/needs --tunnel-host/);
    expect(() => tunnelConfig({ tunnel: 'custom', 'tunnel-host': 'http://scim.example.com' })).toThrow(/only connects over HTTPS/);
  });
});

describe('serve tunnel output', () => {
  it('prints the Tenant URL line exactly once the tunnel is online', () => {
    const online: TunnelStatus = {
      state: 'online', provider: 'localtunnel', publicUrl: 'https://a.loca.lt', tenantUrl: 'https://a.loca.lt/scim/v2',
      tenantUrlAadOptscim062020: 'https://a.loca.lt/scim/v2?aadOptscim062020', since: 0, probe: { state: 'pending' },
    };
    expect(lines(online)).toContain('Tenant URL: https://a.loca.lt/scim/v2');
    expect(lines({ ...online, probe: { state: 'reachable', httpStatus: 401, roundTripMs: 80, https: true, checkedAt: 1 } })).toEqual([
      'Tunnel: public URL reachable (HTTP 401 from the listener in 80 ms).',
    ]);
  });

  it('prints one line per reconnect, failure and stop', () => {
    expect(lines({ state: 'connecting', provider: 'localtunnel', attempt: 1 })).toEqual(['Tunnel: connecting with localtunnel to 127.0.0.1:7643…']);
    expect(lines({ state: 'connecting', provider: 'localtunnel', attempt: 2 })).toEqual([]);
    expect(lines({ state: 'reconnecting', provider: 'localtunnel', attempt: 2, lastError: 'down.', nextAttemptAt: 4000 }, 0)).toEqual(['Tunnel: reconnecting (attempt 2 in 4 s): down.']);
    expect(lines({ state: 'failed', provider: 'ngrok', error: 'no authtoken' })).toEqual(['Tunnel failed: no authtoken']);
    expect(lines({ state: 'stopped' })).toEqual(['Tunnel stopped.']);
  });
});
