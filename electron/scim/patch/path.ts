/**
 * PATCH `path` parsing (RFC 7644 §3.5.2): `attrPath` / `valuePath [ "." subAttr ]`, optionally URN-qualified.
 *
 * Entra writes extension attributes fully qualified with a colon before the name (entra-behavior.md §3.2 rule 3)
 * and filters multi-valued attributes by type (`emails[type eq "work"].value`, rule 5). Anything malformed, and any
 * name that could reach an object prototype, is a 400 invalidPath.
 */

import { SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP, SCHEMA_USER, type ScimResourceType } from '../../../shared/scim/constants.js';
import { ScimError, badRequest } from '../errors.js';
import type { FilterNode } from '../filter/ast.js';
import { parseFilter } from '../filter/parse.js';
import { isForbiddenKey } from '../resource/json.js';
import type { AttributeDef } from '../schema/attributes.js';
import { canonicalUrn, extensionAttributes, isUrn, resolveAttribute, splitUrnPath } from '../schema/resolve.js';

/** A parsed PATCH path: where the attribute lives, its definition when known, and the optional filter and sub. */
export interface PatchPath {
  /** The extension URN the attribute lives under, or null for core attributes. */
  readonly extension: string | null;
  /**
   * The canonical attribute name. When the path names a whole extension object (`urn:…:enterprise:2.0:User`), this
   * is the canonical URN itself with `extension` null, i.e. the top-level key the extension is stored under.
   */
  readonly name: string;
  readonly def: AttributeDef | undefined;
  readonly filter?: FilterNode;
  /** The canonical sub-attribute name (`name.givenName`, `emails[…].value`). */
  readonly sub?: string;
  readonly subDef?: AttributeDef;
}

const ATTRNAME = /^[A-Za-z$][\w$-]*$/; // RFC 7644 §3.10 ATTRNAME, plus `$ref`

/** Parses a PATCH path for a resource type; throws 400 invalidPath when it is malformed. */
export function parsePatchPath(type: ScimResourceType, raw: string): PatchPath {
  const path = raw.trim();
  if (path === '') throw invalidPath(raw, 'it is empty');
  const open = path.indexOf('[');
  if (open < 0) {
    if (path.includes(']')) throw invalidPath(raw, 'it has "]" without "["');
    return parseAttrPath(type, path, raw);
  }
  const close = closingBracket(path, open);
  if (close < 0) throw invalidPath(raw, 'its "[" is never closed');
  const base = parseAttrPath(type, path.slice(0, open), raw);
  if (base.sub !== undefined || isUrn(base.name)) throw invalidPath(raw, 'a value filter must follow an attribute name');
  if (base.def !== undefined && !base.def.multiValued) throw invalidPath(raw, `'${base.name}' is not multi-valued`);
  const filter = parseValueFilter(path.slice(open + 1, close), raw);
  const after = path.slice(close + 1);
  if (after === '') return { ...base, filter };
  const sub = after.slice(1);
  if (!after.startsWith('.') || !ATTRNAME.test(sub) || isForbiddenKey(sub)) {
    throw invalidPath(raw, `"${after}" after the filter is not ".subAttribute"`);
  }
  const subDef = base.def?.subAttributes?.find((d) => d.name.toLowerCase() === sub.toLowerCase());
  return { ...base, filter, sub: subDef?.name ?? sub, subDef };
}

function parseAttrPath(type: ScimResourceType, path: string, raw: string): PatchPath {
  if (isWholeExtension(type, path)) return { extension: null, name: canonicalUrn(path), def: undefined };
  if (isUrn(path) && [SCHEMA_USER, SCHEMA_GROUP].includes(canonicalUrn(path))) throw invalidPath(raw, 'it names a whole core schema');
  const { urn, rest } = splitUrnPath(path);
  const parts = rest.split('.');
  if (parts.length > 2 || parts.some((part) => !ATTRNAME.test(part) || isForbiddenKey(part))) {
    throw invalidPath(raw, `"${rest}" is not an attribute name`);
  }
  if (urn !== null) {
    const canonical = canonicalUrn(urn);
    const foreignCore = canonical === (type === 'User' ? SCHEMA_GROUP : SCHEMA_USER);
    if (foreignCore || urn.split(':').length < 3) throw invalidPath(raw, `"${urn}" is not a ${type} schema`);
  }
  let resolved = resolveAttribute(type, path);
  if (type === 'User' && urn === null && resolved.def === undefined && isEnterpriseName(resolved.name)) {
    // Entra's older examples send enterprise attributes at the top level (entra-behavior.md §2.1).
    resolved = resolveAttribute(type, `${SCHEMA_ENTERPRISE_USER}:${rest}`);
  }
  const { def, sub, subDef } = resolved;
  if (sub !== null && def !== undefined && def.type !== 'complex') {
    throw invalidPath(raw, `'${resolved.name}' has no sub-attributes`);
  }
  return { extension: resolved.extension, name: resolved.name, def, sub: sub ?? undefined, subDef };
}

/**
 * True when the path is an extension URN alone (`urn:…:enterprise:2.0:User`, or a custom
 * `urn:…:CustomExtensionName:2.0:User`): extension URNs end in the resource type they extend.
 */
function isWholeExtension(type: ScimResourceType, path: string): boolean {
  if (!isUrn(path)) return false;
  const canonical = canonicalUrn(path);
  if (canonical === SCHEMA_USER || canonical === SCHEMA_GROUP) return false;
  return canonical === SCHEMA_ENTERPRISE_USER || new RegExp(`:${type}$`, 'i').test(path);
}

function isEnterpriseName(name: string): boolean {
  const lower = name.toLowerCase();
  return extensionAttributes(SCHEMA_ENTERPRISE_USER)?.some((def) => def.name.toLowerCase() === lower) ?? false;
}

/** The index of the `]` closing the `[` at `open`, skipping quoted strings (a filter value may contain `]`). */
function closingBracket(path: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < path.length; i += 1) {
    const char = path[i];
    if (quoted) {
      if (char === '\\') i += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === '[') {
      depth += 1;
    } else if (char === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function parseValueFilter(text: string, raw: string): FilterNode {
  if (text.trim() === '') throw invalidPath(raw, 'its value filter is empty');
  let filter: FilterNode;
  try {
    filter = parseFilter(text);
  } catch (error) {
    // RFC 7644 §3.5.2: a malformed path, filter included, is invalidPath rather than invalidFilter.
    if (error instanceof ScimError) throw invalidPath(raw, error.message);
    throw error;
  }
  assertInertNames(filter, raw);
  return filter;
}

/** A filter naming `__proto__` etc. could seed an element with that key (rule 5): reject it up front. */
function assertInertNames(node: FilterNode, raw: string): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      assertInertNames(node.left, raw);
      assertInertNames(node.right, raw);
      return;
    case 'not':
      assertInertNames(node.filter, raw);
      return;
    case 'valuePath':
      assertInertPath(node.path, raw);
      assertInertNames(node.filter, raw);
      return;
    case 'compare':
    case 'present':
      assertInertPath(node.path, raw);
  }
}

function assertInertPath(path: string, raw: string): void {
  if (path.split(/[.:]/).some(isForbiddenKey)) throw invalidPath(raw, `"${path}" is not an attribute name`);
}

function invalidPath(raw: string, why: string): ScimError {
  return badRequest('invalidPath', `The PATCH path "${raw}" is invalid: ${why}.`);
}
