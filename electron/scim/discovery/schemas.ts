/**
 * `GET /Schemas` (RFC 7643 §7, RFC 7644 §4), rendered from the same attribute table that drives filters and PATCH.
 *
 * Entra reads it for certain gallery apps only, and expects camelCase property values (`readWrite`) with null values
 * omitted (entra-behavior.md §2.3), so optional properties are left out instead of being written as null or [].
 * The common attributes (`id`, `externalId`, `meta`) are not listed: RFC 7643 §3.1 makes them part of every
 * resource without belonging to a schema, and the RFC 7643 §8.7 representations leave them out too.
 */

import { SCHEMA_SCHEMA } from '../../../shared/scim/constants.js';
import { ALL_SCHEMAS, type AttributeDef, type SchemaDef } from '../schema/attributes.js';
import { canonicalUrn } from '../schema/resolve.js';
import type { JsonObject } from '../resource/types.js';

function renderAttribute(def: AttributeDef): JsonObject {
  const out: JsonObject = {
    name: def.name,
    type: def.type,
    multiValued: def.multiValued,
    description: def.description,
    required: def.required,
    caseExact: def.caseExact,
    mutability: def.mutability,
    returned: def.returned,
    uniqueness: def.uniqueness,
  };
  // An empty list says nothing the absent property does not, and some clients treat [] as "no value allowed".
  if (def.canonicalValues !== undefined && def.canonicalValues.length > 0) out['canonicalValues'] = [...def.canonicalValues];
  if (def.referenceTypes !== undefined && def.referenceTypes.length > 0) out['referenceTypes'] = [...def.referenceTypes];
  if (def.subAttributes !== undefined && def.subAttributes.length > 0) out['subAttributes'] = def.subAttributes.map(renderAttribute);
  return out;
}

function renderSchema(base: string, schema: SchemaDef): JsonObject {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(renderAttribute),
    // The id is a URN, whose colons are legal in a path segment (RFC 3986 §3.3), so it is not escaped.
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${schema.id}` },
  };
}

/** Every schema the listener knows (User, EnterpriseUser, Group), freshly built so callers may mutate the result. */
export function schemaResources(baseUrl: string): JsonObject[] {
  const base = baseUrl.replace(/\/+$/, '');
  return ALL_SCHEMAS.map((schema) => renderSchema(base, schema));
}

/**
 * `GET /Schemas/{id}`: the id compares case-insensitively, as the listener compares schema URIs everywhere
 * (schema/resolve.ts `canonicalUrn`), and the legacy malformed enterprise URN finds the real schema
 * (entra-behavior.md §2.1).
 */
export function schemaById(baseUrl: string, id: string): JsonObject | undefined {
  const lower = canonicalUrn(id).toLowerCase();
  const schema = ALL_SCHEMAS.find((s) => s.id.toLowerCase() === lower);
  return schema === undefined ? undefined : renderSchema(baseUrl.replace(/\/+$/, ''), schema);
}
