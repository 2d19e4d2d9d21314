/**
 * Resolves attribute paths the way RFC 7644 §3.10 asks: names are case-insensitive, may carry their schema URN,
 * and extension attributes live under their URN.
 *
 * Entra writes extension paths fully qualified with a colon before the attribute
 * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`, entra-behavior.md §3.2 rule 3);
 * custom extensions follow the same pattern and are kept even though no schema describes them.
 */

import {
  SCHEMA_ENTERPRISE_USER,
  SCHEMA_ENTERPRISE_USER_MALFORMED,
  SCHEMA_GROUP,
  SCHEMA_USER,
  type ScimResourceType,
} from '../../../shared/scim/constants.js';
import { COMMON_ATTRIBUTES, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA, type AttributeDef } from './attributes.js';

/** A resolved attribute path: where the value lives in a stored resource, and its definition when known. */
export interface ResolvedAttribute {
  /** The extension URN the attribute lives under, or null for core and common attributes. */
  readonly extension: string | null;
  /** The canonical top-level attribute name (the spelling of the schema, or as sent when unknown). */
  readonly name: string;
  readonly def: AttributeDef | undefined;
  /** The canonical sub-attribute name, if the path names one. */
  readonly sub: string | null;
  readonly subDef: AttributeDef | undefined;
}

const CORE_URN: Record<ScimResourceType, string> = { User: SCHEMA_USER, Group: SCHEMA_GROUP };

function coreAttributes(type: ScimResourceType): readonly AttributeDef[] {
  return [...COMMON_ATTRIBUTES, ...(type === 'User' ? USER_SCHEMA.attributes : GROUP_SCHEMA.attributes)];
}

function findDef(defs: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined {
  const lower = name.toLowerCase();
  return defs?.find((d) => d.name.toLowerCase() === lower);
}

/** Maps a schema URN as sent (any case, or the legacy malformed enterprise URN) to its canonical spelling. */
export function canonicalUrn(urn: string): string {
  const lower = urn.toLowerCase();
  if (lower === SCHEMA_ENTERPRISE_USER.toLowerCase() || lower === SCHEMA_ENTERPRISE_USER_MALFORMED.toLowerCase()) {
    return SCHEMA_ENTERPRISE_USER;
  }
  if (lower === SCHEMA_USER.toLowerCase()) return SCHEMA_USER;
  if (lower === SCHEMA_GROUP.toLowerCase()) return SCHEMA_GROUP;
  return urn;
}

/** True for a key that names a schema URN rather than an attribute. */
export function isUrn(key: string): boolean {
  return key.toLowerCase().startsWith('urn:');
}

/** Splits `urn:…:User:department.sub` into the URN and the rest; attribute names never contain a colon. */
export function splitUrnPath(path: string): { urn: string | null; rest: string } {
  if (!isUrn(path)) return { urn: null, rest: path };
  const lastColon = path.lastIndexOf(':');
  const rest = path.slice(lastColon + 1);
  // The legacy dotted form `urn:…:2.0:User.department` (entra-behavior.md §3.2 rule 3, pre-2018).
  const dotted = /^(urn:.*:User)\.([A-Za-z$][\w$-]*(?:\.[\w$-]+)?)$/i.exec(path);
  if (dotted?.[1] && dotted[2]) return { urn: dotted[1], rest: dotted[2] };
  return { urn: path.slice(0, lastColon), rest };
}

/**
 * Resolves a plain attribute path (no value filter) such as `name.givenName`, `EMAILS.value` or
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value` for a resource type.
 */
export function resolveAttribute(type: ScimResourceType, path: string): ResolvedAttribute {
  const { urn, rest } = splitUrnPath(path);
  const [head = '', sub = null] = splitOnce(rest, '.');
  let extension: string | null = null;
  let defs: readonly AttributeDef[] | undefined = coreAttributes(type);
  if (urn !== null) {
    const canonical = canonicalUrn(urn);
    if (canonical === CORE_URN[type]) {
      extension = null;
    } else if (type === 'User' && canonical === SCHEMA_ENTERPRISE_USER) {
      extension = SCHEMA_ENTERPRISE_USER;
      defs = ENTERPRISE_USER_SCHEMA.attributes;
    } else {
      extension = canonical;
      defs = undefined;
    }
  }
  const def = findDef(defs, head);
  const subDef = sub === null ? undefined : findDef(def?.subAttributes, sub);
  return {
    extension,
    name: def?.name ?? head,
    def,
    sub: sub === null ? null : (subDef?.name ?? sub),
    subDef,
  };
}

/** Returns a top-level key's canonical spelling for a resource type, or the key itself when unknown. */
export function canonicalTopLevelName(type: ScimResourceType, key: string): string {
  return findDef(coreAttributes(type), key)?.name ?? key;
}

/** Returns the definitions of an extension's attributes, when the listener knows the extension. */
export function extensionAttributes(urn: string): readonly AttributeDef[] | undefined {
  return urn === SCHEMA_ENTERPRISE_USER ? ENTERPRISE_USER_SCHEMA.attributes : undefined;
}

function splitOnce(value: string, separator: string): [string, string | null] {
  const index = value.indexOf(separator);
  return index < 0 ? [value, null] : [value.slice(0, index), value.slice(index + 1)];
}
