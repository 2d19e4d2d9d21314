/**
 * Value-filtered paths (`emails[type eq "work"].value`, `members[value eq "…"]`; RFC 7644 §3.5.2).
 */

import { badRequest } from '../errors.js';
import type { FilterNode } from '../filter/ast.js';
import { matchesFilter } from '../filter/evaluate.js';
import { requireObject } from '../resource/coerce.js';
import { MEMBERS_DEF, findSubDef } from '../resource/complex.js';
import { isJsonObject } from '../resource/json.js';
import { memberId, normalizeElement } from '../resource/multi-valued.js';
import type { AttributeDef } from '../schema/attributes.js';
import type { JsonObject, JsonValue } from '../resource/types.js';
import { withSub } from './target.js';

/** The indices of the elements of `list` that the value filter selects. */
export function matchingIndices(list: readonly JsonValue[], filter: FilterNode, def: AttributeDef | undefined): number[] {
  const id = def === MEMBERS_DEF ? memberIdFilter(filter) : undefined;
  const selects =
    id === undefined
      ? (element: JsonValue): boolean => isJsonObject(element) && matchesFilter(element, filter, def?.subAttributes)
      : (element: JsonValue): boolean => sameId(memberId(element), id);
  const indices: number[] = [];
  list.forEach((element, i) => {
    if (selects(element)) indices.push(i);
  });
  return indices;
}

/**
 * The id in `members[value eq "<id>"]`, Entra's flag-dialect member removal (§3.2 rule 8). A large group PATCH can
 * carry hundreds of these against thousands of members, so they skip the general evaluator; the comparison below
 * is the evaluator's own rule for `members.value` (not caseExact: case-insensitive, RFC 7643 §2.2).
 */
function memberIdFilter(filter: FilterNode): { readonly exact: string; readonly lower: string } | undefined {
  if (filter.kind !== 'compare' || filter.op !== 'eq' || typeof filter.value !== 'string' || filter.path.toLowerCase() !== 'value') {
    return undefined;
  }
  return { exact: filter.value, lower: filter.value.toLowerCase() };
}

function sameId(actual: string | undefined, id: { readonly exact: string; readonly lower: string }): boolean {
  return actual === id.exact || actual?.toLowerCase() === id.lower;
}

/**
 * The element a filter describes, from its `eq` comparisons joined by `and`: `type eq "work"` → `{type: "work"}`.
 * Undefined when the filter does not pin an element down (`or`, `ne`, `co`…).
 */
export function seedFromFilter(node: FilterNode, def: AttributeDef | undefined): JsonObject | undefined {
  if (node.kind === 'and') {
    const left = seedFromFilter(node.left, def);
    const right = seedFromFilter(node.right, def);
    return left === undefined || right === undefined ? undefined : { ...left, ...right };
  }
  if (node.kind !== 'compare' || node.op !== 'eq' || node.value === null || /[.:]/.test(node.path)) return undefined;
  const seed: JsonObject = {};
  seed[findSubDef(def, node.path)?.name ?? node.path] = node.value;
  return seed;
}

/**
 * RFC 7644 §3.5.2: setting `primary` to true on one value sets it to false on the others. `keep` are the indices
 * that were just written; only they may keep `primary: true`.
 */
export function demoteOtherPrimaries(list: (JsonValue | undefined)[], keep: ReadonlySet<number>): void {
  const promoted = [...keep].some((i) => {
    const element = list[i];
    return isJsonObject(element) && element['primary'] === true;
  });
  if (!promoted) return;
  list.forEach((element, i) => {
    if (!keep.has(i) && isJsonObject(element) && element['primary'] === true) list[i] = { ...element, primary: false };
  });
}

/**
 * Add/replace on a filtered path. Matching elements get the sub-attribute (or, without a sub, the value object
 * merged in). When nothing matches, the element the filter describes is created: Entra expects
 * `Replace emails[type eq "work"].value` to add a missing work email, against the RFC's noTarget rule
 * (entra-behavior.md §3.2 rule 5). Repeated adds on `addresses[type eq "work"].formatted`, `.locality`, … thus
 * merge into one work address, and other types (home, other) are never touched.
 */
export function setFiltered(existing: JsonValue | undefined, filter: FilterNode, def: AttributeDef | undefined, sub: string | undefined, value: JsonValue, label: string): JsonValue[] | undefined {
  const list: (JsonValue | undefined)[] = Array.isArray(existing) ? [...existing] : [];
  let targets = matchingIndices(list as JsonValue[], filter, def);
  if (targets.length === 0) {
    const seed = seedFromFilter(filter, def);
    if (seed === undefined) throw badRequest('noTarget', `No value of '${label}' matches the filter, and the filter does not describe a value to create.`);
    targets = [list.push(seed) - 1];
  }
  for (const i of targets) {
    const element = requireObject(list[i] ?? {}, label);
    const next = sub === undefined ? { ...element, ...requireObject(value, label) } : withSub(element, sub, value);
    list[i] = def === undefined ? next : normalizeElement(def, next, label);
  }
  demoteOtherPrimaries(list, new Set(targets));
  const kept = list.filter((element): element is JsonValue => element !== undefined);
  return kept.length > 0 ? kept : undefined;
}

/** Remove on a filtered path: drops the matching elements, or only their sub-attribute when the path names one. */
export function removeFiltered(existing: JsonValue, filter: FilterNode, def: AttributeDef | undefined, sub: string | undefined): JsonValue | undefined {
  if (!Array.isArray(existing)) return existing;
  const copy: JsonValue[] = existing.slice();
  const emptied: number[] = [];
  for (const i of matchingIndices(existing, filter, def)) {
    const element = copy[i];
    const rest = sub === undefined || !isJsonObject(element) ? undefined : withSub(element, sub, undefined);
    if (rest !== undefined && Object.keys(rest).length > 0) copy[i] = rest;
    else emptied.push(i);
  }
  const kept = compact(copy, emptied);
  return kept.length > 0 ? kept : undefined;
}

/**
 * Drops the entries at `indices` (ascending). Entra removes members one filtered op at a time, usually one match
 * in a large list: a few native splices beat a full pass per op; many matches take one filtering pass instead.
 */
function compact(list: JsonValue[], indices: readonly number[]): JsonValue[] {
  if (indices.length > 8) {
    const drop = new Set(indices);
    return list.filter((_, i) => !drop.has(i));
  }
  for (let k = indices.length - 1; k >= 0; k -= 1) list.splice(indices[k] ?? 0, 1);
  return list;
}
