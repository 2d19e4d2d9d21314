/**
 * One group through one cycle (entra-behavior.md §2.2, §5.1): match on displayName with members excluded, create it
 * empty, then add the members Entra can resolve to target ids — several per PATCH — and remove the ones that left.
 */

import { failureOf } from './report.js';
import { addMembersOperations, filterQuery, groupCreateBody, patchBody, removeMembersOperations } from './requests.js';
import type { SourceGroup } from './test-data.js';
import { groupLink, liveTargetId, listResources, recorder, succeeded, type CycleContext, type GroupLink } from './context.js';

/** Members per add PATCH. Entra batches several (§2.2) but publishes no number; ten is our choice. */
export const MEMBERS_PER_PATCH = 10;

const idPath = (id: string): string => `/Groups/${encodeURIComponent(id)}`;

async function matchOrCreate(ctx: CycleContext, group: SourceGroup, link: GroupLink, record: ReturnType<typeof recorder>): Promise<boolean> {
  const match = await ctx.client('match', 'GET', `/Groups?${filterQuery('displayName', group.displayName, true)}`);
  const found = succeeded(match) ? listResources(match.body) : undefined;
  if (!found) {
    record('match', failureOf('match', match));
    return false;
  }
  if (found.length > 1) {
    record('match', { status: 'Failure', httpStatus: match.status, errorCode: 'DuplicateTargetEntries', detail: `${found.length} groups have displayName "${group.displayName}".` });
    return false;
  }
  const existing = found[0]?.id;
  if (typeof existing === 'string') {
    link.targetId = existing;
    record('match', { status: 'Skipped', action: 'Other', detail: 'RedundantExport: a group with this displayName exists; it is linked, not created.' });
    return true;
  }
  const created = await ctx.client('create', 'POST', '/Groups', groupCreateBody(group));
  const id = (created.body as { id?: unknown } | undefined)?.id;
  if (created.status !== 201 || typeof id !== 'string') {
    record('create', failureOf('create', created));
    return false;
  }
  link.targetId = id;
  record('create', { status: 'Success', httpStatus: created.status });
  return true;
}

/** Exports one group and its membership changes. */
export async function syncGroup(ctx: CycleContext, group: SourceGroup): Promise<void> {
  const link = groupLink(ctx.state, group.index);
  const record = recorder(ctx, 'Group', group.displayName, `group:${group.index}`);
  if (link.targetId === undefined && !(await matchOrCreate(ctx, group, link, record))) return;
  const targetId = link.targetId!;
  const added = recorder(ctx, 'Group', group.displayName, `members-add:${group.index}`);
  const removed = recorder(ctx, 'Group', group.displayName, `members-remove:${group.index}`);

  // Members not provisioned (yet) cannot be resolved and are left out; the next cycle tries them again.
  const toAdd = [...group.members].filter((m) => !link.members.has(m) && !ctx.directory.users[m]!.deleted && liveTargetId(ctx.state, m) !== undefined);
  for (let i = 0; i < toAdd.length; i += MEMBERS_PER_PATCH) {
    const chunk = toAdd.slice(i, i + MEMBERS_PER_PATCH);
    const ids = chunk.map((m) => liveTargetId(ctx.state, m)!);
    const reply = await ctx.client('add-members', 'PATCH', idPath(targetId), patchBody(addMembersOperations(ctx.dialect, ids)));
    if (!succeeded(reply)) {
      added('add-members', failureOf('add-members', reply));
      continue;
    }
    for (const m of chunk) link.members.add(m);
    added('add-members', { status: 'Success', httpStatus: reply.status, detail: `${chunk.length} member(s)` });
  }

  const toRemove = [...link.members].filter((m) => !group.members.has(m) && liveTargetId(ctx.state, m) !== undefined);
  if (toRemove.length === 0) return;
  const ids = toRemove.map((m) => liveTargetId(ctx.state, m)!);
  const reply = await ctx.client('remove-members', 'PATCH', idPath(targetId), patchBody(removeMembersOperations(ctx.dialect, ids)));
  if (!succeeded(reply)) return removed('remove-members', failureOf('remove-members', reply));
  for (const m of toRemove) link.members.delete(m);
  removed('remove-members', { status: 'Success', httpStatus: reply.status, detail: `${toRemove.length} member(s)` });
}
