/**
 * Complex attribute values: sub-attribute names canonicalised case-insensitively (RFC 7644 §3.10), known
 * sub-attributes type-checked, unknown ones kept as sent (Entra custom mappings), explicit nulls dropped
 * (entra-behavior.md §2.1 tolerates nulls).
 */

import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA, type AttributeDef } from '../schema/attributes.js';
import { coerceSimple, requireObject } from './coerce.js';
import { isForbiddenKey } from './json.js';
import type { JsonObject, JsonValue } from './types.js';

function requireDef(defs: readonly AttributeDef[], name: string): AttributeDef {
  const def = defs.find((d) => d.name === name);
  if (def === undefined) throw new Error(`schema/attributes.ts lost the '${name}' attribute`);
  return def;
}

/** Enterprise `manager`: three input shapes, one stored shape (entra-behavior.md §3.2 rule 6). */
export const MANAGER_DEF: AttributeDef = requireDef(ENTERPRISE_USER_SCHEMA.attributes, 'manager');
/** Group `members`: stored as `{ value, type? }` (resource/types.ts). */
export const MEMBERS_DEF: AttributeDef = requireDef(GROUP_SCHEMA.attributes, 'members');
/** User `roles`: each element must carry a string `value`, possibly a JSON string (§3.2 rule 7). */
export const ROLES_DEF: AttributeDef = requireDef(USER_SCHEMA.attributes, 'roles');

/** The sub-attribute definition named `name` (any case), if the schema has one. */
export function findSubDef(def: AttributeDef | undefined, name: string): AttributeDef | undefined {
  const lower = name.toLowerCase();
  return def?.subAttributes?.find((sub) => sub.name.toLowerCase() === lower);
}

/** Checks one sub-attribute value; `undefined` means "not set" (null). */
export function normalizeSubValue(subDef: AttributeDef | undefined, value: JsonValue, label: string): JsonValue | undefined {
  if (value === null) return undefined;
  return subDef === undefined ? value : coerceSimple(subDef, value, label);
}

/** Normalises a complex value (or a multi-valued element); an object left empty comes back as `undefined`. */
export function normalizeComplex(def: AttributeDef | undefined, value: JsonValue, label: string): JsonObject | undefined {
  const source = requireObject(value, label);
  const out: JsonObject = {};
  for (const [key, sub] of Object.entries(source)) {
    if (isForbiddenKey(key)) continue;
    const subDef = findSubDef(def, key);
    const name = subDef?.name ?? key;
    const normalized = normalizeSubValue(subDef, sub, `${label}.${name}`);
    if (normalized !== undefined) out[name] = normalized;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
