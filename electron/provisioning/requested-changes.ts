/**
 * Modified properties read from the request alone, for proxy mode where the monitor sees no directory before and
 * after the write: a PATCH's operations (path → new value; the old value is unknown, so null), a POST or PUT body
 * (every attribute is new), a DELETE (nothing). Attributes are named as modified-properties.ts names them, so the
 * log, the coverage view and Entra's attribute mappings use the same words in both modes.
 */

import { SCHEMA_ENTERPRISE_USER } from '../../shared/scim/constants.js';
import { fieldOf, isJsonObject } from '../scim/resource/json.js';
import type { JsonObject, JsonValue } from '../scim/resource/types.js';
import { flattenValue, type ModifiedProperty } from './modified-properties.js';

/** Never part of a change row: message metadata, the server's id, and the writeOnly password (RFC 7643 §4.1.1). */
const SKIPPED = new Set(['schemas', 'meta', 'id', 'password']);
const isPassword = (attribute: string): boolean => /(^|[.:])password$/i.test(attribute);
/** A schema URN used as a container key (`urn:…:enterprise:2.0:User`), as opposed to an attribute path under it. */
const isSchemaKey = (key: string): boolean => /^urn:.*:(User|Group)$/i.test(key) || /^urn:.*:2\.0User$/i.test(key);
const MEMBER_FILTER = /^members\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]$/i;

/** entra-behavior.md §3.2 rule 6: manager arrives as `[{"value": id, "$ref": …}]`, `{"value": id}` or a bare id. */
function managerValue(value: JsonValue): JsonValue {
  const first = Array.isArray(value) ? value[0] : value;
  if (isJsonObject(first) && typeof first.value === 'string') return first.value;
  return first ?? null;
}

/** The attribute name the built-in target uses for a PATCH path (the legacy `manager` path is the enterprise one). */
function attributeOf(path: string): string {
  return path.trim().toLowerCase() === 'manager' ? `${SCHEMA_ENTERPRISE_USER}:manager` : path.trim();
}

function addValue(attribute: string, value: JsonValue, out: Map<string, ModifiedProperty>): void {
  const flat = new Map<string, string>();
  const isManager = attribute.toLowerCase().endsWith(':manager');
  flattenValue(attribute, isManager ? managerValue(value) : value, flat);
  for (const [name, text] of flat) out.set(name, { attribute: name, oldValue: null, newValue: text });
}

function memberRows(value: JsonValue | undefined, removing: boolean, out: Map<string, ModifiedProperty>): void {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const member of list) {
    const id = isJsonObject(member) && typeof member.value === 'string' ? member.value : typeof member === 'string' ? member : null;
    if (id === null) continue;
    const attribute = `members[value eq "${id}"]`;
    out.set(attribute, removing ? { attribute, oldValue: id, newValue: null } : { attribute, oldValue: null, newValue: id });
  }
}

/** One path-less value object: keys are attribute paths (`name.givenName`, full URN paths) or schema containers. */
function addObject(value: JsonObject, out: Map<string, ModifiedProperty>): void {
  for (const [key, item] of Object.entries(value)) {
    if (SKIPPED.has(key.toLowerCase())) continue;
    if (key.toLowerCase() === 'members') memberRows(item, false, out);
    else if (isSchemaKey(key) && isJsonObject(item)) for (const [sub, inner] of Object.entries(item)) addValue(`${key}:${sub}`, inner, out);
    else addValue(attributeOf(key), item, out);
  }
}

function patchChanges(body: JsonObject, out: Map<string, ModifiedProperty>): void {
  const operations = fieldOf(body, 'Operations');
  if (!Array.isArray(operations)) return;
  for (const operation of operations) {
    if (!isJsonObject(operation)) continue;
    const op = String(fieldOf(operation, 'op') ?? '').toLowerCase();
    const rawPath = fieldOf(operation, 'path');
    const path = typeof rawPath === 'string' ? rawPath.trim() : '';
    const value = fieldOf(operation, 'value');
    const filtered = MEMBER_FILTER.exec(path);
    if (filtered?.[1] !== undefined) {
      memberRows([{ value: filtered[1] }], op === 'remove', out);
    } else if (path.toLowerCase() === 'members') {
      memberRows(value, op === 'remove', out);
    } else if (op === 'remove') {
      if (path !== '') out.set(attributeOf(path), { attribute: attributeOf(path), oldValue: null, newValue: null });
    } else if (path === '') {
      if (isJsonObject(value)) addObject(value, out);
    } else if (value !== undefined) {
      addValue(attributeOf(path), value, out);
    }
  }
}

/** The properties a request asks to change, sorted by attribute; empty for reads, deletes and anything unparseable. */
export function requestedChanges(method: string, body: unknown): ModifiedProperty[] {
  if (!isJsonObject(body)) return [];
  const out = new Map<string, ModifiedProperty>();
  const verb = method.toUpperCase();
  if (verb === 'PATCH') patchChanges(body, out);
  else if (verb === 'POST' || verb === 'PUT') addObject(body, out);
  return [...out.values()].filter((change) => !isPassword(change.attribute)).sort((a, b) => (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0));
}
