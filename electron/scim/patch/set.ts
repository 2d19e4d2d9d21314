/**
 * The add and replace operations (RFC 7644 §3.5.2.1, §3.5.2.3) with Entra's dialect quirks (entra-behavior.md §3.2):
 * boolean strings are coerced by the attribute normalisers (rule 2), extension paths are resolved by path.ts
 * (rule 3), path-less values are split into paths here (rule 4), filtered paths live in filtered.ts (rule 5).
 */

import type { ScimResourceType } from '../../../shared/scim/constants.js';
import { badRequest } from '../errors.js';
import { normalizeAttribute } from '../resource/attribute.js';
import { coerceString, requireObject } from '../resource/coerce.js';
import { MANAGER_DEF, MEMBERS_DEF, normalizeComplex } from '../resource/complex.js';
import { findKey, getOwn, isJsonObject, jsonEqual } from '../resource/json.js';
import { normalizeManager } from '../resource/manager.js';
import { memberId, normalizeMultiValued } from '../resource/multi-valued.js';
import type { JsonObject, JsonValue } from '../resource/types.js';
import { isUrn } from '../schema/resolve.js';
import { demoteOtherPrimaries, setFiltered } from './filtered.js';
import { parsePatchPath, type PatchPath } from './path.js';
import { removeValue } from './remove.js';
import { assertMutable, assign, containerOf, labelOf, withSub } from './target.js';

export type SetOp = 'add' | 'replace';

/** Applies one add/replace of `value` at `path` to `resource` (mutated in place: the caller owns a copy). */
export function setValue(type: ScimResourceType, resource: JsonObject, op: SetOp, path: PatchPath, value: JsonValue): void {
  assertMutable(type, path);
  // RFC 7643 §2.5: null means unassigned, so setting null clears the attribute (entra-behavior.md §3.2 rule 10).
  if (value === null) return removeValue(type, resource, path, undefined);
  if (path.extension === null && isUrn(path.name)) return mergeExtension(type, resource, op, path.name, value);
  const container = containerOf(resource, path.extension, true) ?? resource;
  const key = findKey(container, path.name) ?? path.name;
  const existing = getOwn(container, key);
  const label = labelOf(path);
  if (path.filter !== undefined) {
    return assign(container, key, setFiltered(existing, path.filter, path.def, path.sub, value, label));
  }
  if (path.def === MANAGER_DEF) return assign(container, key, nextManager(existing, path.sub, value, label));
  if (path.sub !== undefined) return assign(container, key, setSub(existing, path, value, label));
  if (path.def?.multiValued === true || (path.def === undefined && op === 'add' && Array.isArray(existing))) {
    return assign(container, key, setMulti(existing, path, op, value, label));
  }
  if (path.def?.type === 'complex' || (path.def === undefined && isJsonObject(existing) && isJsonObject(value))) {
    // RFC 7644 §3.5.2.1/§3.5.2.3: add and replace on a complex attribute merge sub-attributes; unnamed ones stay.
    const incoming = path.def === undefined ? requireObject(value, label) : (normalizeComplex(path.def, value, label) ?? {});
    return assign(container, key, { ...(isJsonObject(existing) ? existing : {}), ...incoming });
  }
  assign(container, key, path.def === undefined ? value : normalizeAttribute(path.def, value, label));
}

/**
 * A whole extension object (`{"urn:…:enterprise:2.0:User": {"department": "X"}}` in a path-less op): each member
 * is applied as its own fully qualified path, so `manager` and friends get their usual treatment.
 */
function mergeExtension(type: ScimResourceType, resource: JsonObject, op: SetOp, urn: string, value: JsonValue): void {
  for (const [name, item] of Object.entries(requireObject(value, urn))) {
    setValue(type, resource, op, parsePatchPath(type, `${urn}:${name}`), item);
  }
}

/**
 * Manager (entra-behavior.md §3.2 rule 6): the legacy `[{"$ref", "value"}]` array, a bare id string or an object
 * all replace the stored `{ value }`; `manager.value` is the bare-string case.
 */
function nextManager(existing: JsonValue | undefined, sub: string | undefined, value: JsonValue, label: string): JsonValue | undefined {
  if (sub === undefined) return normalizeManager(value, label);
  if (sub === 'value') return normalizeManager(coerceString(value, label), label);
  return normalizeManager(withSub(isJsonObject(existing) ? existing : {}, sub, value), label);
}

/**
 * `name.givenName` sets one sub-attribute of a complex value. On a multi-valued attribute without a filter
 * (`emails.value`) it applies to every element, or creates one element when there is none.
 */
function setSub(existing: JsonValue | undefined, path: PatchPath, value: JsonValue, label: string): JsonValue | undefined {
  const sub = path.sub ?? '';
  if (path.def?.multiValued === true || Array.isArray(existing)) {
    const list = Array.isArray(existing) && existing.length > 0 ? existing : [{}];
    const next = list.map((element) => (isJsonObject(element) ? withSub(element, sub, value) : element));
    return path.def === undefined ? next : normalizeMultiValued(path.def, next, label);
  }
  const parent = withSub(isJsonObject(existing) ? existing : {}, sub, value);
  if (path.def !== undefined) return normalizeComplex(path.def, parent, label);
  return Object.keys(parent).length > 0 ? parent : undefined;
}

/**
 * Multi-valued without a filter: replace swaps the whole array (`AssertiveAppRoleAssignmentsComplex` roles, §3.2
 * rule 7); add appends, skipping values already present, so re-adding a group member, a JSON-string role or any
 * identical value is a no-op (entra-behavior.md §2.2 G5, §3.2 rules 7 and 11).
 */
function setMulti(existing: JsonValue | undefined, path: PatchPath, op: SetOp, value: JsonValue, label: string): JsonValue[] | undefined {
  const incoming = path.def === undefined ? (Array.isArray(value) ? value : [value]) : (normalizeMultiValued(path.def, value, label) ?? []);
  if (op === 'replace') return incoming.length > 0 ? incoming : undefined;
  const list: JsonValue[] = Array.isArray(existing) ? [...existing] : [];
  const memberIds = new Set(path.def === MEMBERS_DEF ? list.map(memberId) : []);
  const added = new Set<number>();
  for (const item of incoming) {
    const present = path.def === MEMBERS_DEF ? memberIds.has(memberId(item)) : list.some((element) => jsonEqual(element, item));
    if (present) continue;
    added.add(list.push(item) - 1);
    memberIds.add(memberId(item));
  }
  demoteOtherPrimaries(list, added);
  return list.length > 0 ? list : undefined;
}

/** A path-less add/replace: the value object's keys are attribute paths (entra-behavior.md §3.2 rule 4). */
export function setPathless(type: ScimResourceType, resource: JsonObject, op: SetOp, value: JsonValue | undefined): void {
  if (!isJsonObject(value)) {
    throw badRequest('invalidValue', `A ${op} without "path" needs a JSON object "value" whose keys are attribute paths (RFC 7644 §3.5.2).`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.toLowerCase() === 'schemas') continue; // some clients echo the resource's schemas; not an attribute
    setValue(type, resource, op, parsePatchPath(type, key), item);
  }
}
