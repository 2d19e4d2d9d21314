/**
 * Names the identity a request is about, the way Entra's log shows it: the user's userName or the group's
 * displayName, resolved from the directory when the request carries only an id.
 */

import type { DirectoryRepo } from '../db/directory-repo.js';
import { fieldOf } from '../scim/resource/json.js';
import type { OperationInfo, RequestShape } from './operation.js';

function stringField(body: unknown, name: string): string | null {
  const value = fieldOf(body, name);
  return typeof value === 'string' ? value : null;
}

/** The value of the first `eq` comparison in a filter, quoted or not (`userName eq "alice@contoso.com"`). */
export function filterEqValue(filter: string): string | null {
  const match = /\beq\s+(?:"((?:[^"\\]|\\.)*)"|([^\s)\]]+))/i.exec(filter);
  if (!match) return null;
  if (match[1] !== undefined) {
    try {
      return JSON.parse(`"${match[1]}"`) as string;
    } catch {
      return match[1];
    }
  }
  return match[2] ?? null;
}

/** Names a request that carries only an id; the built-in target asks its directory, proxy mode what it has seen. */
export type IdLookup = (entity: 'User' | 'Group', id: string) => string | null;

export function requestIdentity(shape: RequestShape, info: OperationInfo, directory: DirectoryRepo): string | null {
  return identityOf(shape, info, (entity, id) => (entity === 'User' ? directory.users.nameOf(id) : directory.groups.nameOf(id)) ?? null);
}

export function identityOf(shape: RequestShape, info: OperationInfo, byId: IdLookup): string | null {
  const nameAttribute = info.entity === 'Group' ? 'displayName' : 'userName';
  switch (info.operation) {
    case 'create':
      return stringField(shape.body, nameAttribute);
    case 'match':
    case 'test-connection': {
      const filter = shape.segments[1] === '.search' ? stringField(shape.body, 'filter') : shape.query.get('filter');
      return filter === null ? null : filterEqValue(filter);
    }
    case 'list':
    case 'discovery':
    case 'unknown':
      return null;
    default: {
      const id = shape.segments[1];
      if (id === undefined) return null;
      if (info.entity === 'User' || info.entity === 'Group') return byId(info.entity, id);
      return null;
    }
  }
}
