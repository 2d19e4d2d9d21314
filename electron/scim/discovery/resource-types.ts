/**
 * `GET /ResourceTypes` (RFC 7643 §6, RFC 7644 §4): the two resource types the listener serves.
 *
 * Entra does not read these (entra-behavior.md §2.3) but validators do; a Group has no extension, so its
 * `schemaExtensions` is omitted rather than empty or null (RFC 7643 §6 example, entra-behavior.md §2.3).
 */

import { SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP, SCHEMA_RESOURCE_TYPE, SCHEMA_USER } from '../../../shared/scim/constants.js';
import type { JsonObject } from '../resource/types.js';

interface ResourceTypeDef {
  readonly id: string;
  readonly description: string;
  readonly endpoint: string;
  readonly schema: string;
  readonly extensions: readonly string[];
}

const RESOURCE_TYPES: readonly ResourceTypeDef[] = [
  // The enterprise extension is optional: Entra sends it only when an enterprise attribute is mapped.
  { id: 'User', description: 'User Account', endpoint: '/Users', schema: SCHEMA_USER, extensions: [SCHEMA_ENTERPRISE_USER] },
  { id: 'Group', description: 'Group', endpoint: '/Groups', schema: SCHEMA_GROUP, extensions: [] },
];

function render(base: string, def: ResourceTypeDef): JsonObject {
  const out: JsonObject = {
    schemas: [SCHEMA_RESOURCE_TYPE],
    id: def.id,
    name: def.id,
    description: def.description,
    endpoint: def.endpoint,
    schema: def.schema,
  };
  if (def.extensions.length > 0) {
    out['schemaExtensions'] = def.extensions.map((schema) => ({ schema, required: false }));
  }
  out['meta'] = { resourceType: 'ResourceType', location: `${base}/ResourceTypes/${def.id}` };
  return out;
}

/** All resource types, freshly built so callers may mutate the result. */
export function resourceTypes(baseUrl: string): JsonObject[] {
  const base = baseUrl.replace(/\/+$/, '');
  return RESOURCE_TYPES.map((def) => render(base, def));
}

/** `GET /ResourceTypes/{id}`; the id compares case-insensitively, like attribute names (RFC 7643 §2.1). */
export function resourceTypeById(baseUrl: string, id: string): JsonObject | undefined {
  const lower = id.toLowerCase();
  const def = RESOURCE_TYPES.find((d) => d.id.toLowerCase() === lower);
  return def === undefined ? undefined : render(baseUrl.replace(/\/+$/, ''), def);
}
