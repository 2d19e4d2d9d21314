import { describe, expect, it } from 'vitest';
import { checkPublicUrl, customProvider } from '../../../../electron/tunnel/custom.js';
import { createTunnelManager } from '../../../../electron/tunnel/manager.js';

describe('checkPublicUrl', () => {
  it.each([
    ['https://scim.example.com', 'https://scim.example.com'],
    ['  https://scim.example.com/  ', 'https://scim.example.com'],
    ['https://gw.example.com/monitor/', 'https://gw.example.com/monitor'],
    ['https://abc-7643.euw.devtunnels.ms/scim/v2', 'https://abc-7643.euw.devtunnels.ms'],
    ['https://abc.example.com/scim/v2?aadOptscim062020', 'https://abc.example.com'],
    ['HTTPS://Scim.Example.com:8443', 'https://scim.example.com:8443'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:9000/', 'http://127.0.0.1:9000'],
    ['http://scimtest.localhost', 'http://scimtest.localhost'],
  ])('accepts %s as %s', (raw, url) => {
    expect(checkPublicUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['scim.example.com', /is not a URL/],
    ['http://scim.example.com', /Entra only connects over HTTPS: use https:\/\/scim\.example\.com/],
    ['ftp://scim.example.com', /must start with https:\/\//],
    ['https://user:pw@scim.example.com', /user name or password/],
    ['https://scim.example.com/?x=1', /query or fragment/],
    ['https://scim.example.com/#top', /query or fragment/],
    ['', /is not a URL/],
  ])('rejects %s', (raw, error) => {
    const result = checkPublicUrl(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe('custom provider', () => {
  it('is online at once with the Tenant URL built from the entered URL', async () => {
    const manager = createTunnelManager({ provider: customProvider({ publicUrl: 'https://scim.example.com/' }), target: { host: '127.0.0.1', port: 7643 }, probe: false });
    expect(await manager.start()).toMatchObject({ state: 'online', provider: 'custom', tenantUrl: 'https://scim.example.com/scim/v2' });
    await manager.stop();
    expect(manager.status()).toEqual({ state: 'stopped' });
  });

  it('fails (no retry) on an unusable URL', async () => {
    const manager = createTunnelManager({ provider: customProvider({ publicUrl: 'http://scim.example.com' }), target: { host: '127.0.0.1', port: 7643 }, probe: false });
    expect(await manager.start()).toMatchObject({ state: 'failed', error: expect.stringMatching(/only connects over HTTPS/) });
  });
});
