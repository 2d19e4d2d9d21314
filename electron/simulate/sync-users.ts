/**
 * One user through one cycle, the way Entra processes it (entra-behavior.md §5.1–§5.3): match on userName and
 * create when missing; for a linked user, read it by id and PATCH only the differences (§3.2 rule 11) — an update,
 * a disable (`active` false) or an enable; DELETE once hard-deleted in the tenant. The manager follows in a
 * separate reference PATCH after every user of the cycle was exported (§3.2 rule 6, §5.1 step 6).
 */

import { diffAttributes, type AttributeChange, type AttributeValue } from './paths.js';
import { failureOf } from './report.js';
import { filterQuery, managerOperations, patchBody, userCreateBody, userUpdateOperations } from './requests.js';
import { userNameOf, type SourceUser } from './test-data.js';
import { liveTargetId, listResources, recorder, succeeded, userLink, type CycleContext, type UserLink } from './context.js';

/** A PATCH setting `active` false is a Disable for Entra; one that only sets it true is an enable (Update). */
export function changeKind(changes: readonly Pick<AttributeChange, 'path' | 'value'>[]): 'update' | 'disable' | 'enable' {
  const active = changes.find((c) => c.path === 'active');
  if (active?.value === false) return 'disable';
  if (active?.value === true && changes.length === 1) return 'enable';
  return 'update';
}

const pendingChanges = (exported: Record<string, AttributeValue> | undefined, wanted: Record<string, AttributeValue>) =>
  Object.entries(wanted).filter(([path, value]) => exported?.[path] !== value).map(([path, value]) => ({ path, value }));

const idPath = (id: string): string => `/Users/${encodeURIComponent(id)}`;

/** Sends the differences between the tenant and a target resource; nothing to send is a Skipped "RedundantExport" row. */
async function exportDifferences(ctx: CycleContext, user: SourceUser, link: UserLink, resource: unknown, record: ReturnType<typeof recorder>): Promise<void> {
  const changes = diffAttributes(user.attributes, resource);
  if (changes.length === 0) {
    link.exported = { ...user.attributes };
    record('update', { status: 'Skipped', action: 'Other', detail: 'RedundantExport: the target already has these values.' });
    return;
  }
  const kind = changeKind(changes);
  const reply = await ctx.client(kind, 'PATCH', idPath(link.targetId!), patchBody(userUpdateOperations(ctx.dialect, changes)));
  if (!succeeded(reply)) return record(kind, failureOf(kind, reply));
  link.exported = { ...user.attributes };
  record(kind, { status: 'Success', httpStatus: reply.status });
}

async function deleteUser(ctx: CycleContext, user: SourceUser, link: UserLink, record: ReturnType<typeof recorder>): Promise<void> {
  const reply = await ctx.client('delete', 'DELETE', idPath(link.targetId!));
  if (!succeeded(reply)) return record('delete', failureOf('delete', reply));
  link.gone = true;
  // The target drops a deleted user's memberships itself; Entra sends no member removal for it.
  for (const group of ctx.state.groups.values()) group.members.delete(user.index);
  record('delete', { status: 'Success', httpStatus: reply.status });
}

async function matchOrCreate(ctx: CycleContext, user: SourceUser, link: UserLink, record: ReturnType<typeof recorder>): Promise<void> {
  const userName = userNameOf(user);
  const match = await ctx.client('match', 'GET', `/Users?${filterQuery('userName', userName)}`);
  const found = succeeded(match) ? listResources(match.body) : undefined;
  if (!found) return record('match', failureOf('match', match));
  if (found.length > 1) {
    return record('match', { status: 'Failure', httpStatus: match.status, errorCode: 'DuplicateTargetEntries', detail: `${found.length} users have userName "${userName}".` });
  }
  const existing = found[0];
  if (existing !== undefined && typeof existing.id === 'string') {
    link.targetId = existing.id;
    return exportDifferences(ctx, user, link, existing, record);
  }
  const created = await ctx.client('create', 'POST', '/Users', userCreateBody(user));
  const id = (created.body as { id?: unknown } | undefined)?.id;
  if (created.status !== 201 || typeof id !== 'string') return record('create', failureOf('create', created));
  link.targetId = id;
  link.exported = { ...user.attributes };
  record('create', { status: 'Success', httpStatus: created.status });
}

/** Exports one user's pending change, if any. */
export async function syncUser(ctx: CycleContext, user: SourceUser): Promise<void> {
  const link = userLink(ctx.state, user.index);
  const record = recorder(ctx, 'User', userNameOf(user), `user:${user.index}`);
  if (user.deleted) {
    if (link.targetId !== undefined && !link.gone) await deleteUser(ctx, user, link, record);
    return;
  }
  if (link.gone) return;
  if (link.targetId === undefined) {
    // Users disabled in Entra are out of scope and never created (§5.2).
    if (user.attributes.active === true) await matchOrCreate(ctx, user, link, record);
    return;
  }
  const pending = pendingChanges(link.exported, user.attributes);
  if (pending.length === 0) return;
  const read = await ctx.client('read', 'GET', idPath(link.targetId));
  const kind = changeKind(pending);
  if (!succeeded(read)) return record(kind, failureOf(kind, read));
  await exportDifferences(ctx, user, link, read.body, record);
}

/** Sets the manager reference once both users exist on the target; an unresolvable manager is skipped (§3.2 rule 6). */
export async function syncManager(ctx: CycleContext, user: SourceUser): Promise<void> {
  if (user.deleted || user.manager === null) return;
  const targetId = liveTargetId(ctx.state, user.index);
  if (targetId === undefined) return;
  const link = userLink(ctx.state, user.index);
  const record = recorder(ctx, 'User', userNameOf(user), `manager:${user.index}`);
  const managerId = liveTargetId(ctx.state, user.manager);
  if (managerId === undefined) {
    const manager = ctx.directory.users[user.manager];
    const name = manager ? userNameOf(manager) : `#${user.manager}`;
    return record('manager', { status: 'Skipped', detail: `UnableToResolveReferenceAttributeValue: the manager ${name} is not provisioned.` });
  }
  if (link.manager === managerId) return;
  const reply = await ctx.client('update', 'PATCH', idPath(targetId), patchBody(managerOperations(ctx.dialect, managerId)));
  if (!succeeded(reply)) return record('manager', failureOf('manager', reply));
  link.manager = managerId;
  record('manager', { status: 'Success', httpStatus: reply.status });
}
