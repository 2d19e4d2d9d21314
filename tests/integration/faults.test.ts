/**
 * Fault injection end to end: rules in the listener, the simulator reacting as Entra would (entra-behavior.md §4):
 * waiting out 429 + Retry-After, keeping a 5xx in escrow for the next cycle, failing on 401, and riding out latency.
 */

import { describe, expect, it } from 'vitest';
import { createFaultInjector } from '../../electron/faults/injector.js';
import type { FaultRule } from '../../electron/faults/rules.js';
import { applyCycleChanges } from '../../electron/simulate/changes.js';
import { simulate } from '../../electron/simulate/simulator.js';
import { generateDirectory } from '../../electron/simulate/test-data.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import { entraCreateBody, expectScimError, filterParam } from './scim-helpers.js';

const SEED = 'faults';

async function withMonitor(rules: FaultRule[], run: (t: TestMonitor) => Promise<void>): Promise<void> {
  const t = await startTestMonitor({ faults: createFaultInjector(rules) });
  try {
    await run(t);
  } finally {
    await t.stop();
  }
}

/** A user of the seeded tenant that cycle 2's changes leave alone (not disabled, deleted or updated). */
function steadyUser(users: number, groups: number): string {
  const directory = generateDirectory(SEED, users, groups);
  const changes = applyCycleChanges(directory, 2);
  const touched = new Set([...changes.disabled, ...changes.deleted, ...changes.updated]);
  return String(directory.users.find((u) => !touched.has(u.index))!.attributes.userName);
}

