/**
 * Compiles a SCIM filter (RFC 7644 §3.4.2.2) to a SQLite WHERE clause over `users AS r` or `groups AS r`
 * (migrations/0001-directory.ts).
 *
 * Entra's match queries (`userName`, `externalId`, `id`, group `displayName`: entra-behavior.md §2.1 U1, §2.2 G1,
 * §14.3) hit indexed columns; everything else reads the stored JSON with json_extract. Every value and JSON path is a
 * bound parameter, so the WHERE text depends only on the filter's shape (and is safe to cache as a statement).
 * Semantics match evaluate.ts: case-insensitive unless caseExact (RFC 7643 §2.2; NOCASE folds ASCII only), a
 * multi-valued attribute matches when one element does, an absent attribute never matches `ne`, `eq null` / `ne null`
 * mean "not present" / "present", and unknown attributes (custom extensions) simply match nothing when absent.
 */

import { SCHEMA_ENTERPRISE_USER, type ScimResourceType } from '../../../shared/scim/constants.js';
import { badRequest } from '../errors.js';
import type { AttributeDef } from '../schema/attributes.js';
import { isUrn, resolveAttribute } from '../schema/resolve.js';
import type { CompareOp, FilterNode, FilterValue } from './ast.js';

export type SqlParam = string | number | null;

export interface SqlFilter { readonly where: string; readonly params: SqlParam[] }

/** Compiles a parsed filter for the resource table aliased `r`. */
export function filterToSql(node: FilterNode, type: ScimResourceType): SqlFilter {
  const { text, params } = new Compiler(type).compile(node, null);
  return { where: text, params: [...params] };
}

interface Sql { readonly text: string; readonly params: readonly SqlParam[] }

/** Tagged template: nested Sql is spliced in, any other interpolation becomes a `?` with its bound parameter. */
function q(strings: TemplateStringsArray, ...parts: readonly (Sql | SqlParam)[]): Sql {
  const spliced = parts.map((part) => (part !== null && typeof part === 'object' ? part : { text: '?', params: [part] }));
  const text = spliced.reduce((acc, part, i) => acc + part.text + (strings[i + 1] ?? ''), strings[0] ?? '');
  return { text, params: spliced.flatMap((part) => part.params) };
}

const raw = (text: string): Sql => ({ text, params: [] });
const invalid = (detail: string): Error => badRequest('invalidFilter', detail);

/** Something a comparison can read: an indexed column, a constant, or a value inside JSON. */
interface Target {
  readonly expr: Sql;
  readonly def: AttributeDef | undefined;
  readonly caseExact: boolean;
  readonly json?: { readonly src: string; readonly path: string };
}

/** Resolves sub-attribute names inside a value filter or after a `.` on a multi-valued attribute. */
type Scope = (name: string) => Target;

type Place =
  | { readonly kind: 'target'; readonly target: Target }
  | { readonly kind: 'array'; readonly path: string; readonly def: AttributeDef | undefined; readonly sub: string | null }
  | { readonly kind: 'object'; readonly path: string; readonly def: AttributeDef }
  | { readonly kind: 'membership'; readonly side: 'group' | 'user'; readonly sub: string | null };

/** Columns of users/groups (migrations/0001-directory.ts) by canonical path; `meta.resourceType` is a constant. */
const COMMON_COLUMNS: readonly (readonly [string, Sql])[] = [
  ['id', raw('r.id')], ['externalId', raw('r.external_id')], ['displayName', raw('r.display_name')],
  ['meta.created', raw('r.created')], ['meta.lastModified', raw('r.last_modified')],
];
const COLUMNS: Record<ScimResourceType, ReadonlyMap<string, Sql>> = {
  User: new Map([...COMMON_COLUMNS, ['userName', raw('r.user_name')], ['active', raw('r.active')], ['meta.resourceType', q`${'User'}`]]),
  Group: new Map([...COMMON_COLUMNS, ['meta.resourceType', q`${'Group'}`]]),
};
const OPERATORS: Record<'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le', string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const NUMERIC = new Set(['decimal', 'integer']);

class Compiler {
  private aliases = 0;

  constructor(private readonly type: ScimResourceType) {}

  /** `scope` is null at the resource level, else the element (or complex value) a value filter applies to. */
  compile(node: FilterNode, scope: Scope | null): Sql {
    switch (node.kind) {
      case 'and':
        return q`(${this.compile(node.left, scope)} AND ${this.compile(node.right, scope)})`;
      case 'or':
        return q`(${this.compile(node.left, scope)} OR ${this.compile(node.right, scope)})`;
      case 'not':
        // NOT of a NULL comparison is NULL (no match); `not` must match absent values, so NULL counts as false.
        return q`NOT COALESCE((${this.compile(node.filter, scope)}), 0)`;
      case 'compare':
      case 'present':
        if (scope !== null) return leaf(node, scope(node.path));
        return this.resourceLeaf(node);
      case 'valuePath':
        if (scope !== null) throw invalid(`Value filters cannot be nested ("${node.path}[…]").`);
        return this.valuePath(node.path, node.filter);
    }
  }

