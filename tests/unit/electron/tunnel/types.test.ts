import { describe, expect, it } from 'vitest';
import { toTunnelInfo } from '../../../../electron/tunnel/tunnel-info.js';
import { flaggedTenantUrlOf, hostPort, loopbackTarget, loopbackTargetOf, tenantUrlOf } from '../../../../electron/tunnel/types.js';

describe('tunnel helpers', () => {
  it('builds both Tenant URLs from a public URL', () => {
    expect(tenantUrlOf('https://a.loca.lt/')).toBe('https://a.loca.lt/scim/v2');
    expect(flaggedTenantUrlOf('https://gw.example.com/monitor')).toBe('https://gw.example.com/monitor/scim/v2?aadOptscim062020');
  });

  it('sends a wildcard bind to loopback and brackets IPv6', () => {
    expect(loopbackTarget('0.0.0.0', 7643)).toEqual({ host: '127.0.0.1', port: 7643 });
    expect(loopbackTarget('::', 7643)).toEqual({ host: '::1', port: 7643 });
    expect(loopbackTarget('127.0.0.1', 1)).toEqual({ host: '127.0.0.1', port: 1 });
    expect(hostPort({ host: '::1', port: 8 })).toBe('[::1]:8');
    expect(hostPort({ host: '127.0.0.1', port: 8 })).toBe('127.0.0.1:8');
  });

  it('finds the loopback target of a listener URL, wildcard binds and IPv6 included', () => {
    expect(loopbackTargetOf('http://0.0.0.0:7643/scim/v2')).toEqual({ host: '127.0.0.1', port: 7643 });
    expect(loopbackTargetOf('http://[::]:7643/scim/v2')).toEqual({ host: '::1', port: 7643 });
    expect(loopbackTargetOf('http://[::1]:9/scim/v2')).toEqual({ host: '::1', port: 9 });
    expect(loopbackTargetOf('http://127.0.0.1/scim/v2')).toEqual({ host: '127.0.0.1', port: 80 });
  });

  it('summarises a status as the MonitorApi TunnelInfo', () => {
    expect(toTunnelInfo('ngrok', { state: 'failed', provider: 'ngrok', error: 'no authtoken' })).toEqual({ provider: 'ngrok', state: 'failed', publicUrl: null, message: 'no authtoken' });
    expect(
      toTunnelInfo('localtunnel', {
        state: 'online', provider: 'localtunnel', publicUrl: 'https://a.loca.lt', tenantUrl: 'https://a.loca.lt/scim/v2',
        tenantUrlAadOptscim062020: 'https://a.loca.lt/scim/v2?aadOptscim062020', since: 1, probe: { state: 'unreachable', error: 'Public URL not reachable: x', checkedAt: 2 },
      }),
    ).toEqual({ provider: 'localtunnel', state: 'online', publicUrl: 'https://a.loca.lt', message: 'Public URL not reachable: x' });
    expect(toTunnelInfo('ngrok', { state: 'reconnecting', provider: 'ngrok', attempt: 3, lastError: 'ngrok could not reach its service.', nextAttemptAt: 9 }).message).toBe(
      'ngrok could not reach its service. Retrying (attempt 3).',
    );
  });
});
