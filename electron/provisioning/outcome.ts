/**
 * What Entra will most likely record for one exchange: its Action, Status and error code
 * (entra-behavior.md §4 and §6; Graph provisioningObjectSummary).
 */

import { ENTRA_ERRORS } from '../../shared/domain/entra-errors.js';
import { ACTION_OF, type EntraAction, type EntraStatus, type Operation } from '../../shared/domain/operation.js';

export interface Outcome {
  readonly action: EntraAction;
  readonly status: EntraStatus;
  /** The likely Entra error code for a failure; null on success. */
  readonly errorCode: string | null;
}

const LOOKUPS: ReadonlySet<Operation> = new Set(['match', 'list', 'test-connection']);

function failureCode(operation: Operation, status: number): string {
  const code = (key: keyof typeof ENTRA_ERRORS): string => ENTRA_ERRORS[key]?.code ?? key;
  if (status === 401) return code('Unauthorized');
  if (status === 403) return code('InsufficientRights');
  if (status === 404) return LOOKUPS.has(operation) ? code('ScimComplianceNotFound') : code('InvalidAnchor');
  if (status === 405) return code('MethodNotAllowed');
  if (status === 409) return code('EntryConflict');
  if (status === 429) return code('TooManyRequests');
  if (status === 499) return code('Timeout');
  if (status === 501) return code('NotImplemented');
  if (status >= 500) return code('InternalServerError');
  if (status === 400 || status === 413 || status === 414) return code('BadRequest');
  return code('Incompatible');
}

/**
 * @param resultCount the totalResults of a lookup's ListResponse, when known: a match that finds several objects
 *   is a failure for Entra even though the HTTP status is 200 (DuplicateTargetEntries, entra-behavior.md §2.1).
 * @param changed false when a write left the resource as it was: Entra counts that as Other ("nothing to change").
 */
export function entraOutcome(operation: Operation, status: number, resultCount?: number, changed?: boolean): Outcome {
  const action = changed === false ? 'Other' : ACTION_OF[operation];
  if (status >= 200 && status < 300) {
    if (operation === 'match' && resultCount !== undefined && resultCount > 1) {
      return { action, status: 'Failure', errorCode: ENTRA_ERRORS.DuplicateTargetEntries?.code ?? 'DuplicateTargetEntries' };
    }
    return { action, status: 'Success', errorCode: null };
  }
  if (status === 304) return { action, status: 'Success', errorCode: null };
  return { action, status: 'Failure', errorCode: failureCode(operation, status) };
}
