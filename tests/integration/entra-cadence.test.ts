/**
 * "Next cycle expected" follows Entra's own cycles (entra-behavior.md §5.2), never the app's rehearsals: the full
 * app (admin API over HTTP), the in-app simulator provisioning into its own listener (`simulate.start`), and
 * Entra's traffic sent with a token the admin created. A simulated cycle is still a cycle (health and progress
 * count it), but 40 minutes after it Entra owes nothing, so `status.get` and `cycles.overview` announce no cycle
 * and nothing becomes overdue; Entra's cycle sets the cadence, and a simulation after it does not move it.
 * The monitor's clock is moved, not waited on.
 */

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../shared/api/admin-types.js';
import type { CycleOverview } from '../../shared/api/provisioning-types.js';
import type { TestApp } from '../support/app.js';
import { apiValue, clockedApp } from '../support/clocked-app.js';
import { runSimulation } from '../support/simulation.js';
import { SCHEMA_USER } from './scim-helpers.js';

const MINUTE = 60_000;
const CADENCE = 40 * MINUTE;
const RUN = { users: 3, groups: 1, dialect: 'default', cycles: 1 } as const;

const { start, advance } = clockedApp();

const status = (app: TestApp) => apiValue<Status>(app, 'status.get');
const overview = (app: TestApp) => apiValue<CycleOverview>(app, 'cycles.overview');

async function simulate(app: TestApp): Promise<void> {
  expect((await runSimulation(app, RUN)).state).toBe('done');
}

/** Entra's side: a token the admin made for it, and its requests with that token. */
async function entraSecret(app: TestApp): Promise<string> {
  return (await apiValue<{ secret: string }>(app, 'tokens.create', { label: 'Entra ID', days: 30 })).secret;
}
const entraProbe = (app: TestApp, secret: string) => app.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`, secret);

describe('the next cycle expected, with the simulator in play', () => {
  it('is not set by a simulated cycle, even one that followed Entra’s Test Connection', async () => {
    const app = await start();
    // Entra's Test Connection, then the admin rehearses at once: the simulator's traffic joins the probe's cycle.
    expect((await entraProbe(app, await entraSecret(app))).status).toBe(200);
    await simulate(app);
    const after = await overview(app);
    // It is a cycle with work all the same (health and progress count it).
    expect(after.current!.requests).toBeGreaterThan(after.current!.probes);
    expect(after).toMatchObject({ nextExpectedAt: null, overdue: false, backoffNote: null });
    expect((await status(app)).nextCycleExpectedAt).toBeNull();

    // Hours later, still nothing is due: Entra never scheduled a cycle after the simulator's.
    advance(3 * CADENCE);
    expect(await overview(app)).toMatchObject({ nextExpectedAt: null, overdue: false });
    expect((await status(app)).nextCycleExpectedAt).toBeNull();
  });

  it('is set by Entra’s cycle, not moved by a simulation after it, and goes overdue on Entra’s cadence alone', async () => {
    const app = await start();
    const secret = await entraSecret(app);
    expect((await entraProbe(app, secret)).status).toBe(200);
    expect((await app.scim('POST', '/Users', secret, { schemas: [SCHEMA_USER], userName: 'alice@contoso.com', active: true })).status).toBe(201);
    const entraCycle = (await overview(app)).current!;
    const due = entraCycle.started + CADENCE;
    expect((await status(app)).nextCycleExpectedAt).toBe(due);
    expect(await overview(app)).toMatchObject({ nextExpectedAt: due, overdue: false });

    // A rehearsal 20 minutes later makes a cycle of its own, which does not move Entra's next one.
    advance(20 * MINUTE);
    await simulate(app);
    const rehearsal = await overview(app);
    expect(rehearsal.current!.id).toBeGreaterThan(entraCycle.id);
    expect(rehearsal).toMatchObject({ nextExpectedAt: due, overdue: false });
    expect((await status(app)).nextCycleExpectedAt).toBe(due);

    // An hour after Entra's cycle, it is overdue (its due time plus the 10-minute grace has passed); counted from the
    // rehearsal, 40 minutes ago, it would not be.
    advance(40 * MINUTE);
    expect(await overview(app)).toMatchObject({ nextExpectedAt: due, overdue: true });
  });
});
