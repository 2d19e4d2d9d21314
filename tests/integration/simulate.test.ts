/**
 * The simulator against a real listener: N users and G groups over three cycles in both PATCH dialects, and the
 * listener's directory ends up exactly as the simulated tenant says (entra-behavior.md §5, §3.1).
 */

import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { simulate as simulateCli } from '../../electron/cli/simulate.js';
import { TargetUnreachableError } from '../../electron/simulate/client.js';
import { valueAt } from '../../electron/simulate/paths.js';
import { simulate, type SimulationResult } from '../../electron/simulate/simulator.js';
import type { PatchDialect } from '../../shared/domain/operation.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import { SCHEMA_ENTERPRISE_USER, filterParam } from './scim-helpers.js';

const USERS = 12;
const GROUPS = 3;

async function checkDirectory(t: TestMonitor, result: SimulationResult): Promise<void> {
  const { directory, state } = result;
  const live = directory.users.filter((u) => !u.deleted);
  const all = await t.scim('GET', '/Users?startIndex=1&count=1000');
  expect(all.body.totalResults).toBe(live.length);
  for (const user of directory.users) {
    const reply = await t.scim('GET', `/Users?${filterParam(`userName eq "${String(user.attributes.userName)}"`)}`);
    if (user.deleted) {
      expect(reply.body.totalResults, `${String(user.attributes.userName)} was hard-deleted`).toBe(0);
      continue;
    }
    const resource = reply.body.Resources[0];
    expect(resource.id).toBe(state.users.get(user.index)?.targetId);
    // Every Britive row arrived exactly as the tenant has it, `active` included (disabled users: false).
    for (const [path, value] of Object.entries(user.attributes)) expect(valueAt(resource, path), `${resource.userName} ${path}`).toBe(value);
    const manager = user.manager === null ? undefined : state.users.get(user.manager)?.targetId;
    expect(resource[SCHEMA_ENTERPRISE_USER]?.manager?.value).toBe(manager);
  }
  for (const group of directory.groups) {
    const id = state.groups.get(group.index)?.targetId;
    const reply = await t.scim('GET', `/Groups/${id}`);
    expect(reply.body.displayName).toBe(group.displayName);
    const expected = [...group.members].filter((m) => !directory.users[m]!.deleted).map((m) => state.users.get(m)!.targetId!);
    expect((reply.body.members ?? []).map((m: { value: string }) => m.value).sort()).toEqual(expected.sort());
  }
}

