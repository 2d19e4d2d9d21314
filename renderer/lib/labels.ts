/**
 * Entra's vocabulary for a logged request: the operation label the Live list shows, and the path with ids
 * replaced by `{id}`, so a list of hundreds of `/Users/<guid>` reads as one shape.
 */

import type { LogRow } from '../../shared/api/log-types.js';
import type { Entity, Operation } from '../../shared/domain/operation.js';
import { SCIM_BASE_PATH } from '../../shared/scim/constants.js';

const NOUN: Readonly<Record<Entity, string>> = { User: 'user', Group: 'group', Config: 'configuration', Unknown: 'object' };

/** "Create user", "Disable user", "Add members (3)": the row's meaning in the words of screens.md Screen 2. */
export function operationLabel(row: Pick<LogRow, 'operation' | 'entity' | 'memberCount'>): string {
  const noun = NOUN[row.entity];
  const members = row.memberCount === null ? '' : ` (${row.memberCount})`;
  switch (row.operation) {
    case 'test-connection':
      return 'Test connection';
    case 'match':
      return `Match ${noun}`;
    case 'list':
      return `List ${noun}s`;
    case 'read':
      return `Get ${noun}`;
    case 'create':
      return `Create ${noun}`;
    case 'update':
      return `Update ${noun}`;
    case 'disable':
      return `Disable ${noun}`;
    case 'enable':
      return `Re-enable ${noun}`;
    case 'delete':
      return `Delete ${noun}`;
    case 'add-members':
      return `Add members${members}`;
    case 'remove-members':
      return `Remove members${members}`;
    case 'discovery':
      return 'Schema discovery';
    case 'unknown':
      return 'Unrecognised request';
  }
}

/** Short names the filter bar accepts for `op:`, mapped to operations. */
export const OPERATION_ALIASES: Readonly<Record<string, Operation>> = {
  test: 'test-connection',
  'test-connection': 'test-connection',
  probe: 'test-connection',
  match: 'match',
  list: 'list',
  read: 'read',
  get: 'read',
  create: 'create',
  update: 'update',
  disable: 'disable',
  enable: 'enable',
  're-enable': 'enable',
  delete: 'delete',
  'add-members': 'add-members',
  add: 'add-members',
  'remove-members': 'remove-members',
  remove: 'remove-members',
  discovery: 'discovery',
  schema: 'discovery',
  unknown: 'unknown',
};

/** Plural nouns for the filter echo ("PATCH requests that disable users"). */
export const OPERATION_PHRASE: Readonly<Record<Operation, string>> = {
  'test-connection': 'Test Connection probes',
  match: 'match queries',
  list: 'list queries',
  read: 'reads',
  create: 'creates',
  update: 'updates',
  disable: 'disables',
  enable: 're-enables',
  delete: 'deletes',
  'add-members': 'member additions',
  'remove-members': 'member removals',
  discovery: 'schema discovery requests',
  unknown: 'unrecognised requests',
};

const RESOURCE_COLLECTIONS = new Set(['Users', 'Groups', 'Schemas', 'ResourceTypes']);

/** `/scim/v2/Users/2819c223-…` → `/Users/{id}`; paths outside the SCIM base are shown whole. */
export function templatePath(path: string): string {
  const inside = path.startsWith(SCIM_BASE_PATH + '/') || path === SCIM_BASE_PATH;
  const rest = inside ? path.slice(SCIM_BASE_PATH.length) || '/' : path;
  const segments = rest.split('/');
  for (let i = 1; i < segments.length - 1; i++) {
    if (RESOURCE_COLLECTIONS.has(segments[i] ?? '') && segments[i + 1] !== '' && segments[i] !== 'Schemas' && segments[i] !== 'ResourceTypes') {
      segments[i + 1] = '{id}';
    }
  }
  return segments.join('/');
}
