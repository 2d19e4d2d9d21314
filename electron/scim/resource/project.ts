/**
 * Attribute projection: the `attributes` and `excludedAttributes` query parameters (RFC 7644 §3.4.2.5, §3.9) and
 * the `returned` characteristic of RFC 7643 §2.4 (`always`, `never`, `default`, `request`).
 *
 * Entra's group match and read send `excludedAttributes=members` and fail with
 * `SystemForCrossDomainIdentityManagementMultipleEntriesInResponse` when members come back anyway
 * (entra-behavior.md §2.2, §14 item 5), so the excluded key must be absent, not empty or null.
 *
 * Requested names are turned into a tree of lower-cased segments (`[attr]`, `[attr, sub]`, `[extensionUrn]`,
 * `[extensionUrn, attr, sub]`), resolved with the same rules as filters and PATCH paths (schema/resolve.ts), and the
 * rendered resource is rebuilt from its own keys: names from the query are only ever Map keys, so `__proto__` or
 * `constructor` in a list is inert. `schemas` is kept as-is even when the projection removes a whole extension
 * object: RFC 7644 is silent, and a URN in `schemas` without its object is still a valid resource.
 */

import { SCHEMA_ENTERPRISE_USER, type ScimResourceType } from '../../../shared/scim/constants.js';
import { COMMON_ATTRIBUTES, GROUP_SCHEMA, USER_SCHEMA, type AttributeDef, type Returned } from '../schema/attributes.js';
import { canonicalUrn, extensionAttributes, isUrn, resolveAttribute } from '../schema/resolve.js';
import type { JsonObject, JsonValue } from './types.js';

export interface ProjectionOptions {
  readonly attributes?: readonly string[] | undefined;
  readonly excludedAttributes?: readonly string[] | undefined;
}

/** A node of the requested-name tree: `all` means the whole value at this node was named. */
interface Selection {
  all: boolean;
  readonly children: Map<string, Selection>;
}

/** What projection needs to know about one key of an object. */
interface KeyInfo {
  /** The key as it appears in the selection tree (lower-cased; canonical URN for extension objects). */
  readonly selKey: string;
  readonly returned: Returned;
  readonly subDefs: readonly AttributeDef[] | undefined;
}

type InfoOf = (key: string) => KeyInfo;

const ENTERPRISE_LOWER = SCHEMA_ENTERPRISE_USER.toLowerCase();

/**
 * Parses an `attributes` / `excludedAttributes` value: comma-separated names (RFC 7644 §3.4.2.5), trimmed, empty
 * entries ignored. Returns undefined when the parameter is absent or names nothing, so callers never see `[]`.
 */
export function parseAttributeList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names.length > 0 ? names : undefined;
}

/**
 * Returns a new resource holding what the client asked for (RFC 7644 §3.4.2.5, §3.9):
 * - `attributes`: only the named attributes, plus `schemas` and `returned: always` ones (`id`);
 * - `excludedAttributes`: everything but the named ones, which never removes `schemas` or `id`;
 * - neither: everything with `returned` default or always.
 * `returned: never` (password) is never output. When both lists are given both apply, so an excluded name wins.
 * Names are case-insensitive, may be URN-qualified or dotted, and unknown names are ignored (no error). Values that
 * a sub-attribute projection leaves empty are dropped, as SCIM omits attributes without a value (RFC 7643 §2.5).
 * The input is never mutated and the result shares no objects with it.
 */
export function projectResource(type: ScimResourceType, resource: JsonObject, options: ProjectionOptions): JsonObject {
  // The common case (Entra asks for neither list on users): nothing to select. Stored resources never hold a
  // `returned: never` attribute (normalization drops `password`), so the rendered resource goes out as it is.
  if (!options.attributes?.length && !options.excludedAttributes?.length && !('password' in resource)) return resource;
  const extensionKeys = new Set(Object.keys(resource).filter(isUrn).map((key) => canonicalUrn(key).toLowerCase()));
  const include = buildSelection(type, options.attributes, extensionKeys);
  const exclude = buildSelection(type, options.excludedAttributes, extensionKeys);
  return projectObject(resource, topLevelInfo(type), include, exclude);
}

function buildSelection(type: ScimResourceType, names: readonly string[] | undefined, extensionKeys: ReadonlySet<string>): Selection | null {
  if (names === undefined || names.length === 0) return null;
  const root: Selection = { all: false, children: new Map() };
  for (const raw of names) {
    const name = raw.trim();
    if (name.length > 0) addPath(root, pathOf(type, name, extensionKeys));
  }
  return root;
}

