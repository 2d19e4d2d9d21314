/**
 * `/Groups` (entra-behavior.md §2.2): groups are created empty, members follow in PATCH calls, and a group PATCH
 * answers 204 without the member list.
 */

import { randomUUID } from 'node:crypto';
import type { DirectoryRepo, GroupRow } from '../../db/directory-repo.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { filterToSql } from '../filter/to-sql.js';
import { parseFilter } from '../filter/parse.js';
import { applyPatch } from '../patch/apply.js';
import { etagOf, parseStored, renderGroup } from '../render.js';
import { normalizeResource } from '../resource/normalize.js';
import { projectResource } from '../resource/project.js';
import type { JsonValue, StoredResource } from '../resource/types.js';
import type { ScimRequest, ScimResponse } from '../http/types.js';
import { checkIfMatch, isNotModified, isUniqueViolation, timestamp, type ResourceHandlers } from './common.js';
import { listParamsFromQuery, listParamsFromSearch, listResponse, type ListParams } from './list-params.js';

const MATCH_ALL = { where: '1', params: [] } as const;

/** Splits a normalized group into its stored attributes and its member ids. */
function splitMembers(resource: StoredResource): { stored: StoredResource; memberIds: string[] } {
  const { members, ...stored } = resource;
  const memberIds = Array.isArray(members)
    ? members.flatMap((m: JsonValue) => (typeof m === 'object' && m !== null && !Array.isArray(m) && typeof m.value === 'string' ? [m.value] : []))
    : [];
  return { stored, memberIds: [...new Set(memberIds)] };
}

/** A group's stored attributes with its members, the shape PATCH works on and modified properties compare. */
function withMembers(stored: StoredResource, memberIds: readonly string[]): StoredResource {
  return memberIds.length === 0 ? stored : { ...stored, members: memberIds.map((value) => ({ value })) };
}

function rowFrom(id: string, stored: StoredResource, version: number, created: string, modified: string): GroupRow {
  const { displayName, externalId } = stored;
  return {
    id,
    display_name: typeof displayName === 'string' ? displayName : '',
    external_id: typeof externalId === 'string' ? externalId : null,
    resource: JSON.stringify(stored),
    version,
    created,
    last_modified: modified,
  };
}

/** True when a projection keeps `members`; only then are they read at all. */
function wantsMembers(params: Pick<ListParams, 'attributes' | 'excludedAttributes'>): boolean {
  const isMembers = (name: string): boolean => /(^|:)members(\.|$)/i.test(name);
  if (params.attributes !== undefined) return params.attributes.some(isMembers);
  return !(params.excludedAttributes ?? []).some(isMembers);
}

