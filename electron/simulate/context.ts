/**
 * What a simulated cycle works with: the tenant, what the simulator believes the target holds (Entra's connector
 * data store of source↔target anchors, entra-behavior.md §2.2 and §5.1), the client and the report.
 */

import type { PatchDialect } from '../../shared/domain/operation.js';
import type { ScimClient, Reply } from './client.js';
import type { AttributeValue } from './paths.js';
import type { Random } from './random.js';
import type { OperationKind, OperationRecord, Report } from './report.js';
import type { SourceDirectory } from './test-data.js';

export interface UserLink {
  /** The target's `id` (target anchor), cached after create or match (§5.1 step 4–5). */
  targetId?: string;
  /** The attributes as last exported successfully; a difference from the tenant means work for the next cycle. */
  exported?: Record<string, AttributeValue>;
  /** The manager id last set on the target. */
  manager?: string;
  /** Deleted on the target by our DELETE. */
  gone?: boolean;
}

export interface GroupLink {
  targetId?: string;
  /** Member user indexes exported successfully. */
  readonly members: Set<number>;
}

export interface SyncState {
  readonly users: Map<number, UserLink>;
  readonly groups: Map<number, GroupLink>;
}

export interface CycleContext {
  readonly cycle: number;
  readonly dialect: PatchDialect;
  readonly concurrency: number;
  readonly client: ScimClient;
  readonly report: Report;
  readonly directory: SourceDirectory;
  readonly state: SyncState;
  readonly random: Random;
  /** Called as each work item (the probe, a user, a manager reference, a group) finishes: the progress bar's steps. */
  readonly tick?: () => void;
}

export const emptyState = (): SyncState => ({ users: new Map(), groups: new Map() });

export function userLink(state: SyncState, index: number): UserLink {
  let link = state.users.get(index);
  if (!link) {
    link = {};
    state.users.set(index, link);
  }
  return link;
}

export function groupLink(state: SyncState, index: number): GroupLink {
  let link = state.groups.get(index);
  if (!link) {
    link = { members: new Set() };
    state.groups.set(index, link);
  }
  return link;
}

/** The target id of a user that exists on the target, or undefined. */
export function liveTargetId(state: SyncState, index: number): string | undefined {
  const link = state.users.get(index);
  return link?.targetId !== undefined && !link.gone ? link.targetId : undefined;
}

export const succeeded = (reply: Reply): boolean => reply.status >= 200 && reply.status < 300;

/** The Resources of a ListResponse, or undefined when the body is not one. */
export function listResources(body: unknown): Record<string, unknown>[] | undefined {
  const list = body as { totalResults?: unknown; Resources?: unknown } | undefined;
  if (typeof list?.totalResults !== 'number') return undefined;
  return Array.isArray(list.Resources) ? (list.Resources as Record<string, unknown>[]) : [];
}

export type RecordFields = Omit<OperationRecord, 'retry' | 'action' | 'cycle' | 'kind' | 'entity' | 'identity' | 'key'> & {
  readonly action?: OperationRecord['action'];
};

/** Records operations about one object in this cycle. */
export function recorder(ctx: CycleContext, entity: 'User' | 'Group', identity: string, key: string) {
  return (kind: OperationKind, fields: RecordFields): void => {
    ctx.report.record({ cycle: ctx.cycle, kind, entity, identity, key, ...fields });
  };
}
