/**
 * One provisioning cycle (entra-behavior.md §5): the Test Connection probe, then every user, then the manager
 * references, then the groups and their members. Initial and incremental cycles run the same steps; an incremental
 * cycle only finds work for objects that changed or are still in escrow (§5.2: no changes, no requests).
 */

import { filterQuery } from './requests.js';
import { failureOf } from './report.js';
import { runPool } from './pool.js';
import { syncGroup } from './sync-groups.js';
import { syncManager, syncUser } from './sync-users.js';
import { listResources, succeeded, type CycleContext } from './context.js';

export interface CycleResult {
  readonly cycle: number;
  /** Why the cycle stopped after the probe, if it did. */
  readonly stopped?: string;
}

/** Why Entra would stop here, by the probe's answer (§1.1, §4, §9). */
function stopReason(status: number, detail: string): string {
  if (status === 401 || status === 403) {
    return `Test Connection got HTTP ${status} (${detail}). Entra shows "invalid credentials" and quarantines the job (EncounteredQuarantineException); no object is processed.`;
  }
  if (status === 404) return `Test Connection got HTTP 404 to a filter query. Entra treats that as a SCIM compliance issue and can quarantine the job.`;
  if (status === 0) return `Test Connection got no answer (${detail}). Entra retries at the next cycle.`;
  return `Test Connection got HTTP ${status} (${detail}). Entra retries at the next cycle.`;
}

/**
 * §1.1: a random GUID on the matching attribute must answer 200 with an empty ListResponse. Returns the reason to
 * stop the cycle, or undefined when the probe passed.
 */
async function testConnection(ctx: CycleContext): Promise<string | undefined> {
  const guid = ctx.random.guid();
  const reply = await ctx.client('test-connection', 'GET', `/Users?${filterQuery('userName', guid)}`);
  const found = succeeded(reply) ? listResources(reply.body) : undefined;
  const entry = { cycle: ctx.cycle, kind: 'test-connection', entity: 'User', identity: guid, key: 'test-connection' } as const;
  if (reply.status === 200 && found?.length === 0) {
    ctx.report.record({ ...entry, status: 'Success', httpStatus: 200 });
    return undefined;
  }
  const failure = reply.status === 200
    ? { status: 'Failure', httpStatus: 200, errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible', detail: 'Expected an empty ListResponse for a userName that cannot exist.' } as const
    : failureOf('test-connection', reply);
  ctx.report.record({ ...entry, ...failure });
  return stopReason(reply.status, failure.detail ?? '');
}

/** Work items of one cycle, as `tick` counts them: the probe, each user, each manager reference, each group. */
export const cycleSteps = (users: number, groups: number): number => 1 + 2 * users + groups;

export async function runCycle(ctx: CycleContext): Promise<CycleResult> {
  const tick = ctx.tick ?? (() => undefined);
  const stopped = await testConnection(ctx);
  tick();
  if (stopped !== undefined) return { cycle: ctx.cycle, stopped };
  const { users, groups } = ctx.directory;
  await runPool(users, ctx.concurrency, (user) => syncUser(ctx, user).then(tick));
  await runPool(users, ctx.concurrency, (user) => syncManager(ctx, user).then(tick));
  await runPool(groups, ctx.concurrency, (group) => syncGroup(ctx, group).then(tick));
  return { cycle: ctx.cycle };
}