export function groupHandlers(directory: DirectoryRepo): ResourceHandlers {
  const { groups } = directory;

  const render = (row: GroupRow, request: ScimRequest, params: Pick<ListParams, 'attributes' | 'excludedAttributes'>) => {
    const members = wantsMembers(params) ? directory.members(row.id) : undefined;
    return projectResource('Group', renderGroup(row, request.baseUrl, members), params);
  };

  const single = (status: number, row: GroupRow, request: ScimRequest, change?: ScimResponse['change']): ScimResponse => ({
    status,
    body: render(row, request, listParamsFromQuery(request.query)),
    headers: { ETag: etagOf(row.version), ...(status === 201 ? { Location: `${request.baseUrl}/Groups/${row.id}` } : {}) },
    resourceType: 'Group',
    resourceId: row.id,
    ...(change ? { change } : {}),
  });

  const load = (request: ScimRequest): GroupRow => {
    const id = request.segments[1] ?? '';
    const row = groups.get(id);
    if (!row) throw notFound(`Group "${id}" does not exist here. If Entra created it earlier, it was deleted on this side (Entra logs this as InvalidAnchor).`);
    return row;
  };

  /**
   * Inserts the row (or replaces `current` with it) and reconciles memberships; displayName is unique because Entra
   * matches groups on it.
   */
  const write = (row: GroupRow, current: GroupRow | null, memberIds: readonly string[], previous: readonly string[]): void => {
    const next = new Set(memberIds);
    const added = memberIds.filter((id) => !previous.includes(id));
    const known = directory.existingUserIds(added);
    const unknown = added.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw badRequest('invalidValue', `Member${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).map((id) => `"${id}"`).join(', ')} ${unknown.length > 1 ? 'are not users' : 'is not a user'} of this directory. Entra only adds members it has provisioned; provision the user first.`);
    }
    try {
      if (current === null) groups.insert(row);
      else groups.update(row, current);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw conflict(`A group named "${row.display_name}" already exists; displayName is unique because Entra matches groups on it. Entra records this as EntryConflict.`);
    }
    directory.setMembers(row.id, added, previous.filter((id) => !next.has(id)), row.last_modified);
  };

  const listWith = (params: ListParams, request: ScimRequest): ScimResponse => {
    const query = params.filter === undefined ? MATCH_ALL : filterToSql(parseFilter(params.filter), 'Group');
    const page = groups.list(query, params.startIndex - 1, params.count);
    const resources = page.rows.map((row) => render(row, request, params));
    return { status: 200, body: listResponse(resources, page.total, params.startIndex), resourceType: 'Group', resultCount: page.total };
  };

  const currentMembers = (id: string): string[] => directory.members(id).map((m) => m.member_id);

  return {
    list: (request) => listWith(listParamsFromQuery(request.query), request),
    search: (request) => listWith(listParamsFromSearch(request.body), request),
    create(request) {
      const { stored, memberIds } = splitMembers(normalizeResource('Group', request.body));
      const now = timestamp();
      const row = rowFrom(randomUUID(), stored, 1, now, now);
      write(row, null, memberIds, []);
      return single(201, row, request, { before: null, after: withMembers(stored, memberIds) });
    },
    get(request) {
      const row = load(request);
      if (isNotModified(request.headers, row.version)) {
        return { status: 304, headers: { ETag: etagOf(row.version) }, resourceType: 'Group', resourceId: row.id };
      }
      return single(200, row, request);
    },
    replace(request) {
      const current = load(request);
      checkIfMatch(request.headers, current.version);
      const { stored, memberIds } = splitMembers(normalizeResource('Group', request.body));
      const row = rowFrom(current.id, stored, current.version + 1, current.created, timestamp());
      const previous = currentMembers(current.id);
      write(row, current, memberIds, previous);
      return single(200, row, request, { before: withMembers(parseStored(current.resource), previous), after: withMembers(stored, memberIds) });
    },
    patch(request) {
      const current = load(request);
      checkIfMatch(request.headers, current.version);
      const previous = currentMembers(current.id);
      const before = withMembers(parseStored(current.resource), previous);
      const { stored, memberIds } = splitMembers(applyPatch('Group', before, request.body));
      const unchanged = JSON.stringify(stored) === current.resource && memberIds.length === previous.length && memberIds.every((id) => previous.includes(id));
      const row = unchanged ? current : rowFrom(current.id, stored, current.version + 1, current.created, timestamp());
      if (!unchanged) write(row, current, memberIds, previous);
      // entra-behavior.md §2.2 G4–G6: Entra expects 204 for every group PATCH and does not need the members back.
      return {
        status: 204,
        headers: { ETag: etagOf(row.version) },
        resourceType: 'Group',
        resourceId: row.id,
        change: { before, after: unchanged ? before : withMembers(stored, memberIds) },
      };
    },
    remove(request) {
      const current = load(request);
      checkIfMatch(request.headers, current.version);
      const before = withMembers(parseStored(current.resource), currentMembers(current.id));
      groups.delete(current.id);
      return { status: 204, resourceType: 'Group', resourceId: current.id, change: { before, after: null } };
    },
  };
}