/** Turns one requested name into selection-tree segments. */
function pathOf(type: ScimResourceType, name: string, extensionKeys: ReadonlySet<string>): string[] {
  // A bare extension URN names the whole extension object. It must be recognised before resolveAttribute, which
  // would read `…:2.0:User` as attribute `User` of a schema `…:2.0`.
  if (isUrn(name)) {
    const urn = canonicalUrn(name).toLowerCase();
    if (urn === ENTERPRISE_LOWER || extensionKeys.has(urn)) return [urn];
  }
  const resolved = resolveAttribute(type, name);
  const tail = resolved.sub === null ? [resolved.name.toLowerCase()] : [resolved.name.toLowerCase(), resolved.sub.toLowerCase()];
  return resolved.extension === null ? tail : [resolved.extension.toLowerCase(), ...tail];
}

function addPath(root: Selection, path: readonly string[]): void {
  let node = root;
  for (const segment of path) {
    if (node.all) return; // an ancestor was named whole, which already covers this path
    let child = node.children.get(segment);
    if (child === undefined) {
      child = { all: false, children: new Map() };
      node.children.set(segment, child);
    }
    node = child;
  }
  node.all = true;
}

function findDef(defs: readonly AttributeDef[] | undefined, key: string): AttributeDef | undefined {
  const lower = key.toLowerCase();
  return defs?.find((d) => d.name.toLowerCase() === lower);
}

function nestedInfo(defs: readonly AttributeDef[] | undefined): InfoOf {
  return (key) => {
    const def = findDef(defs, key);
    return { selKey: key.toLowerCase(), returned: def?.returned ?? 'default', subDefs: def?.subAttributes };
  };
}

/** The top level of a resource: `schemas`, common and core attributes, and extension objects under their URN. */
function topLevelInfo(type: ScimResourceType): InfoOf {
  const core = nestedInfo([...COMMON_ATTRIBUTES, ...(type === 'User' ? USER_SCHEMA.attributes : GROUP_SCHEMA.attributes)]);
  return (key) => {
    // `schemas` is not an attribute of any schema but every response needs it (RFC 7643 §3), so it acts as always.
    if (key.toLowerCase() === 'schemas') return { selKey: 'schemas', returned: 'always', subDefs: undefined };
    if (!isUrn(key)) return core(key);
    const urn = canonicalUrn(key);
    return { selKey: urn.toLowerCase(), returned: 'default', subDefs: extensionAttributes(urn) };
  };
}

/**
 * Projects one object level. `include` null means no include filter applies here; `exclude` null means nothing
 * below is excluded.
 */
function projectObject(obj: JsonObject, infoOf: InfoOf, include: Selection | null, exclude: Selection | null): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    const info = infoOf(key);
    if (info.returned === 'never') continue;
    let nextInclude: Selection | null = null;
    let nextExclude: Selection | null = null;
    if (info.returned !== 'always') {
      const inc = include === null || include.all ? null : include.children.get(info.selKey);
      if (inc === undefined) continue; // an include filter applies and does not name this key
      // `request` attributes come back only when named themselves (RFC 7643 §2.4), not via a parent or by default.
      if (info.returned === 'request' && inc === null) continue;
      const exc = exclude?.children.get(info.selKey);
      if (exc?.all === true) continue;
      nextInclude = inc;
      nextExclude = exc ?? null;
    }
    const projected = projectValue(value, nestedInfo(info.subDefs), nextInclude, nextExclude);
    if (projected !== undefined) setOwn(out, key, projected);
  }
  return out;
}

/** Projects a value; undefined means "omit the key". Arrays apply the projection to every element (RFC 7644 §3.9). */
function projectValue(value: JsonValue, infoOf: InfoOf, include: Selection | null, exclude: Selection | null): JsonValue | undefined {
  const inc = include?.all === true ? null : include;
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const element of value) {
      const projected = projectValue(element, infoOf, inc, exclude);
      if (projected !== undefined) items.push(projected);
    }
    return items.length === 0 && value.length > 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const projected = projectObject(value, infoOf, inc, exclude);
    return Object.keys(projected).length === 0 && Object.keys(value).length > 0 ? undefined : projected;
  }
  // A simple value cannot hold the sub-attribute that was named (`userName.x`): nothing matches, so omit it.
  return inc === null ? value : undefined;
}

/** Defines an own property: a resource parsed from JSON may carry an own `__proto__` key, which `=` would not copy. */
function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