describe('fault injection with the simulator', () => {
  it('429 with Retry-After: the simulator waits, retries the same request and succeeds', async () => {
    const userName = String(generateDirectory(SEED, 3, 0).users[1]!.attributes.userName);
    const rule: FaultRule = { name: 'throttle-create', match: { operation: 'create', identity: userName }, count: 2, respond: { status: 429, retryAfter: 1 } };
    await withMonitor([rule], async (t) => {
      const result = await simulate({ target: t.base, token: t.secret, users: 3, groups: 0, seed: SEED });
      const rows = t.monitor.log.latest(1000);
      const throttled = rows.filter((r) => r.status === 429);
      expect(throttled).toHaveLength(2);
      expect(throttled.every((r) => r.fault === 'throttle-create' && r.identity === userName && r.error_code === 'TooManyRequests')).toBe(true);
      expect(JSON.parse(throttled[0]!.res_headers)['Retry-After']).toBe('1');
      const created = rows.filter((r) => r.operation === 'create' && r.identity === userName && r.status === 201);
      expect(created).toHaveLength(1);
      expect(created[0]!.fault).toBeNull();
      expect(result.report.requests.get('create POST 429')).toBe(2);
      expect(result.report.operations.filter((op) => op.identity === userName).map((op) => `${op.kind} ${op.status}`)).toEqual(['create Success', 'manager Success']);
      expect(result.failed).toBe(0);
      expect(result.summary).toContain('Requests: 11 sent (2 answered 429 Too Many Requests)');
      expect(result.summary.at(-1)).toBe(`${result.passed} passed, 0 failed`);
    });
  });

  it('500 on one create: reported with status and SCIM detail, escrowed, and retried successfully in the next cycle', async () => {
    const userName = steadyUser(6, 1);
    const rule: FaultRule = { name: 'create-500', match: { operation: 'create', identity: userName }, count: 1, respond: { status: 500 } };
    await withMonitor([rule], async (t) => {
      const result = await simulate({ target: t.base, token: t.secret, users: 6, groups: 1, cycles: 2, seed: SEED });
      expect(result.failed).toBe(1);
      const failure = result.report.operations.find((op) => op.status === 'Failure')!;
      expect(failure).toMatchObject({ cycle: 1, kind: 'create', action: 'Create', identity: userName, httpStatus: 500, errorCode: 'InternalServerError', detail: 'Injected by fault rule "create-500".' });
      const retried = result.report.operations.find((op) => op.cycle === 2 && op.identity === userName && op.kind === 'create');
      expect(retried).toMatchObject({ status: 'Success', retry: true });
      expect(result.summary).toContain(`  cycle 1  Create  User "${userName}"  HTTP 500 InternalServerError: Injected by fault rule "create-500". → retried in cycle 2: Success`);
      expect(result.summary.at(-1)).toBe(`${result.passed} passed, 1 failed`);
      const rows = t.monitor.log.latest(1000).filter((r) => r.fault === 'create-500');
      expect(rows.map((r) => [r.status, r.outcome, r.error_code, r.identity])).toEqual([[500, 'Failure', 'InternalServerError', userName]]);
      const now = await t.scim('GET', `/Users?${filterParam(`userName eq "${userName}"`)}`);
      expect(now.body.totalResults).toBe(1);
    });
  });

  it('401 on writes: every write fails as Unauthorized and the summary warns about quarantine', async () => {
    const rule: FaultRule = { name: 'expired-token', match: { method: 'POST' }, respond: { status: 401 } };
    await withMonitor([rule], async (t) => {
      const result = await simulate({ target: t.base, token: t.secret, users: 4, groups: 2, seed: SEED });
      expect(result.failed).toBe(6);
      expect(result.report.operations.filter((op) => op.status === 'Failure').every((op) => op.httpStatus === 401 && op.errorCode === 'Unauthorized')).toBe(true);
      expect(result.summary).toContain('  A 401 means invalid or expired credentials: Entra quarantines the job (EncounteredQuarantineException) and backs off to daily retries.');
      const rows = t.monitor.log.latest(1000).filter((r) => r.fault === 'expired-token');
      expect(rows).toHaveLength(6);
      expect(rows.every((r) => r.status === 401 && r.outcome === 'Failure' && r.error_code === 'Unauthorized' && r.operation === 'create')).toBe(true);
      expect(t.monitor.directory.users.list({ where: '1', params: [] }, 0, 10).total).toBe(0);
    });
  });

  it('401 on the Test Connection probe stops the cycle before any object is touched', async () => {
    const rule: FaultRule = { name: 'bad-credentials', match: {}, respond: { status: 401 } };
    await withMonitor([rule], async (t) => {
      const progress: string[] = [];
      const result = await simulate({ target: t.base, token: t.secret, users: 4, groups: 1, cycles: 2, seed: SEED, progress: (l) => progress.push(l) });
      expect(result.report.operations.map((op) => `${op.cycle} ${op.kind} ${op.status} ${op.errorCode}`)).toEqual([
        '1 test-connection Failure Unauthorized',
        '2 test-connection Failure Unauthorized',
      ]);
      expect(progress[1]).toMatch(/^ {2}Cycle 1 stopped: Test Connection got HTTP 401 .*quarantines the job \(EncounteredQuarantineException\)/);
      const rows = t.monitor.log.latest(1000);
      expect(rows.map((r) => [r.operation, r.status, r.outcome, r.error_code, r.fault])).toEqual([
        ['test-connection', 401, 'Failure', 'Unauthorized', 'bad-credentials'],
        ['test-connection', 401, 'Failure', 'Unauthorized', 'bad-credentials'],
      ]);
      expect(result.summary.at(-1)).toBe('0 passed, 2 failed');
    });
  });

  it('409 uniqueness: the SCIM error body as configured, and the log keeps its scimType', async () => {
    const rule: FaultRule = { name: 'taken', match: { operation: 'create' }, respond: { status: 409, scimType: 'uniqueness', detail: 'Name taken.' } };
    await withMonitor([rule], async (t) => {
      const reply = await t.scim('POST', '/Users', entraCreateBody('someone@contoso.com', 'someone'));
      expectScimError(reply, 409, 'uniqueness');
      expect(reply.body.detail).toBe('Name taken.');
      const [row] = t.monitor.log.latest(1);
      expect([row!.status, row!.scim_type, row!.fault, row!.outcome, row!.error_code]).toEqual([409, 'uniqueness', 'taken', 'Failure', 'EntryConflict']);
      expect(t.monitor.directory.users.list({ where: '1', params: [] }, 0, 1).total).toBe(0);
    });
  });

  it('latency: the delayed request still succeeds and the log names the rule', async () => {
    const rule: FaultRule = { name: 'slow-probe', match: { operation: 'test-connection' }, latencyMs: 150 };
    await withMonitor([rule], async (t) => {
      const result = await simulate({ target: t.base, token: t.secret, users: 2, groups: 0, seed: SEED });
      expect(result.failed).toBe(0);
      const probes = t.monitor.log.latest(1000).filter((r) => r.operation === 'test-connection');
      expect(probes.map((r) => [r.status, r.outcome, r.fault])).toEqual([[200, 'Success', 'slow-probe']]);
    });
  });
});
