/**
 * Evaluates a SCIM filter (RFC 7644 §3.4.2.2) against an in-memory JSON object.
 *
 * The PATCH engine uses it to pick elements of a multi-valued attribute for paths such as `emails[type eq "work"]`
 * and `members[value eq "…"]` (RFC 7644 §3.5.2, entra-behavior.md §3.2 rules 5 and 8). Semantics match to-sql.ts:
 * names are case-insensitive (RFC 7644 §3.10), strings compare case-insensitively unless the attribute is caseExact
 * (RFC 7643 §2.2), a multi-valued attribute matches when any element does, an absent attribute never matches `ne`,
 * and `eq null` / `ne null` mean "not present" / "present".
 */

import { SCHEMA_GROUP, SCHEMA_USER } from '../../../shared/scim/constants.js';
import { badRequest } from '../errors.js';
import type { JsonObject, JsonValue } from '../resource/types.js';
import type { AttributeDef } from '../schema/attributes.js';
import { canonicalUrn, extensionAttributes, isUrn, splitUrnPath } from '../schema/resolve.js';
import type { CompareOp, FilterNode, FilterValue } from './ast.js';

/** True when `element` matches `node`; `defs` describe the element's attributes (for caseExact and booleans). */
export function matchesFilter(element: JsonObject, node: FilterNode, defs?: readonly AttributeDef[]): boolean {
  switch (node.kind) {
    case 'and':
      return matchesFilter(element, node.left, defs) && matchesFilter(element, node.right, defs);
    case 'or':
      return matchesFilter(element, node.left, defs) || matchesFilter(element, node.right, defs);
    case 'not':
      return !matchesFilter(element, node.filter, defs);
    case 'present':
      return isPresentAt(element, node.path, defs);
    case 'compare': {
      if (node.value === null) {
        if (node.op === 'eq') return !isPresentAt(element, node.path, defs);
        if (node.op === 'ne') return isPresentAt(element, node.path, defs);
        throw badRequest('invalidFilter', `The "${node.op}" operator cannot compare "${node.path}" with null.`);
      }
      const { values, def } = locate(element, node.path, defs, true);
      checkOperator(node.op, node.value, def, node.path);
      const expected = node.value;
      return values.some((actual) => compareOne(actual, node.op, expected, def));
    }
    case 'valuePath': {
      const { raw, def } = locate(element, node.path, defs, false);
      const subDefs = def?.subAttributes;
      if (Array.isArray(raw)) return raw.some((item) => isObject(item) && matchesFilter(item, node.filter, subDefs));
      return isObject(raw) && matchesFilter(raw, node.filter, subDefs);
    }
  }
}

interface Located {
  /** The value of the path's top-level attribute. */
  readonly raw: JsonValue | undefined;
  /** The candidate values to compare: one per element of a multi-valued attribute. */
  readonly values: readonly (JsonValue | undefined)[];
  /** The definition of the compared (sub-)attribute, when known. */
  readonly def: AttributeDef | undefined;
}

/**
 * Finds the values a path names. Without a sub-attribute, a comparison on a complex attribute compares its `value`
 * (RFC 7644 §3.4.2.2: `emails eq "x"` means some email's value; Entra's `manager eq <id>`, §2.1 U7).
 */
function locate(element: JsonObject, path: string, defs: readonly AttributeDef[] | undefined, forCompare: boolean): Located {
  let scope: JsonObject = element;
  let scopeDefs = defs;
  let rest = path;
  if (isUrn(path)) {
    const split = splitUrnPath(path);
    const urn = canonicalUrn(split.urn ?? '');
    rest = split.rest;
    if (urn !== SCHEMA_USER && urn !== SCHEMA_GROUP) {
      // Extension attributes live under their URN key (resource/types.ts); match the key case-insensitively.
      const key = Object.keys(element).find((k) => isUrn(k) && canonicalUrn(k).toLowerCase() === urn.toLowerCase());
      const ext = key === undefined ? undefined : element[key];
      scope = isObject(ext) ? ext : {};
      scopeDefs = extensionAttributes(urn);
    }
  }
  const dot = rest.indexOf('.');
  const head = dot < 0 ? rest : rest.slice(0, dot);
  const sub = dot < 0 ? null : rest.slice(dot + 1);
  const def = findDef(scopeDefs, head);
  const raw = get(scope, head);
  if (sub === null && !forCompare) return { raw, values: [raw], def };
  const subName = sub ?? 'value';
  const subDef = findDef(def?.subAttributes, subName);
  if (Array.isArray(raw)) {
    const values = raw.map((item) => (isObject(item) ? get(item, subName) : sub === null ? item : undefined));
    return { raw, values, def: subDef };
  }
  if (isObject(raw)) return { raw, values: [get(raw, subName)], def: subDef };
  return { raw, values: sub === null ? [raw] : [], def: sub === null ? def : undefined };
}

/** `pr` (RFC 7644 §3.4.2.2): a non-empty value; for a sub-attribute path, any element with a non-empty value. */
function isPresentAt(element: JsonObject, path: string, defs: readonly AttributeDef[] | undefined): boolean {
  return locate(element, path, defs, false).values.some(isPresent);
}

function isPresent(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return !isObject(value) || Object.keys(value).length > 0;
}

/** RFC 7644 §3.4.2.2: ordering and substring operators on booleans are an invalidFilter error. */
function checkOperator(op: CompareOp, value: FilterValue, def: AttributeDef | undefined, path: string): void {
  if (op === 'eq' || op === 'ne') return;
  if (typeof value === 'boolean' || def?.type === 'boolean') {
    throw badRequest('invalidFilter', `The "${op}" operator cannot be used on the boolean "${path}".`);
  }
}

function compareOne(actual: JsonValue | undefined, op: CompareOp, expected: FilterValue, def: AttributeDef | undefined): boolean {
  if (actual === undefined || actual === null || typeof actual === 'object') return false;
  let a: string | number | boolean = actual;
  let e: FilterValue = expected;
  // Entra sends booleans as "True"/"False" strings in its default dialect (entra-behavior.md §3.2 rule 2).
  if (typeof a === 'boolean' && typeof e === 'string') e = toBoolean(e) ?? e;
  if (typeof e === 'boolean' && typeof a === 'string') a = toBoolean(a) ?? a;
  if (typeof e === 'number' && typeof a === 'string' && def !== undefined && def.type !== 'decimal' && def.type !== 'integer') {
    e = String(e);
  }
  if (typeof a !== typeof e) return op === 'ne';
  if (typeof a === 'string' && typeof e === 'string' && def?.caseExact !== true) {
    a = a.toLowerCase();
    e = e.toLowerCase();
  }
  switch (op) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'co':
      return String(a).includes(String(e));
    case 'sw':
      return String(a).startsWith(String(e));
    case 'ew':
      return String(a).endsWith(String(e));
    case 'gt':
      return e !== null && a > e;
    case 'ge':
      return e !== null && a >= e;
    case 'lt':
      return e !== null && a < e;
    case 'le':
      return e !== null && a <= e;
  }
}

function toBoolean(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

function findDef(defs: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined {
  const lower = name.toLowerCase();
  return defs?.find((d) => d.name.toLowerCase() === lower);
}

/** Reads a key case-insensitively (RFC 7644 §3.10), preferring an exact match. */
function get(object: JsonObject, name: string): JsonValue | undefined {
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
