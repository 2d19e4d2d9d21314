/**
 * The bodies and query strings Entra sends, per PATCH dialect (entra-behavior.md §2.1, §2.2, §3.1, §3.2).
 */

import type { PatchDialect } from '../../shared/domain/operation.js';
import { MESSAGE_PATCH_OP, SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP, SCHEMA_MICROSOFT_ADSCIM_GROUP, SCHEMA_USER } from '../../shared/scim/constants.js';
import { setPath, type AttributeChange, type AttributeValue } from './paths.js';
import { MANAGER_PATH, type SourceGroup, type SourceUser } from './test-data.js';

type Json = Record<string, unknown>;
export type PatchOperation = { readonly op: string; readonly path?: string; readonly value?: unknown };

/** Entra's match query (U1, G1): `filter=<attr> eq "<value>"`, spaces as `+`, quotes percent-encoded (§1.1). */
export function filterQuery(attribute: string, value: string, excludeMembers = false): string {
  const params = new URLSearchParams();
  if (excludeMembers) params.set('excludedAttributes', 'members');
  params.set('filter', `${attribute} eq "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  return params.toString();
}

/**
 * The documented create body (§2.1): both schemas, `meta`, empty `roles`, `name.formatted`, the work email marked
 * primary. The manager is not in it: Entra sets references in a later PATCH (§3.2 rule 6, §5.1 step 6).
 */
export function userCreateBody(user: SourceUser): Json {
  const body: Json = { schemas: [SCHEMA_USER, SCHEMA_ENTERPRISE_USER] };
  for (const [path, value] of Object.entries(user.attributes)) setPath(body, path, value);
  const name = body.name as Json;
  name.formatted = `${String(name.givenName)} ${String(name.familyName)}`;
  for (const key of ['emails', 'addresses'] as const) {
    for (const entry of body[key] as Json[]) if (entry.type === 'work') entry.primary = true;
  }
  return { ...body, meta: { resourceType: 'User' }, roles: [] };
}

/** G2: a group is created empty, with Microsoft's extra schema URI and the objectId as externalId (§2.2). */
export function groupCreateBody(group: SourceGroup): Json {
  return {
    schemas: [SCHEMA_GROUP, SCHEMA_MICROSOFT_ADSCIM_GROUP],
    externalId: group.objectId,
    displayName: group.displayName,
    meta: { resourceType: 'Group' },
  };
}

export const patchBody = (operations: readonly PatchOperation[]): Json => ({ schemas: [MESSAGE_PATCH_OP], Operations: operations });

/** Booleans are strings in the default dialect (`"False"`, §3.1) and JSON booleans with the flag. */
const wire = (dialect: PatchDialect, value: AttributeValue): unknown =>
  typeof value === 'boolean' && dialect === 'default' ? (value ? 'True' : 'False') : value;

/**
 * A user update, disable or enable (§3.1 rows 1–3). Default: one PascalCase op per attribute, `Add` where the target
 * had no value, `Replace` otherwise. Flag: filtered paths stay as ops; a single other attribute keeps its path; several
 * go into one path-less `replace` keyed by attribute path (`name.givenName`, full URN keys; §3.2 rule 4).
 */
export function userUpdateOperations(dialect: PatchDialect, changes: readonly AttributeChange[]): PatchOperation[] {
  if (dialect === 'default') {
    return changes.map((c) => ({ op: c.had ? 'Replace' : 'Add', path: c.path, value: wire(dialect, c.value) }));
  }
  const filtered = changes.filter((c) => c.path.includes('['));
  const rest = changes.filter((c) => !c.path.includes('['));
  const ops: PatchOperation[] = filtered.map((c) => ({ op: c.had ? 'replace' : 'add', path: c.path, value: c.value }));
  if (rest.length === 1) ops.push({ op: rest[0]!.had ? 'replace' : 'add', path: rest[0]!.path, value: rest[0]!.value });
  else if (rest.length > 1) ops.push({ op: 'replace', value: Object.fromEntries(rest.map((c) => [c.path, c.value])) });
  return ops;
}

/** The manager reference, set after create (§3.2 rule 6): a bare id under the enterprise URN path, as observed. */
export const managerOperations = (dialect: PatchDialect, managerId: string): PatchOperation[] => [
  { op: dialect === 'default' ? 'Add' : 'add', path: MANAGER_PATH, value: managerId },
];

/** G5: several members per op (§2.2); the default dialect carries `"$ref": null` as Microsoft's example does. */
export function addMembersOperations(dialect: PatchDialect, ids: readonly string[]): PatchOperation[] {
  return dialect === 'default'
    ? [{ op: 'Add', path: 'members', value: ids.map((value) => ({ $ref: null, value })) }]
    : [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }];
}

/** G6: a value list in the default dialect (never "remove all", §3.2 rule 8); one filtered op per member with the flag. */
export function removeMembersOperations(dialect: PatchDialect, ids: readonly string[]): PatchOperation[] {
  return dialect === 'default'
    ? [{ op: 'Remove', path: 'members', value: ids.map((value) => ({ value })) }]
    : ids.map((value) => ({ op: 'remove', path: `members[value eq "${value}"]` }));
}