  private resourceLeaf(node: Extract<FilterNode, { kind: 'compare' | 'present' }>): Sql {
    const place = this.place(node.path);
    switch (place.kind) {
      case 'target':
        return leaf(node, place.target);
      case 'object':
        // A complex attribute compared without a sub-attribute compares its `value` (Entra's `manager eq <id>`).
        if (node.kind === 'present') return jsonPresent('r.resource', place.path);
        return leaf(node, jsonScope('r.resource', place.path, place.def.subAttributes)('value'));
      case 'array':
        if (node.kind === 'present' && place.sub === null) return q`COALESCE(json_array_length(r.resource, ${place.path}) > 0, 0)`;
        return this.eachElement(place.path, place.def, { ...node, path: place.sub ?? 'value' });
      case 'membership':
        if (node.kind === 'present' && place.sub === null) return this.membership(place.side, null);
        return this.membership(place.side, { ...node, path: place.sub ?? 'value' });
    }
  }

  private valuePath(path: string, filter: FilterNode): Sql {
    const place = this.place(path);
    if (place.kind === 'membership' && place.sub === null) return this.membership(place.side, filter);
    if (place.kind === 'array' && place.sub === null) return this.eachElement(place.path, place.def, filter);
    if (place.kind === 'object') return this.compile(filter, jsonScope('r.resource', place.path, place.def.subAttributes));
    // An unknown attribute (a custom extension) may be multi-valued: look inside it as an array.
    if (place.kind === 'target' && place.target.def === undefined && place.target.json) {
      return this.eachElement(place.target.json.path, undefined, filter);
    }
    throw invalid(`"${path}" is not a multi-valued or complex attribute, so it cannot take a value filter.`);
  }

  /** RFC 7644 §3.4.2.2 value paths: the whole inner filter must hold for one element of the JSON array. */
  private eachElement(path: string, def: AttributeDef | undefined, filter: FilterNode): Sql {
    const e = `e${this.aliases++}`;
    // json_extract on a non-object element (malformed data) would raise "malformed JSON"; read NULL instead.
    const scope = jsonScope(`CASE WHEN ${e}.type = 'object' THEN ${e}.value END`, '$', def?.subAttributes);
    return q`EXISTS (SELECT 1 FROM json_each(r.resource, ${path}) AS ${raw(e)} WHERE ${this.compile(filter, scope)})`;
  }

  /** Group `members` and User `groups` live in group_members, not in the JSON. */
  private membership(side: 'group' | 'user', filter: FilterNode | null): Sql {
    const n = this.aliases++;
    const [gm, other] = [`gm${n}`, side === 'group' ? `u${n}` : `g${n}`];
    const join =
      side === 'group'
        ? `group_members ${gm} LEFT JOIN users ${other} ON ${other}.id = ${gm}.member_id WHERE ${gm}.group_id = r.id`
        : `group_members ${gm} LEFT JOIN groups ${other} ON ${other}.id = ${gm}.group_id WHERE ${gm}.member_id = r.id`;
    const scope: Scope = (name) => {
      const lower = name.toLowerCase();
      // `value` is the referenced resource's `id`, which is caseExact (RFC 7643 §3.1): plain `=` keeps the PK usable.
      if (lower === 'value') return { expr: raw(side === 'group' ? `${gm}.member_id` : `${gm}.group_id`), def: undefined, caseExact: true };
      if (lower === 'display') {
        const display = side === 'group' ? `COALESCE(${other}.display_name, ${other}.user_name)` : `${other}.display_name`;
        return { expr: raw(display), def: undefined, caseExact: false };
      }
      // RFC 7643 §4.1.2 / §4.2: a member's type is "User"; a user's group membership is "direct".
      if (lower === 'type') return { expr: q`${side === 'group' ? 'User' : 'direct'}`, def: undefined, caseExact: false };
      return { expr: raw('NULL'), def: undefined, caseExact: false };
    };
    const where = filter === null ? raw('') : q` AND ${this.compile(filter, scope)}`;
    return q`EXISTS (SELECT 1 FROM ${raw(join)}${where})`;
  }

