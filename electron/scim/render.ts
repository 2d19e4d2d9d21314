/**
 * Turns stored rows into SCIM resources (RFC 7643 §3.1 meta, §8.7.1 enterprise manager).
 */

import { SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP, SCHEMA_USER } from '../../shared/scim/constants.js';
import type { GroupRow, MemberRow, UserRow } from '../db/directory-repo.js';
import { isJsonObject } from './resource/json.js';
import type { JsonObject, StoredResource } from './resource/types.js';

/** RFC 7644 §3.14: the version is a weak ETag, also sent as the `ETag` header. */
export const etagOf = (version: number): string => `W/"${version}"`;

export const parseStored = (json: string): StoredResource => JSON.parse(json) as StoredResource;

function meta(resourceType: 'User' | 'Group', row: UserRow | GroupRow, location: string): JsonObject {
  return { resourceType, created: row.created, lastModified: row.last_modified, location, version: etagOf(row.version) };
}

/** The extension URNs a stored resource carries, for its `schemas` list. */
function extensionUrns(stored: StoredResource): string[] {
  return Object.keys(stored).filter((key) => key.toLowerCase().startsWith('urn:') && isJsonObject(stored[key]));
}

/**
 * Renders a user. The enterprise manager is returned as the RFC object `{value, $ref, displayName}` even when Entra
 * sent a bare string: Entra fails to deserialize anything else (entra-behavior.md §2.1, Budibase issue).
 */
export function renderUser(row: UserRow, baseUrl: string, groups?: readonly { id: string; display_name: string }[]): JsonObject {
  const stored = parseStored(row.resource);
  const { externalId, ...rest } = stored;
  const enterprise = rest[SCHEMA_ENTERPRISE_USER];
  if (isJsonObject(enterprise) && isJsonObject(enterprise.manager) && typeof enterprise.manager.value === 'string') {
    const managerId = enterprise.manager.value;
    rest[SCHEMA_ENTERPRISE_USER] = { ...enterprise, manager: { ...enterprise.manager, $ref: `${baseUrl}/Users/${encodeURIComponent(managerId)}` } };
  }
  const out: JsonObject = { schemas: [SCHEMA_USER, ...extensionUrns(stored)], id: row.id };
  if (externalId !== undefined) out.externalId = externalId;
  Object.assign(out, rest);
  if (groups && groups.length > 0) {
    out.groups = groups.map((g) => ({ value: g.id, $ref: `${baseUrl}/Groups/${encodeURIComponent(g.id)}`, display: g.display_name, type: 'direct' }));
  }
  out.meta = meta('User', row, `${baseUrl}/Users/${encodeURIComponent(row.id)}`);
  return out;
}

/** Renders a group; `members` undefined means the caller excluded them and none were read. */
export function renderGroup(row: GroupRow, baseUrl: string, members: readonly MemberRow[] | undefined): JsonObject {
  const stored = parseStored(row.resource);
  const { externalId, ...rest } = stored;
  const out: JsonObject = { schemas: [SCHEMA_GROUP, ...extensionUrns(stored)], id: row.id };
  if (externalId !== undefined) out.externalId = externalId;
  Object.assign(out, rest);
  if (members !== undefined) {
    out.members = members.map((m) => {
      const member: JsonObject = { value: m.member_id, $ref: `${baseUrl}/Users/${encodeURIComponent(m.member_id)}`, type: 'User' };
      if (m.display !== null) member.display = m.display;
      return member;
    });
  }
  out.meta = meta('Group', row, `${baseUrl}/Groups/${encodeURIComponent(row.id)}`);
  return out;
}
