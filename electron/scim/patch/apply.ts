/**
 * The PATCH engine (RFC 7644 §3.5.2), accepting both of Entra's dialects (entra-behavior.md §3.1, §3.2).
 *
 * The default dialect sends PascalCase ops, `"False"` strings, one op per attribute and member removal with a
 * value list; `aadOptscim062020` sends lowercase ops, one path-less replace with dotted/URN keys and
 * `members[value eq "…"]` removal. Both, plus Okta's path-less `{"active": false}`, go through the same code.
 */

import type { ScimResourceType } from '../../../shared/scim/constants.js';
import { ScimError, badRequest } from '../errors.js';
import { normalizePatchedResource } from '../resource/normalize.js';
import type { JsonObject, StoredResource } from '../resource/types.js';
import { readOperations, type PatchOperation } from './operations.js';
import { parsePatchPath } from './path.js';
import { removeValue } from './remove.js';
import { setPathless, setValue } from './set.js';

/**
 * Applies a PatchOp body to a stored resource and returns the new resource; `resource` is not modified. The result
 * is re-validated with the POST rules, so a PATCH can never store what a POST would reject.
 */
export function applyPatch(type: ScimResourceType, resource: StoredResource, body: unknown): StoredResource {
  const operations = readOperations(body);
  const working: JsonObject = structuredClone(resource);
  for (const operation of operations) {
    try {
      applyOperation(type, working, operation);
    } catch (error) {
      throw error instanceof ScimError ? inOperation(error, operation) : error;
    }
  }
  return normalizePatchedResource(type, working);
}

function applyOperation(type: ScimResourceType, resource: JsonObject, { op, path, value }: PatchOperation): void {
  if (path === undefined) {
    if (op === 'remove') throw badRequest('noTarget', 'A remove operation needs a "path" (RFC 7644 §3.5.2.2).');
    setPathless(type, resource, op, value); // §3.2 rule 4 (flag dialect) and Okta's deactivation
    return;
  }
  const target = parsePatchPath(type, path);
  if (op === 'remove') {
    removeValue(type, resource, target, value); // §3.2 rule 8
    return;
  }
  if (value === undefined) throw badRequest('invalidSyntax', `An ${op} operation needs a "value" (RFC 7644 §3.5.2).`);
  setValue(type, resource, op, target, value); // §3.2 rules 1-7 are handled per path kind in set.ts
}

/** Prefixes an error with the operation it came from, so a log row shows which of Entra's ops failed. */
function inOperation(error: ScimError, { index, op, path }: PatchOperation): ScimError {
  const where = path === undefined ? `Operations[${index}] (${op})` : `Operations[${index}] (${op} "${path}")`;
  return new ScimError(error.status, `${where}: ${error.message}`, error.scimType, { ...error.headers });
}
