/**
 * Turns a POST/PUT body (or a PATCH result) into the stored shape of a User or Group (resource/types.ts).
 *
 * Tolerant where Entra is known to be sloppy (entra-behavior.md §2.1: `meta`, `roles: []`, explicit nulls,
 * top-level `department`/`manager`, the malformed enterprise URN, `"active": "True"`), strict where a value has the
 * wrong type (400 invalidValue naming the attribute).
 */

import {
  SCHEMA_ENTERPRISE_USER,
  SCHEMA_GROUP,
  SCHEMA_USER,
  type ScimResourceType,
} from '../../../shared/scim/constants.js';
import { badRequest } from '../errors.js';
import { canonicalUrn, extensionAttributes, isUrn, resolveAttribute } from '../schema/resolve.js';
import type { AttributeDef } from '../schema/attributes.js';
import { normalizeAttribute } from './attribute.js';
import { requireObject } from './coerce.js';
import { BODY_LIMITS, isJsonObject, toJson, type JsonLimits } from './json.js';
import type { JsonObject, JsonValue, StoredResource } from './types.js';

/**
 * Keys never stored: `schemas` is derived on output, `id`/`meta` belong to the directory, `password` is never kept
 * (schema/attributes.ts), and a User's `groups` is readOnly (RFC 7643 §4.1.2).
 */
const DROPPED: Record<ScimResourceType, ReadonlySet<string>> = {
  User: new Set(['schemas', 'id', 'meta', 'password', 'groups']),
  Group: new Set(['schemas', 'id', 'meta', 'password']),
};

const CORE_URN: Record<ScimResourceType, string> = { User: SCHEMA_USER, Group: SCHEMA_GROUP };
const REQUIRED: Record<ScimResourceType, string> = { User: 'userName', Group: 'displayName' };

/** Normalises a POST/PUT body; a body array over 10,000 values or nesting over 16 levels is rejected. */
export function normalizeResource(type: ScimResourceType, body: unknown): StoredResource {
  return normalizeWithLimits(type, body, BODY_LIMITS);
}

/**
 * Re-validates a resource produced by PATCH. Same rules, but without the per-body array cap: a group may grow past
 * 10,000 members over many PATCH requests, each of which was itself bounded.
 */
export function normalizePatchedResource(type: ScimResourceType, resource: StoredResource): StoredResource {
  return normalizeWithLimits(type, resource, { maxDepth: BODY_LIMITS.maxDepth, maxArrayLength: Number.POSITIVE_INFINITY });
}

interface Draft {
  readonly type: ScimResourceType;
  readonly out: JsonObject;
  /** Attributes found under the enterprise URN (or its malformed spelling). */
  readonly enterprise: JsonObject;
  /** Enterprise attributes sent at the top level, as in Entra's older create example (§2.1); the URN object wins. */
  readonly legacy: JsonObject;
}

function normalizeWithLimits(type: ScimResourceType, body: unknown, limits: JsonLimits): StoredResource {
  if (!isJsonObject(body)) throw badRequest('invalidSyntax', `The ${type} body must be a JSON object.`);
  const source = toJson(body, type, limits);
  const draft: Draft = { type, out: {}, enterprise: {}, legacy: {} };
  if (isJsonObject(source)) {
    for (const [key, value] of Object.entries(source)) placeTopLevel(draft, key, value, true);
  }
  const enterprise = { ...draft.legacy, ...draft.enterprise };
  if (Object.keys(enterprise).length > 0) draft.out[SCHEMA_ENTERPRISE_USER] = enterprise;
  requireName(type, draft.out);
  return draft.out;
}

function placeTopLevel(draft: Draft, key: string, value: JsonValue, allowUrn: boolean): void {
  if (value === null) return; // §2.1: explicit nulls in Entra's older create example mean "not set"
  if (isUrn(key)) {
    if (allowUrn) placeExtension(draft, key, value);
    else draft.out[key] = value;
    return;
  }
  if (key.includes('.')) {
    draft.out[key] = value; // not an attribute name; kept as sent like any unknown attribute
    return;
  }
  const resolved = resolveAttribute(draft.type, key);
  if (DROPPED[draft.type].has(resolved.name.toLowerCase())) return;
  if (resolved.def !== undefined) {
    assign(draft.out, resolved.name, normalizeAttribute(resolved.def, value, resolved.name));
    return;
  }
  const legacy = draft.type === 'User' ? enterpriseDef(key) : undefined;
  if (legacy !== undefined) {
    assign(draft.legacy, legacy.name, normalizeAttribute(legacy, value, legacy.name));
    return;
  }
  draft.out[key] = value; // unknown attributes are Entra custom mappings: stored, not rejected
}

function placeExtension(draft: Draft, key: string, value: JsonValue): void {
  const urn = canonicalUrn(key);
  if (urn === CORE_URN[draft.type]) {
    // Core attributes wrapped in their own schema URN: read them as top-level attributes.
    const core = requireObject(value, key);
    for (const [name, item] of Object.entries(core)) placeTopLevel(draft, name, item, false);
    return;
  }
  if (draft.type === 'User' && urn === SCHEMA_ENTERPRISE_USER) {
    // Also reached for the malformed `…enterprise:2.0User` spelling (§2.1), which canonicalUrn maps here.
    const extension = requireObject(value, urn);
    for (const [name, item] of Object.entries(extension)) {
      if (item === null) continue;
      const def = enterpriseDef(name);
      if (def === undefined) draft.enterprise[name] = item;
      else assign(draft.enterprise, def.name, normalizeAttribute(def, item, `${urn}:${def.name}`));
    }
    return;
  }
  draft.out[urn] = value; // custom extension (entra-behavior.md §3.2 rule 3): kept as sent
}

function enterpriseDef(name: string): AttributeDef | undefined {
  const lower = name.toLowerCase();
  return extensionAttributes(SCHEMA_ENTERPRISE_USER)?.find((def) => def.name.toLowerCase() === lower);
}

function assign(target: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** RFC 7643 §4.1.1 / §4.2: `userName` (User) and `displayName` (Group) are required, non-empty strings. */
function requireName(type: ScimResourceType, resource: JsonObject): void {
  const name = REQUIRED[type];
  const value = resource[name];
  if (typeof value !== 'string' || value === '') {
    throw badRequest('invalidValue', `A ${type} needs a non-empty string "${name}"; it is ${value === undefined ? 'missing' : 'empty'}.`);
  }
}
