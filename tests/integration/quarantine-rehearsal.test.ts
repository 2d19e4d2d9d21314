/**
 * Issue 8: "with a 401/500 rule the health goes to Quarantine risk". The full app (admin API over HTTP) with a fault
 * rule set through `faults.set`, the in-app simulator provisioning into its own listener (`simulate.start`), and
 * `health.get` judging the result by Entra's quarantine rules (entra-behavior.md §9, provisioning/health-rules.ts):
 * - 401 on everything: the credentials fail, `EncounteredQuarantineException`;
 * - 500 on every write: more than 40 % of a cycle's writes fail, `EncounteredEscrowProportionThreshold`; after
 *   silence well past Entra's cadence the job is likely quarantined, for the same reason;
 * - no rule: cycle after cycle stays Healthy.
 * The monitor's clock is moved, not waited on, to space the cycles 40 minutes apart like Entra's.
 */

import { describe, expect, it } from 'vitest';
import { REASONS } from '../../electron/provisioning/health-rules.js';
import type { Health } from '../../shared/api/provisioning-types.js';
import type { SimulationJob } from '../../shared/api/simulate-types.js';
import type { TestApp } from '../support/app.js';
import { apiValue, clockedApp } from '../support/clocked-app.js';
import { runSimulation } from '../support/simulation.js';

const MINUTE = 60_000;
/** Entra's cadence between incremental cycles (entra-behavior.md §5.2). */
const CADENCE = 40 * MINUTE;
const RUN = { users: 5, groups: 1, dialect: 'default', cycles: 1 } as const;
const ALL_401 = [{ name: 'all-401', match: {}, respond: { status: 401 } }];
const WRITES_500 = ['POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ name: `writes-500-${method.toLowerCase()}`, match: { method }, respond: { status: 500 } }));

const { start, advance } = clockedApp();
const health = (app: TestApp): Promise<Health> => apiValue<Health>(app, 'health.get');

/** One simulated cycle, which must have run to its end. */
async function cycle(app: TestApp): Promise<SimulationJob> {
  const job = await runSimulation(app, RUN);
  expect(job.state).toBe('done');
  return job;
}

describe('fault rules rehearsed with the simulator', () => {
  it("401 on everything: Quarantine risk for failing credentials, cycle after cycle", async () => {
    const app = await start();
    expect(await health(app)).toMatchObject({ state: 'Healthy', reason: null });
    await app.api('faults.set', { rules: ALL_401 });

    const job = await cycle(app);
    // Entra stops a cycle whose Test Connection probe gets 401; so does the simulator.
    expect(job.summary?.failed).toBeGreaterThan(0);
    const rows = (await app.api('logs.list', {})).value.rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { status: number; fault: string; source: string }) => r.status === 401 && r.fault === 'all-401' && r.source === 'simulator')).toBe(true);
    expect(await health(app)).toMatchObject({ state: 'QuarantineRisk', reason: REASONS.credentials, recentAuthFailures: rows.length });
    expect((await app.api('status.get')).value.health).toBe('QuarantineRisk');

    // Entra's next cycle, 40 minutes on, refused again: still at risk, with every 401 since the last success counted.
    advance(CADENCE);
    await cycle(app);
    const again = await health(app);
    expect(again).toMatchObject({ state: 'QuarantineRisk', reason: REASONS.credentials });
    expect(again.recentAuthFailures).toBeGreaterThan(rows.length);
    expect(again.message).toContain('EncounteredQuarantineException');
  });

  it('500 on every write: Quarantine risk over the 40 % failure share, then likely quarantined after silence', async () => {
    const app = await start();
    await app.api('faults.set', { rules: WRITES_500 });

    const first = await cycle(app);
    expect(first.summary?.byStatus.find((s) => s.status === 500)?.count).toBeGreaterThan(0);
    let judged = await health(app);
    expect(judged).toMatchObject({ state: 'QuarantineRisk', reason: REASONS.escrow, lastCycleFailureShare: 1, recentAuthFailures: 0 });
    expect(judged.message).toContain('over the 40 % share');
    // Nothing was written: the injected answers never touch the directory.
    expect((await app.api('directory.users', { limit: 10 })).value.total).toBe(0);

    // Entra retries the escrowed writes in its next cycle, which fails the same way.
    advance(CADENCE);
    await cycle(app);
    judged = await health(app);
    expect(judged).toMatchObject({ state: 'QuarantineRisk', reason: REASONS.escrow, consecutiveFailedCycles: 2 });
    const inferred = (await app.api('cycles.list', { limit: 10 })).value;
    expect(inferred.filter((c: { kind: string }) => c.kind !== 'test-connection')).toHaveLength(2);

    // No request for more than 1.5 × the cadence after the risk: Entra has most likely quarantined the job.
    advance(1.5 * CADENCE + MINUTE);
    expect(await health(app)).toMatchObject({ state: 'LikelyQuarantined', reason: REASONS.escrow });
  });

  it('without a rule: two simulated cycles 40 minutes apart, and the silence after them, stay Healthy', async () => {
    const app = await start();
    expect((await cycle(app)).summary?.failed).toBe(0);
    advance(CADENCE);
    expect((await cycle(app)).summary?.failed).toBe(0);
    expect(await health(app)).toMatchObject({ state: 'Healthy', reason: null, recentAuthFailures: 0, consecutiveFailedCycles: 0 });
    // Silence after healthy cycles is just Entra's cadence (or provisioning turned off), not quarantine.
    advance(3 * CADENCE);
    expect(await health(app)).toMatchObject({ state: 'Healthy', reason: null });
    expect((await app.api('health.history', { limit: 10 })).value.map((h: { state: string }) => h.state)).toEqual(['Healthy']);
  });
});
