/**
 * The in-app simulator through the MonitorApi (issue 8, Connect's "Run a simulated cycle"): it provisions into this
 * monitor's own listener over HTTP with its internal token, publishes progress and ends with a summary in Entra's
 * words; one run at a time; with a 429 rule set in Settings it waits out Retry-After and still succeeds (§4).
 */

import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulationJob } from '../../shared/api/simulate-types.js';
import type { SseClient } from '../support/admin.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  if (t) rmSync(t.dataDir, { recursive: true, force: true });
  t = undefined;
});

/** Reads `simulate-progress` events of one job until it ends; returns them all. */
async function untilFinished(events: SseClient, jobId: string): Promise<SimulationJob[]> {
  const seen: SimulationJob[] = [];
  for (;;) {
    const job = JSON.parse((await events.next('simulate-progress', 30_000)).data).job as SimulationJob;
    if (job.jobId !== jobId) continue;
    seen.push(job);
    if (job.state !== 'running') return seen;
  }
}

describe('simulate.* over the MonitorApi', () => {
  it('provisions N users and G groups into the directory, with progress events and a summary', async () => {
    t = await startTestApp();
    const events = await t.events();
    try {
      const started = await t.api('simulate.start', { users: 6, groups: 2, dialect: 'default', cycles: 1 });
      expect(started.ok).toBe(true);
      const seen = await untilFinished(events, started.value.jobId);
      const last = seen.at(-1)!;
      expect(seen[0]).toMatchObject({ state: 'running', options: { users: 6, groups: 2, dialect: 'default', cycles: 1, seed: '1' }, tokenLabel: 'Simulator (in-app)' });
      expect(last.state).toBe('done');
      expect(last.progress).toMatchObject({ done: last.progress.total, total: 1 + 2 * 6 + 2, failed: 0 });
      // Progress never goes backwards.
      const dones = seen.map((job) => job.progress.done);
      expect([...dones].sort((a, b) => a - b)).toEqual(dones);

      const summary = last.summary!;
      expect(summary.failed).toBe(0);
      expect(summary.passed).toBe(last.progress.passed);
      expect(summary.byAction.find((a) => a.action === 'Create')).toMatchObject({ success: 8, failure: 0 });
      expect(summary.byStatus.find((s) => s.status === 201)).toEqual({ status: 201, count: 8 });
      expect(summary.lines.at(-1)).toBe(`${summary.passed} passed, 0 failed`);
      expect((await t.api('simulate.get', { jobId: started.value.jobId })).value.job).toMatchObject({ state: 'done', summary: { failed: 0 } });
      expect((await t.api('simulate.get')).value.job.jobId).toBe(started.value.jobId);
    } finally {
      events.close();
    }

    expect((await t.api('directory.users', { limit: 100 })).value.total).toBe(6);
    const groups = (await t.api('directory.groups', { limit: 100 })).value;
    expect(groups.total).toBe(2);
    expect(groups.items.every((g: any) => g.members > 0)).toBe(true);

    // The requests went through the listener like Entra's, authenticated by the run's internal token.
    const rows = t.app.monitor.log.latest(1000);
    expect(rows.length).toBe((await t.api('simulate.get')).value.job.summary.requests);
    const labels = t.app.monitor.db.prepare('SELECT DISTINCT t.label FROM requests r JOIN tokens t ON t.id = r.token_id').all();
    expect(labels).toEqual([{ label: 'Simulator (in-app)' }]);
    // The internal token is not one the admin could hand to Entra.
    expect((await t.api('tokens.list')).value).toEqual([]);
    expect((await t.api('status.get')).value.activeTokens).toBe(0);
  });

  it('refuses a second run while one is going, and cancels on request', async () => {
    t = await startTestApp();
    // Each match is held back, so the first run is certainly still going when the second start and the cancel arrive.
    await t.api('faults.set', { rules: [{ name: 'slow-matches', match: { operation: 'match' }, latencyMs: 2_000 }] });
    const first = await t.api('simulate.start', { users: 20, groups: 1, dialect: 'aadOptscim062020', cycles: 1 });
    expect(first.ok).toBe(true);
    const second = await t.api('simulate.start', { users: 1, groups: 0, dialect: 'default', cycles: 1 });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(second.error.message).toContain('already going');

    const cancelled = await t.api('simulate.cancel', { jobId: first.value.jobId });
    expect(cancelled.value).toEqual({ cancelled: true });
    const job = (await t.api('simulate.get', { jobId: first.value.jobId })).value.job as SimulationJob;
    expect(job.state).toBe('cancelled');
    expect(job.summary?.lines.at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
    expect(job.progress.done).toBeLessThan(job.progress.total);

    // Once it has stopped, a new run may start.
    await t.api('faults.clear');
    const third = await t.api('simulate.start', { users: 1, groups: 0, dialect: 'default', cycles: 1 });
    expect(third.ok).toBe(true);
  });

  it('with a 429 rule set through faults.set, waits out Retry-After and still succeeds', async () => {
    t = await startTestApp();
    await t.api('faults.set', { rules: [{ name: 'throttle', match: { operation: 'create' }, count: 3, respond: { status: 429, retryAfter: 0 } }] });
    const events = await t.events();
    let last: SimulationJob;
    try {
      const started = await t.api('simulate.start', { users: 4, groups: 1, dialect: 'default', cycles: 2, seed: 'throttled' });
      last = (await untilFinished(events, started.value.jobId)).at(-1)!;
    } finally {
      events.close();
    }
    expect(last.state).toBe('done');
    expect(last.summary!.failed).toBe(0);
    expect(last.summary!.byStatus.find((s) => s.status === 429)).toEqual({ status: 429, count: 3 });
    const faults = (await t.api('faults.get')).value;
    expect(faults.rules[0]).toMatchObject({ applied: 3, exhausted: true });
    const injected = (await t.api('logs.list', { faultOnly: true })).value.rows;
    expect(injected).toHaveLength(3);
    expect(injected.every((row: any) => row.fault === 'throttle' && row.status === 429 && row.errorCode === 'TooManyRequests')).toBe(true);
    expect((await t.api('directory.users', { limit: 100 })).value.total).toBeGreaterThan(0);
  });

  it('refuses out-of-range input before anything runs', async () => {
    t = await startTestApp();
    const refused = await t.api('simulate.start', { users: 100_000, groups: 1, dialect: 'default', cycles: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await t.api('simulate.get')).value.job).toBeNull();
  });
});
