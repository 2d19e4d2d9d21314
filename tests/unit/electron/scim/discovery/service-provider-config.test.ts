import { describe, expect, it } from 'vitest';
import { serviceProviderConfig } from '../../../../../electron/scim/discovery/service-provider-config.js';

const BASE = 'https://abc.example.net/scim/v2';

/** Every path in a JSON tree whose value is null or undefined (entra-behavior.md §2.3: nulls are omitted). */
function nullPaths(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nullPaths(v, `${path}.${k}`));
  return [];
}

describe('serviceProviderConfig', () => {
  it('has the exact RFC 7643 §5 shape the listener advertises', () => {
    expect(serviceProviderConfig(BASE)).toStrictEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'OAuth Bearer Token',
          description: 'Authentication with the Secret Token created in Provisioning Monitor (the Secret Token field in Entra).',
          primary: true,
        },
      ],
      meta: { resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` },
    });
  });

  it('omits documentationUri and holds no null anywhere', () => {
    const config = serviceProviderConfig(BASE);
    expect('documentationUri' in config).toBe(false);
    expect(nullPaths(config)).toEqual([]);
  });

  it('tolerates a trailing slash on the base URL', () => {
    expect(serviceProviderConfig(`${BASE}/`)['meta']).toEqual({
      resourceType: 'ServiceProviderConfig',
      location: `${BASE}/ServiceProviderConfig`,
    });
  });

  it('returns a fresh object on each call', () => {
    const first = serviceProviderConfig(BASE);
    first['patch'] = { supported: false };
    expect(serviceProviderConfig(BASE)['patch']).toEqual({ supported: true });
  });
});
