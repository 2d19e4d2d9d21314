/**
 * `/Users` (entra-behavior.md §2.1): match by filter, create, read, update by PATCH or PUT, delete.
 */

import { randomUUID } from 'node:crypto';
import type { DirectoryRepo, UserRow } from '../../db/directory-repo.js';
import { conflict, notFound } from '../errors.js';
import { filterToSql } from '../filter/to-sql.js';
import { parseFilter } from '../filter/parse.js';
import { applyPatch } from '../patch/apply.js';
import { renderUser, etagOf, parseStored } from '../render.js';
import { normalizeResource } from '../resource/normalize.js';
import { projectResource } from '../resource/project.js';
import type { StoredResource } from '../resource/types.js';
import type { ScimRequest, ScimResponse } from '../http/types.js';
import { checkIfMatch, isNotModified, isUniqueViolation, timestamp, type ResourceHandlers } from './common.js';
import { listParamsFromQuery, listParamsFromSearch, listResponse, type ListParams } from './list-params.js';

const MATCH_ALL = { where: '1', params: [] } as const;

function rowFrom(id: string, stored: StoredResource, version: number, created: string, modified: string, resource = JSON.stringify(stored)): UserRow {
  const { userName, externalId, displayName, active } = stored;
  return {
    id,
    user_name: typeof userName === 'string' ? userName : '',
    external_id: typeof externalId === 'string' ? externalId : null,
    display_name: typeof displayName === 'string' ? displayName : null,
    active: active === false ? 0 : 1,
    resource,
    version,
    created,
    last_modified: modified,
  };
}

export function userHandlers(directory: DirectoryRepo): ResourceHandlers {
  const { users } = directory;

  const render = (row: UserRow, request: ScimRequest): Record<string, unknown> => {
    const { attributes, excludedAttributes } = listParamsFromQuery(request.query);
    const full = renderUser(row, request.baseUrl, directory.groupsOf(row.id));
    return projectResource('User', full, { attributes, excludedAttributes });
  };

  const single = (status: number, row: UserRow, request: ScimRequest, change?: ScimResponse['change']): ScimResponse => ({
    status,
    body: render(row, request),
    headers: { ETag: etagOf(row.version), ...(status === 201 ? { Location: `${request.baseUrl}/Users/${row.id}` } : {}) },
    resourceType: 'User',
    resourceId: row.id,
    ...(change ? { change } : {}),
  });

  const load = (request: ScimRequest): UserRow => {
    const id = request.segments[1] ?? '';
    const row = users.get(id);
    if (!row) throw notFound(`User "${id}" does not exist here. If Entra created it earlier, it was deleted on this side (Entra logs this as InvalidAnchor).`);
    return row;
  };

  /**
   * Inserts a row, or replaces `current` with it, turning a userName collision into RFC 7644 §3.3's 409 with scimType
   * uniqueness.
   */
  const write = (row: UserRow, current: UserRow | null): void => {
    try {
      if (current === null) users.insert(row);
      else users.update(row, current);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const holder = users.list({ where: 'r.user_name = ?', params: [row.user_name] }, 0, 1).rows[0];
      throw conflict(`userName "${row.user_name}" is already used by user ${holder?.id ?? '(unknown)'}; userName is unique and compared case-insensitively. Entra records this as EntryConflict.`);
    }
  };

  const listWith = (params: ListParams, request: ScimRequest): ScimResponse => {
    const query = params.filter === undefined ? MATCH_ALL : filterToSql(parseFilter(params.filter), 'User');
    const page = users.list(query, params.startIndex - 1, params.count);
    const wantsGroups = (name: string): boolean => name.toLowerCase().endsWith('groups') || name.toLowerCase().startsWith('groups.');
    const needGroups = params.attributes === undefined ? !(params.excludedAttributes ?? []).some(wantsGroups) : params.attributes.some(wantsGroups);
    const resources = page.rows.map((row) =>
      projectResource('User', renderUser(row, request.baseUrl, needGroups ? directory.groupsOf(row.id) : []), params),
    );
    return { status: 200, body: listResponse(resources, page.total, params.startIndex), resourceType: 'User', resultCount: page.total };
  };

  return {
    list: (request) => listWith(listParamsFromQuery(request.query), request),
    search: (request) => listWith(listParamsFromSearch(request.body), request),
    create(request) {
      const stored = normalizeResource('User', request.body);
      const now = timestamp();
      const row = rowFrom(randomUUID(), stored, 1, now, now);
      write(row, null);
      return single(201, row, request, { before: null, after: stored });
    },
    get(request) {
      const row = load(request);
      if (isNotModified(request.headers, row.version)) {
        return { status: 304, headers: { ETag: etagOf(row.version) }, resourceType: 'User', resourceId: row.id };
      }
      return single(200, row, request);
    },
    replace(request) {
      const current = load(request);
      checkIfMatch(request.headers, current.version);
      const stored = normalizeResource('User', request.body);
      const row = rowFrom(current.id, stored, current.version + 1, current.created, timestamp());
      write(row, current);
      return single(200, row, request, { before: parseStored(current.resource), after: stored });
    },
    patch(request) {
      const current = load(request);
      checkIfMatch(request.headers, current.version);
      const before = parseStored(current.resource);
      const stored = applyPatch('User', before, request.body);
      // Entra re-asserts values it already sent (e.g. a periodic active=true, entra-behavior.md §3.2 rule 11): no new version.
      const resource = JSON.stringify(stored);
      if (resource === current.resource) return single(200, current, request, { before, after: before });
      const row = rowFrom(current.id, stored, current.version + 1, current.created, timestamp(), resource);
      write(row, current);
      return single(200, row, request, { before, after: stored });
    },
    remove(request) {
      const current = load(request);
      checkIfMatch(request.headers, current.version);
      users.delete(current.id);
      return { status: 204, resourceType: 'User', resourceId: current.id, change: { before: parseStored(current.resource), after: null } };
    },
  };
}
