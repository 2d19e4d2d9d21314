/**
 * Multi-valued attributes (emails, phoneNumbers, addresses, ims, photos, entitlements, roles, x509Certificates,
 * members): always stored as an array of objects (RFC 7643 §2.4).
 */

import { badRequest } from '../errors.js';
import type { AttributeDef } from '../schema/attributes.js';
import { coerceString } from './coerce.js';
import { MEMBERS_DEF, ROLES_DEF, normalizeComplex, normalizeSubValue } from './complex.js';
import { describeValue, isJsonObject } from './json.js';
import type { JsonObject, JsonValue } from './types.js';

/**
 * Normalises one element. Group members keep only `value` (required) and `type`: `$ref` is computed on output and
 * `display` is readOnly (schema/attributes.ts). Roles keep every sub-attribute as sent, including a JSON string
 * inside `value` (entra-behavior.md §3.2 rule 7), but must have a string `value`.
 */
export function normalizeElement(def: AttributeDef, element: JsonValue, label: string): JsonValue | undefined {
  if (def.type !== 'complex') return normalizeSubValue(def, element, label);
  const object = normalizeComplex(def, element, label);
  if (def === MEMBERS_DEF) return member(object, label);
  if (def === ROLES_DEF && typeof object?.['value'] !== 'string') {
    throw badRequest('invalidValue', `Each element of '${label.replace(/\[\d+\]$/, '')}' needs a string "value"; got ${describeValue(element)} at '${label}'.`);
  }
  return object;
}

function member(object: JsonObject | undefined, label: string): JsonObject {
  const value = object?.['value'];
  if (typeof value !== 'string' || value === '') {
    throw badRequest('invalidValue', `Group member '${label}' needs a non-empty string "value" (the member's id).`);
  }
  const type = object?.['type'];
  return type === undefined ? { value } : { value, type: coerceString(type, `${label}.type`) };
}

/**
 * Normalises a whole multi-valued attribute: a single object is wrapped in an array, null elements are dropped,
 * duplicate members are dropped, and an empty result (`roles: []` in Entra's create body, §2.1) is `undefined` so
 * the attribute is not stored at all (RFC 7643 §2.5: an empty array and an unassigned attribute are equivalent).
 */
export function normalizeMultiValued(def: AttributeDef, value: JsonValue, label: string): JsonValue[] | undefined {
  if (value === null) return undefined;
  const list = Array.isArray(value) ? value : isJsonObject(value) ? [value] : undefined;
  if (list === undefined) {
    throw badRequest('invalidValue', `Attribute '${label}' is multi-valued and must be an array of objects, not ${describeValue(value)}.`);
  }
  const out: JsonValue[] = [];
  const memberIds = new Set<string>(); // a Set keeps 10,000-member bodies linear
  list.forEach((element, i) => {
    if (element === null) return;
    const normalized = normalizeElement(def, element, `${label}[${i}]`);
    if (normalized === undefined) return;
    const id = def === MEMBERS_DEF ? memberId(normalized) : undefined;
    if (id !== undefined) {
      if (memberIds.has(id)) return;
      memberIds.add(id);
    }
    out.push(normalized);
  });
  assertSinglePrimary(out, label);
  return out.length > 0 ? out : undefined;
}

/** A member entry's id: two entries name the same member when their ids are equal (opaque, compared exactly). */
export function memberId(element: JsonValue): string | undefined {
  const value = isJsonObject(element) ? element['value'] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** RFC 7643 §2.4: the primary attribute value "true" MUST appear no more than once. */
export function assertSinglePrimary(list: readonly JsonValue[], label: string): void {
  const primaries = list.filter((element) => isJsonObject(element) && element['primary'] === true).length;
  if (primaries > 1) {
    throw badRequest('invalidValue', `Attribute '${label}' has ${primaries} values with "primary": true; at most one is allowed.`);
  }
}
