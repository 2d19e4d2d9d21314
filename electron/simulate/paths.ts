/**
 * Reads and writes a SCIM resource by the Britive mapping's target paths (shared/scim/britive-mapping.ts): plain
 * (`title`), dotted (`name.givenName`), typed multi-valued (`emails[type eq "work"].value`) and enterprise-extension
 * URN paths (`urn:…:enterprise:2.0:User:department`), the forms Entra writes in PATCH paths (entra-behavior.md §3.2).
 */

export type AttributeValue = string | boolean;
type Json = Record<string, unknown>;

export type ParsedPath =
  | { readonly kind: 'plain'; readonly name: string }
  | { readonly kind: 'dotted'; readonly parent: string; readonly name: string }
  | { readonly kind: 'typed'; readonly parent: string; readonly type: string; readonly name: string }
  | { readonly kind: 'extension'; readonly schema: string; readonly name: string };

const TYPED = /^(\w+)\[type eq "([^"]+)"\]\.(\w+)$/;

export function parsePath(path: string): ParsedPath {
  if (path.toLowerCase().startsWith('urn:')) {
    const colon = path.lastIndexOf(':');
    return { kind: 'extension', schema: path.slice(0, colon), name: path.slice(colon + 1) };
  }
  const typed = TYPED.exec(path);
  if (typed) return { kind: 'typed', parent: typed[1]!, type: typed[2]!, name: typed[3]! };
  const dot = path.indexOf('.');
  return dot < 0 ? { kind: 'plain', name: path } : { kind: 'dotted', parent: path.slice(0, dot), name: path.slice(dot + 1) };
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A key of `object`, compared case-insensitively as SCIM attribute names are (RFC 7643 §2.1). */
function get(object: unknown, name: string): unknown {
  if (!isObject(object)) return undefined;
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

/** The value at a mapping path, or undefined when the resource has none. */
export function valueAt(resource: unknown, path: string): unknown {
  const parsed = parsePath(path);
  switch (parsed.kind) {
    case 'plain':
      return get(resource, parsed.name);
    case 'dotted':
      return get(get(resource, parsed.parent), parsed.name);
    case 'extension':
      return get(get(resource, parsed.schema), parsed.name);
    case 'typed': {
      const list = get(resource, parsed.parent);
      const entry = Array.isArray(list) ? list.find((item) => get(item, 'type') === parsed.type) : undefined;
      return get(entry, parsed.name);
    }
  }
}

/** Writes a value at a mapping path into a plain JSON object, creating the parent, entry or extension object. */
export function setPath(resource: Json, path: string, value: AttributeValue): void {
  const parsed = parsePath(path);
  const child = (key: string): Json => {
    const existing = resource[key];
    if (isObject(existing)) return existing;
    const created: Json = {};
    resource[key] = created;
    return created;
  };
  switch (parsed.kind) {
    case 'plain':
      resource[parsed.name] = value;
      return;
    case 'dotted':
      child(parsed.parent)[parsed.name] = value;
      return;
    case 'extension':
      child(parsed.schema)[parsed.name] = value;
      return;
    case 'typed': {
      const list = Array.isArray(resource[parsed.parent]) ? (resource[parsed.parent] as Json[]) : [];
      resource[parsed.parent] = list;
      let entry = list.find((item) => item.type === parsed.type);
      if (!entry) {
        entry = { type: parsed.type };
        list.push(entry);
      }
      entry[parsed.name] = value;
    }
  }
}

/** One attribute Entra would export: the target value and whether the target already had one (Add vs Replace). */
export interface AttributeChange {
  readonly path: string;
  readonly value: AttributeValue;
  readonly had: boolean;
}

/**
 * The attributes whose target value differs from the source's: what Entra sends after reading the target
 * (entra-behavior.md §3.2 rule 11, "sends only the differences"). Comparison is exact: the listener keeps values as sent.
 */
export function diffAttributes(desired: Readonly<Record<string, AttributeValue>>, resource: unknown): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const [path, value] of Object.entries(desired)) {
    const current = valueAt(resource, path);
    if (current !== value) changes.push({ path, value, had: current !== undefined && current !== null });
  }
  return changes;
}
