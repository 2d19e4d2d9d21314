/**
 * Replays Entra's provisioning traffic (entra-behavior.md §1.1, §2, §5) against a real test monitor on a movable
 * clock: every request advances the log clock by one second, and a test jumps it 40 minutes ahead to start the
 * next cycle, so cycles are replayed without sleeping.
 */

import { randomUUID } from 'node:crypto';
import { MESSAGE_PATCH_OP, SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP, SCHEMA_MICROSOFT_ADSCIM_GROUP, SCHEMA_USER } from '../../shared/scim/constants.js';
import type { FaultInjector } from '../../electron/scim/http/faults.js';
import { startTestMonitor, type ScimReply, type TestMonitor } from './monitor.js';

/** The clock moves this much per request, so a burst has a duration and rows have distinct timestamps. */
export const STEP_MS = 1_000;
export const MINUTE = 60_000;
export const START = Date.UTC(2026, 10, 28, 9);

export interface EntraReplay {
  readonly t: TestMonitor;
  now(): number;
  /** Moves the clock to `ms` (absolute) or by `ms` (advance). */
  at(ms: number): void;
  advance(ms: number): void;
  /** The bearer secret Entra sends from now on. */
  useSecret(secret: string): void;
  /** Called after every request (e.g. to evaluate health as the monitor would after each logged batch). */
  afterEach(hook: () => void): void;
  send(method: string, path: string, body?: unknown): Promise<ScimReply>;
  probe(): Promise<ScimReply>;
  matchUser(userName: string): Promise<ScimReply>;
  /** POST /Users; returns the reply (201 with the id, or an error). */
  createUser(userName: string, extra?: Record<string, unknown>): Promise<ScimReply>;
  /** Match then create, as the initial cycle does for a user that is not there yet; returns the new id. */
  provisionUser(userName: string, extra?: Record<string, unknown>): Promise<string>;
  provisionGroup(displayName: string): Promise<string>;
  addMembers(groupId: string, userIds: readonly string[]): Promise<ScimReply>;
  patchUser(id: string, ...operations: readonly Record<string, unknown>[]): Promise<ScimReply>;
  readUser(id: string): Promise<ScimReply>;
  deleteUser(id: string): Promise<ScimReply>;
  stop(): Promise<void>;
}

const filter = (expression: string): string => `filter=${encodeURIComponent(expression)}`;

export async function startEntraReplay(options: { readonly start?: number; readonly faults?: FaultInjector } = {}): Promise<EntraReplay> {
  let clock = options.start ?? START;
  const t = await startTestMonitor({ now: () => clock, ...(options.faults ? { faults: options.faults } : {}) });
  let secret = t.secret;
  const hooks: (() => void)[] = [];

  const send = async (method: string, path: string, body?: unknown): Promise<ScimReply> => {
    const reply = await t.scim(method, path, body, { authorization: `Bearer ${secret}` });
    clock += STEP_MS;
    for (const hook of hooks) hook();
    return reply;
  };
  const expectStatus = (reply: ScimReply, status: number, what: string): void => {
    if (reply.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${reply.status}: ${reply.text}`);
  };
  const replay: EntraReplay = {
    t,
    now: () => clock,
    at: (ms) => void (clock = ms),
    advance: (ms) => void (clock += ms),
    useSecret: (next) => void (secret = next),
    afterEach: (hook) => void hooks.push(hook),
    send,
    probe: () => send('GET', `/Users?${filter(`userName eq "${randomUUID()}"`)}`),
    matchUser: (userName) => send('GET', `/Users?${filter(`userName eq "${userName}"`)}`),
    createUser: (userName, extra = {}) =>
      send('POST', '/Users', {
        schemas: [SCHEMA_USER, SCHEMA_ENTERPRISE_USER],
        externalId: randomUUID(),
        userName,
        active: true,
        displayName: userName.split('@')[0],
        emails: [{ primary: true, type: 'work', value: userName }],
        ...extra,
      }),
    async provisionUser(userName, extra) {
      await replay.matchUser(userName);
      const created = await replay.createUser(userName, extra);
      expectStatus(created, 201, `create ${userName}`);
      return created.body.id as string;
    },
    async provisionGroup(displayName) {
      await send('GET', `/Groups?excludedAttributes=members&${filter(`displayName eq "${displayName}"`)}`);
      const created = await send('POST', '/Groups', { schemas: [SCHEMA_GROUP, SCHEMA_MICROSOFT_ADSCIM_GROUP], externalId: randomUUID(), displayName });
      expectStatus(created, 201, `create group ${displayName}`);
      return created.body.id as string;
    },
    addMembers: (groupId, userIds) =>
      send('PATCH', `/Groups/${groupId}`, {
        schemas: [MESSAGE_PATCH_OP],
        Operations: [{ op: 'Add', path: 'members', value: userIds.map((value) => ({ $ref: null, value })) }],
      }),
    patchUser: (id, ...operations) => send('PATCH', `/Users/${id}`, { schemas: [MESSAGE_PATCH_OP], Operations: operations }),
    readUser: (id) => send('GET', `/Users/${id}`),
    deleteUser: (id) => send('DELETE', `/Users/${id}`),
    stop: () => t.stop(),
  };
  return replay;
}