  /** Where a resource-level path lives: an indexed column, group_members, or the stored JSON. */
  private place(path: string): Place {
    let res = resolveAttribute(this.type, path);
    // entra-behavior.md §2.1 U7: the legacy `manager eq <id>` names the enterprise extension's manager.
    if (this.type === 'User' && !isUrn(path) && res.def === undefined && res.name.toLowerCase() === 'manager') {
      res = resolveAttribute(this.type, `${SCHEMA_ENTERPRISE_USER}:${path}`);
    }
    if (res.extension === null) {
      if (this.type === 'Group' && res.name === 'members') return { kind: 'membership', side: 'group', sub: res.sub };
      if (this.type === 'User' && res.name === 'groups') return { kind: 'membership', side: 'user', sub: res.sub };
      const column = COLUMNS[this.type].get(res.sub === null ? res.name : `${res.name}.${res.sub}`);
      const def = res.subDef ?? (res.sub === null ? res.def : undefined);
      if (column !== undefined) return { kind: 'target', target: { expr: column, def, caseExact: def?.caseExact ?? false } };
    }
    const base = (res.extension === null ? '$' : `$${key(res.extension)}`) + key(res.name);
    if (res.def?.multiValued) return { kind: 'array', path: base, def: res.def, sub: res.sub };
    if (res.def?.type === 'complex' && res.sub === null) return { kind: 'object', path: base, def: res.def };
    if (res.sub === null) return { kind: 'target', target: jsonTarget('r.resource', base, res.def) };
    return { kind: 'target', target: jsonScope('r.resource', base, res.def?.subAttributes)(res.sub) };
  }
}

function jsonTarget(src: string, path: string, def: AttributeDef | undefined): Target {
  return { expr: q`json_extract(${raw(src)}, ${path})`, def, caseExact: def?.caseExact ?? false, json: { src, path } };
}

function jsonScope(src: string, prefix: string, defs: readonly AttributeDef[] | undefined): Scope {
  return (name) => {
    const def = defs?.find((d) => d.name.toLowerCase() === name.toLowerCase());
    return jsonTarget(src, prefix + key(def?.name ?? name), def);
  };
}

/** One quoted JSON path step; names follow the parser's ATTRNAME/URN grammar, which never needs escaping. */
function key(name: string): string {
  if (!/^[A-Za-z0-9_$:.~%!&'()*+,;=@/?-]+$/.test(name)) throw invalid(`Invalid attribute name "${name}".`);
  return `."${name}"`;
}

function leaf(node: Extract<FilterNode, { kind: 'compare' | 'present' }>, target: Target): Sql {
  if (node.kind === 'present') return present(target);
  if (node.value === null) {
    if (node.op === 'eq') return q`NOT ${present(target)}`;
    if (node.op === 'ne') return present(target);
    throw invalid(`The "${node.op}" operator cannot compare "${node.path}" with null.`);
  }
  return compare(target, node.op, node.value, node.path);
}

/** RFC 7644 §3.4.2.2 `pr`: not null, not "", and for JSON not an empty array or object. */
function present(target: Target): Sql {
  if (target.json) return jsonPresent(target.json.src, target.json.path);
  return q`COALESCE(${target.expr} <> '', 0)`;
}

function jsonPresent(src: string, path: string): Sql {
  const s = raw(src);
  return q`COALESCE(json_extract(${s}, ${path}) <> '' AND (json_type(${s}, ${path}) NOT IN ('array', 'object') OR json_extract(${s}, ${path}) NOT IN ('[]', '{}')), 0)`;
}

function compare(target: Target, op: CompareOp, value: Exclude<FilterValue, null>, path: string): Sql {
  const { expr, def } = target;
  const isBoolean = def?.type === 'boolean';
  if (op !== 'eq' && op !== 'ne' && (isBoolean || typeof value === 'boolean')) {
    throw invalid(`The "${op}" operator cannot be used on the boolean "${path}" (RFC 7644 §3.4.2.2).`);
  }
  let param: string | number;
  if (isBoolean) {
    // JSON true/false come out of json_extract as 1/0; Entra may write "True"/"False" (entra-behavior.md §3.2 rule 2).
    const text = String(value).toLowerCase();
    if (text !== 'true' && text !== 'false') throw invalid(`"${path}" is a boolean; expected true or false.`);
    param = text === 'true' ? 1 : 0;
  } else if (typeof value === 'boolean') {
    param = value ? 1 : 0;
  } else {
    // An unquoted number compared with a string attribute (`employeeNumber eq 42`) means the string.
    param = typeof value === 'number' && def !== undefined && !NUMERIC.has(def.type) ? String(value) : value;
  }
  const nocase = !target.caseExact && typeof param === 'string';
  if (op === 'co' || op === 'sw' || op === 'ew') {
    const text = String(param);
    if (nocase) {
      const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
      return q`${expr} LIKE ${`${op === 'sw' ? '' : '%'}${escaped}${op === 'ew' ? '' : '%'}`} ESCAPE '\\'`;
    }
    if (op === 'co') return q`instr(${expr}, ${text}) > 0`;
    if (op === 'sw') return q`substr(${expr}, 1, length(${text})) = ${text}`;
    return q`substr(${expr}, length(${expr}) - length(${text}) + 1) = ${text}`;
  }
  return q`${expr} ${raw(OPERATORS[op])} ${param}${raw(nocase ? ' COLLATE NOCASE' : '')}`;
}
