/**
 * Small helpers shared by the add/replace and remove halves of the PATCH engine.
 */

import type { ScimResourceType } from '../../../shared/scim/constants.js';
import { badRequest } from '../errors.js';
import { findKey, getOwn, isJsonObject } from '../resource/json.js';
import type { JsonObject, JsonValue } from '../resource/types.js';
import type { PatchPath } from './path.js';

/**
 * The object an attribute lives in: the resource itself, or its extension object. With `create`, a missing
 * extension object is added; custom URN keys are matched case-insensitively (RFC 7644 §3.10).
 */
export function containerOf(resource: JsonObject, extension: string | null, create: boolean): JsonObject | undefined {
  if (extension === null) return resource;
  const key = findKey(resource, extension) ?? extension;
  const existing = getOwn(resource, key);
  if (isJsonObject(existing)) return existing;
  if (!create) return undefined;
  const made: JsonObject = {};
  resource[key] = made;
  return made;
}

/** Removes an extension object that a removal left empty, so no `"urn:…": {}` is stored. */
export function dropEmptyExtension(resource: JsonObject, extension: string | null): void {
  if (extension === null) return;
  const key = findKey(resource, extension);
  const value = key === undefined ? undefined : getOwn(resource, key);
  if (key !== undefined && isJsonObject(value) && Object.keys(value).length === 0) delete resource[key];
}

/** Sets `key`, or deletes it when the value is `undefined` (unassigned). */
export function assign(target: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** A copy of `element` with sub-attribute `sub` (matched in any case) set, or removed when `value` is null/undefined. */
export function withSub(element: JsonObject, sub: string, value: JsonValue | undefined): JsonObject {
  const key = findKey(element, sub);
  const keep = value !== undefined && value !== null;
  const copy: JsonObject = {};
  // Rebuilt key by key so a replaced sub-attribute keeps its place (stored JSON stays in the order it was sent).
  for (const [name, item] of Object.entries(element)) {
    if (name !== key) copy[name] = item;
    else if (keep) copy[sub] = value;
  }
  if (keep && key === undefined) copy[sub] = value;
  return copy;
}

/** `id` and `meta` belong to the directory; a User's `groups` is readOnly (RFC 7643 §4.1.2, RFC 7644 §3.5.2). */
export function assertMutable(type: ScimResourceType, path: PatchPath): void {
  if (path.extension !== null) return;
  const readOnly = path.name === 'id' || path.name === 'meta' || (type === 'User' && path.name === 'groups');
  if (readOnly) throw badRequest('mutability', `Attribute '${path.name}' is read-only and cannot be changed by PATCH.`);
}

/** A readable name for the target of an operation, for error details. */
export function labelOf(path: PatchPath): string {
  const base = path.extension === null ? path.name : `${path.extension}:${path.name}`;
  return path.sub === undefined ? base : `${base}.${path.sub}`;
}
