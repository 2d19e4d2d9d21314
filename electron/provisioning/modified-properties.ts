/**
 * Modified properties (old → new) of one write, computed from the directory before and after it: Entra's
 * "Modified Properties" tab (entra-behavior.md §6.1), but exact. Attributes are named the way Entra's attribute
 * mappings name them (`emails[type eq "work"].value`, `urn:…:enterprise:2.0:User:department`), so the log, the
 * attribute coverage and Entra's mapping blade use the same words.
 */

import { isJsonObject } from '../scim/resource/json.js';
import type { JsonValue, StoredResource } from '../scim/resource/types.js';

export interface ModifiedProperty {
  readonly attribute: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}


const text = (value: JsonValue): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** True for a multi-valued attribute whose elements each carry a distinct `type` (emails, phoneNumbers, addresses). */
function isTypedList(value: JsonValue[]): value is { [key: string]: JsonValue }[] {
  const types = value.map((element) => (isJsonObject(element) && typeof element.type === 'string' ? element.type : null));
  return types.length > 0 && types.every((t) => t !== null) && new Set(types).size === types.length;
}

/** Adds `path` (and, for complex and typed multi-valued values, its sub-attribute paths) with their values to `out`. */
export function flattenValue(path: string, value: JsonValue, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (path === 'members') {
      for (const member of value) if (isJsonObject(member) && typeof member.value === 'string') out.set(`members[value eq "${member.value}"]`, member.value);
      return;
    }
    if (isTypedList(value)) {
      for (const element of value) {
        for (const [sub, item] of Object.entries(element)) if (sub !== 'type') flattenValue(`${path}[type eq "${String(element.type)}"].${sub}`, item, out);
      }
      return;
    }
    if (value.length > 0) out.set(path, text(value));
    return;
  }
  if (isJsonObject(value)) {
    // A reference (the enterprise manager) is shown as the id it points to, as Entra shows it.
    if (path.endsWith(':manager') && typeof value.value === 'string') {
      out.set(path, value.value);
      return;
    }
    for (const [sub, item] of Object.entries(value)) flattenValue(`${path}.${sub}`, item, out);
    return;
  }
  if (value !== null) out.set(path, text(value));
}

export function flattenResource(resource: StoredResource | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!resource) return out;
  for (const [key, value] of Object.entries(resource)) {
    if (key.toLowerCase().startsWith('urn:') && isJsonObject(value)) {
      for (const [sub, item] of Object.entries(value)) flattenValue(`${key}:${sub}`, item, out);
    } else {
      flattenValue(key, value, out);
    }
  }
  return out;
}

/** The attributes whose values differ, in a stable order; empty when the write changed nothing. */
export function modifiedProperties(before: StoredResource | null, after: StoredResource | null): ModifiedProperty[] {
  const old = flattenResource(before);
  const next = flattenResource(after);
  const names = [...new Set([...old.keys(), ...next.keys()])].sort();
  const changes: ModifiedProperty[] = [];
  for (const attribute of names) {
    const oldValue = old.get(attribute) ?? null;
    const newValue = next.get(attribute) ?? null;
    if (oldValue !== newValue) changes.push({ attribute, oldValue, newValue });
  }
  return changes;
}
