/**
 * The remove operation (RFC 7644 §3.5.2.2) with Entra's member-removal dialects (entra-behavior.md §3.2 rule 8).
 */

import type { ScimResourceType } from '../../../shared/scim/constants.js';
import { badRequest } from '../errors.js';
import { MANAGER_DEF, MEMBERS_DEF, normalizeComplex } from '../resource/complex.js';
import { findKey, getOwn, isJsonObject, jsonEqual } from '../resource/json.js';
import { memberId } from '../resource/multi-valued.js';
import type { JsonObject, JsonValue } from '../resource/types.js';
import type { AttributeDef } from '../schema/attributes.js';
import { isUrn } from '../schema/resolve.js';
import { removeFiltered } from './filtered.js';
import type { PatchPath } from './path.js';
import { assertMutable, assign, containerOf, dropEmptyExtension, labelOf, withSub } from './target.js';

const REQUIRED: Record<ScimResourceType, string> = { User: 'userName', Group: 'displayName' };

/**
 * Removes the target of `path`. Removing something that is not there is a no-op, so Entra's retries of a member
 * removal succeed. With a value list and no filter, only the listed values go: Entra's default dialect removes a
 * member with `{"op":"Remove","path":"members","value":[{"value":"u1"}]}`, which must never mean "remove all"
 * (§3.2 rule 8). Without value and filter, the whole attribute goes.
 */
export function removeValue(type: ScimResourceType, resource: JsonObject, path: PatchPath, value: JsonValue | undefined): void {
  assertMutable(type, path);
  if (path.extension === null && path.filter === undefined && path.sub === undefined && path.name === REQUIRED[type]) {
    throw badRequest('mutability', `Attribute '${path.name}' is required and cannot be removed (RFC 7644 §3.5.2.2).`);
  }
  if (path.extension === null && isUrn(path.name)) {
    const key = findKey(resource, path.name);
    if (key !== undefined) delete resource[key];
    return;
  }
  const container = containerOf(resource, path.extension, false);
  const key = container === undefined ? undefined : findKey(container, path.name);
  const existing = container === undefined || key === undefined ? undefined : getOwn(container, key);
  if (container === undefined || key === undefined || existing === undefined) return;
  assign(container, key, nextValue(existing, path, value));
  dropEmptyExtension(resource, path.extension);
}

function nextValue(existing: JsonValue, path: PatchPath, value: JsonValue | undefined): JsonValue | undefined {
  if (path.filter !== undefined) return removeFiltered(existing, path.filter, path.def, path.sub);
  if (path.sub !== undefined) return removeSub(existing, path.def, path.sub);
  if (value !== undefined && value !== null && Array.isArray(existing)) return removeListed(existing, value, path.def, labelOf(path));
  return undefined;
}

/** `name.givenName`, `addresses.locality` (every element) or `manager.value` (the whole manager). */
function removeSub(existing: JsonValue, def: AttributeDef | undefined, sub: string): JsonValue | undefined {
  if (def === MANAGER_DEF && sub === 'value') return undefined;
  if (Array.isArray(existing)) {
    const kept = existing.flatMap((element): JsonValue[] => {
      if (!isJsonObject(element)) return [element];
      const rest = withSub(element, sub, undefined);
      return Object.keys(rest).length > 0 ? [rest] : [];
    });
    return kept.length > 0 ? kept : undefined;
  }
  if (!isJsonObject(existing)) return existing;
  const rest = withSub(existing, sub, undefined);
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * Removes the listed values from a multi-valued attribute. Members match on `value` (the id). Other attributes
 * match on `value` and `type` when the listed value names them, otherwise on every sub-attribute it names. A
 * listed value that names nothing (`{}`) matches nothing, so it can never turn into "remove all".
 */
function removeListed(existing: readonly JsonValue[], value: JsonValue, def: AttributeDef | undefined, label: string): JsonValue[] | undefined {
  const listed = (Array.isArray(value) ? value : [value]).flatMap((item, i): JsonObject[] => {
    if (typeof item === 'string') return [{ value: item }];
    if (!isJsonObject(item)) return [];
    return [normalizeComplex(def, item, `${label}[${i}]`) ?? {}];
  });
  if (def === MEMBERS_DEF) {
    const ids = new Set(listed.map(memberId)); // a Set keeps large member lists linear
    ids.delete(undefined);
    const kept = existing.filter((element) => !ids.has(memberId(element)));
    return kept.length > 0 ? kept : undefined;
  }
  const kept = existing.filter((element) => !listed.some((wanted) => matches(element, wanted)));
  return kept.length > 0 ? kept : undefined;
}

function matches(element: JsonValue, wanted: JsonObject): boolean {
  if (!isJsonObject(element)) return false;
  const identifying = Object.keys(wanted).filter((key) => key === 'value' || key === 'type');
  const keys = identifying.length > 0 ? identifying : Object.keys(wanted);
  return keys.length > 0 && keys.every((key) => jsonEqual(getOwn(element, key), wanted[key]));
}
