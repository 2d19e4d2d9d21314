/**
 * `GET /ServiceProviderConfig` (RFC 7643 §5, RFC 7644 §4).
 *
 * Microsoft's docs never say Entra reads it, but validators and other clients do, and the reference server's tests
 * expect `patch.supported: true` (entra-behavior.md §2.3). Every flag below describes what this listener really does.
 */

import { SCHEMA_SERVICE_PROVIDER_CONFIG } from '../../../shared/scim/constants.js';
import type { JsonObject } from '../resource/types.js';

/** The most resources one list response returns; advertised as `filter.maxResults` (RFC 7643 §5). */
export const MAX_FILTER_RESULTS = 1000;

/**
 * The service provider configuration; `baseUrl` is the SCIM base (`…/scim/v2`), used only for `meta.location`.
 *
 * `documentationUri` is omitted rather than null: Entra expects absent values to be omitted (entra-behavior.md §2.3).
 */
export function serviceProviderConfig(baseUrl: string): JsonObject {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    schemas: [SCHEMA_SERVICE_PROVIDER_CONFIG],
    patch: { supported: true },
    // Entra's client never uses /Bulk (entra-behavior.md §2.3), so the listener does not implement it.
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_FILTER_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    // Resources carry `meta.version` and the listener honours If-Match / If-None-Match (RFC 7644 §3.14).
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with the Secret Token created in Provisioning Monitor (the Secret Token field in Entra).',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}
