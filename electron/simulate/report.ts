/**
 * Counts what the simulator did the way Entra's provisioning log would: one row per object operation, each ending
 * Success, Failure or Skipped, with Entra's Action and error code (entra-behavior.md §4, §6.1, §6.4).
 */

import type { EntraAction, EntraStatus, Operation } from '../../shared/domain/operation.js';
import { entraOutcome } from '../provisioning/outcome.js';
import type { Reply } from './client.js';

/** What one operation did; `manager` is the reference update that follows a create (§3.2 rule 6). */
export type OperationKind = Operation | 'manager';

export interface OperationRecord {
  readonly cycle: number;
  readonly kind: OperationKind;
  readonly entity: 'User' | 'Group';
  readonly identity: string;
  readonly action: EntraAction;
  readonly status: EntraStatus;
  readonly httpStatus?: number;
  readonly errorCode?: string;
  /** The SCIM error's detail (or the reason something was skipped). */
  readonly detail?: string;
  /** The escrow key of the object, so a failure can be followed into the next cycle. */
  readonly key: string;
  /** True when this operation retried an escrowed failure of an earlier cycle. */
  readonly retry: boolean;
}

export interface Report {
  /** `"<operation> <METHOD> <status>"` → count, every HTTP exchange including 429 retries. */
  readonly requests: Map<string, number>;
  readonly operations: OperationRecord[];
  /** Keys of objects whose last operation failed: Entra's escrow, retried next cycle (§5.2). */
  readonly escrow: Map<string, OperationRecord>;
  requestSent(operation: Operation, method: string, status: number): void;
  /** Adds an operation; its Action defaults to the kind's (a Skipped "nothing to change" row is Other, §6.1). */
  record(entry: Omit<OperationRecord, 'retry' | 'action'> & { readonly action?: EntraAction }): OperationRecord;
}

export function createReport(): Report {
  const requests = new Map<string, number>();
  const operations: OperationRecord[] = [];
  const escrow = new Map<string, OperationRecord>();
  return {
    requests,
    operations,
    escrow,
    requestSent(operation, method, status) {
      const key = `${operation} ${method} ${status}`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
    },
    record(entry) {
      const previous = escrow.get(entry.key);
      const record = { ...entry, action: entry.action ?? actionOf(entry.kind), retry: previous !== undefined && previous.cycle < entry.cycle };
      operations.push(record);
      if (record.status === 'Failure') escrow.set(entry.key, record);
      else escrow.delete(entry.key);
      return record;
    },
  };
}

const ACTIONS: Readonly<Record<OperationKind, EntraAction>> = {
  'test-connection': 'Other', match: 'Other', list: 'Other', read: 'Other', discovery: 'Other', unknown: 'Other',
  create: 'Create', update: 'Update', enable: 'Update', manager: 'Update', 'add-members': 'Update', 'remove-members': 'Update',
  disable: 'Disable', delete: 'Delete',
};

export const actionOf = (kind: OperationKind): EntraAction => ACTIONS[kind];

/** The SCIM error detail of a reply, else the start of its body. */
export function replyDetail(reply: Reply): string {
  if (reply.networkError) return reply.networkError.message;
  const detail = (reply.body as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === 'string') return detail;
  return reply.text.slice(0, 200) || '(empty body)';
}

/** A failed exchange as Entra would log it: its error code from the HTTP status (electron/provisioning/outcome.ts). */
export function failureOf(kind: OperationKind, reply: Reply): Pick<OperationRecord, 'status' | 'httpStatus' | 'errorCode' | 'detail'> {
  const operation: Operation = kind === 'manager' ? 'update' : kind;
  const errorCode = reply.networkError?.code ?? entraOutcome(operation, reply.status).errorCode ?? 'SystemForCrossDomainIdentityManagementServiceIncompatible';
  return { status: 'Failure', httpStatus: reply.status, errorCode, detail: replyDetail(reply) };
}