describe.each<PatchDialect>(['default', 'aadOptscim062020'])('simulate, %s dialect', (dialect) => {
  let t: TestMonitor;
  let result: SimulationResult;
  const progress: string[] = [];

  beforeAll(async () => {
    t = await startTestMonitor();
    // The flag dialect is chosen the way an admin does it: in the Tenant URL (entra-behavior.md §1).
    const target = dialect === 'default' ? t.base : `${t.base}?aadOptscim062020`;
    result = await simulate({ target, token: t.secret, users: USERS, groups: GROUPS, cycles: 3, seed: 'integration', progress: (line) => progress.push(line) });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('ends every operation successfully and says so on the last line', () => {
    expect(result.dialect).toBe(dialect);
    expect(result.failed).toBe(0);
    expect(result.summary.at(-1)).toBe(`${result.passed} passed, 0 failed`);
    expect(result.summary.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(result.summary).toContain('Failures: none');
    expect(progress).toHaveLength(3);
    expect(progress[0]).toMatch(/^Cycle 1 \(initial\): \d+ operations, \d+ succeeded, 0 failed/);
    expect(progress[2]).toMatch(/^Cycle 3 \(incremental; tenant changes: 1 updated, 1 disabled, 1 re-enabled, 1 hard-deleted/);
  });

  it('leaves the directory as the simulated tenant: users, attributes, managers, disabled, deleted, members', async () => {
    expect(result.directory.users.filter((u) => u.deleted)).toHaveLength(2);
    expect(result.directory.users.some((u) => u.attributes.active === false)).toBe(true);
    await checkDirectory(t, result);
  });

  it('sent every kind of request Entra sends, in this dialect, and the listener logged each one', () => {
    const rows = t.monitor.log.latest(10_000);
    const sent = [...result.report.requests.values()].reduce((a, b) => a + b, 0);
    // The checks above went through HTTP too; count only the simulator's requests (its User-Agent).
    const simulated = rows.filter((r) => JSON.parse(r.req_headers)['user-agent'] === 'provisioning-monitor-simulate');
    expect(simulated).toHaveLength(sent);
    const operations = new Set(simulated.map((r) => r.operation));
    for (const op of ['test-connection', 'match', 'create', 'read', 'update', 'disable', 'enable', 'delete', 'add-members', 'remove-members']) {
      expect(operations, op).toContain(op);
    }
    // The listener tells the dialect from a PATCH's shape; lowercase ops with a path and a JSON value show neither.
    const patches = simulated.filter((r) => r.method === 'PATCH');
    expect(patches.filter((r) => r.dialect === dialect).length).toBeGreaterThan(0);
    expect(patches.filter((r) => r.dialect !== dialect && r.dialect !== null)).toEqual([]);
    if (dialect === 'default') expect(patches.every((r) => r.dialect === 'default')).toBe(true);
    expect(simulated.every((r) => r.outcome === 'Success')).toBe(true);
  });
});

describe('simulate against a populated target', () => {
  it('matches existing users and groups instead of creating them again', async () => {
    const t = await startTestMonitor();
    try {
      const first = await simulate({ target: t.base, token: t.secret, users: 8, groups: 2, seed: 'rerun' });
      const again = await simulate({ target: t.base, token: t.secret, users: 8, groups: 2, seed: 'rerun' });
      expect([first.failed, again.failed]).toEqual([0, 0]);
      expect(again.report.requests.get('create POST 201')).toBeUndefined();
      const skipped = again.report.operations.filter((op) => op.status === 'Skipped');
      expect(skipped).toHaveLength(10);
      expect(skipped.every((op) => op.action === 'Other' && op.detail?.startsWith('RedundantExport'))).toBe(true);
      expect(again.summary).toContain('Skipped: 10');
      expect(again.summary.filter((line) => /^ {2}RedundantExport: (User ×8|Group ×2) \(/.test(line))).toHaveLength(2);
    } finally {
      await t.stop();
    }
  });
});

describe('provisioning-monitor simulate', () => {
  it('prints progress and the summary through its output function, exit code 0', async () => {
    const t = await startTestMonitor();
    try {
      const lines: string[] = [];
      const code = await simulateCli(['--target', t.base, '--token', t.secret, '--users', '5', '--groups', '2', '--cycles', '2', '--concurrency', '2'], (l) => lines.push(l));
      expect(code).toBe(0);
      expect(lines[0]).toMatch(/^Cycle 1 \(initial\)/);
      expect(lines).toContain('Failures: none');
      expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    } finally {
      await t.stop();
    }
  });

  it('stops with one clear message and exit code 1 when nothing listens at the target', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const target = `http://127.0.0.1:${port}/scim/v2`;
    await expect(simulate({ target, token: 'x'.repeat(20), users: 1, groups: 0 })).rejects.toBeInstanceOf(TargetUnreachableError);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await main(['simulate', '--target', target, '--token', 'x'.repeat(20)])).toBe(1);
      expect(errors.mock.calls).toEqual([[`provisioning-monitor: Cannot reach ${target} (ECONNREFUSED). Is the listener running there (provisioning-monitor serve)?`]]);
    } finally {
      errors.mockRestore();
    }
  });

  it('rejects a bad invocation with exit code 2', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['simulate', '--target', 'http://127.0.0.1:1/scim/v2', '--token', 't', '--dialect', 'rfc'])).toBe(2);
      expect(await main(['simulate', '--token', 't'])).toBe(2);
      expect(await main(['simulate', '--target', 'http://127.0.0.1:1/scim/v2', '--token', 't', '--users=-1'])).toBe(2);
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
        'provisioning-monitor: --dialect must be default or aadOptscim062020, got "rfc".',
        'provisioning-monitor: simulate needs --target, the Tenant URL (e.g. http://127.0.0.1:7643/scim/v2).',
        'provisioning-monitor: --users must be a whole number from 0 to 10000, got "-1".',
      ]);
    } finally {
      errors.mockRestore();
      stderr.mockRestore();
    }
  });
});
