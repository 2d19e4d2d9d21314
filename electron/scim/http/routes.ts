/**
 * Maps a method and path under `/scim/v2` to its handler (RFC 7644 §3.2 endpoint table).
 */

import type { DirectoryRepo } from '../../db/directory-repo.js';
import { ScimError, notFound, notImplemented } from '../errors.js';
import { getResourceTypes, getSchemas, getServiceProviderConfig } from '../handlers/discovery.js';
import { groupHandlers } from '../handlers/groups.js';
import type { ResourceHandlers } from '../handlers/common.js';
import { userHandlers } from '../handlers/users.js';
import type { ScimHandler, ScimRequest } from './types.js';

type MethodTable = Partial<Record<string, ScimHandler>>;

function methodNotAllowed(table: MethodTable, method: string, what: string): ScimError {
  const allow = Object.keys(table).join(', ');
  return new ScimError(405, `${method} is not supported on ${what}; use ${allow}.`, undefined, { Allow: allow });
}

function resourceRoutes(handlers: ResourceHandlers, segments: readonly string[]): MethodTable | undefined {
  if (segments.length === 1) return { GET: handlers.list, POST: handlers.create };
  if (segments.length === 2 && segments[1] === '.search') return { POST: handlers.search };
  if (segments.length === 2) return { GET: handlers.get, PUT: handlers.replace, PATCH: handlers.patch, DELETE: handlers.remove };
  return undefined;
}

/** Builds the dispatcher for an authenticated request. */
export function scimRouter(directory: DirectoryRepo): ScimHandler {
  const users = userHandlers(directory);
  const groups = groupHandlers(directory);
  return (request: ScimRequest) => {
    const [head = '', ...rest] = request.segments;
    const endpoint = head.toLowerCase();
    let table: MethodTable | undefined;
    if (endpoint === 'users') table = resourceRoutes(users, request.segments);
    else if (endpoint === 'groups') table = resourceRoutes(groups, request.segments);
    else if ((endpoint === 'serviceproviderconfig' || endpoint === 'serviceproviderconfigs') && rest.length === 0) table = { GET: getServiceProviderConfig };
    else if (endpoint === 'schemas' && rest.length <= 1) table = { GET: getSchemas };
    else if (endpoint === 'resourcetypes' && rest.length <= 1) table = { GET: getResourceTypes };
    else if (endpoint === 'bulk' || endpoint === 'me' || endpoint === '.search') {
      // Entra never uses /Bulk (entra-behavior.md §2.3); ServiceProviderConfig says bulk is unsupported.
      throw notImplemented(`/${head} is not supported by this listener (ServiceProviderConfig lists what is).`);
    }
    if (!table) {
      throw notFound(`No SCIM endpoint at /${request.segments.join('/')}. Entra appends /Users and /Groups to the Tenant URL, which must end in /scim/v2.`);
    }
    const handler = table[request.method];
    if (!handler) throw methodNotAllowed(table, request.method, `/${request.segments.join('/')}`);
    return handler(request);
  };
}
