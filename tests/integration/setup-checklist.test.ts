/**
 * Connect's setup checklist counts only Entra's traffic (issue 8): a simulated run, even one whose probe a 401 rule
 * refused, ticks neither "Test Connection" nor "Provisioning Status On", nor fails them. The checklist's own queries
 * (renderer/screens/connect/setup-queries.ts) run here over the MonitorApi of the full app, and its rules
 * (setup-steps.ts) judge what they return, as the Connect screen does.
 */

import { afterEach, describe, expect, it } from 'vitest';
import type { LogRow } from '../../shared/api/log-types.js';
import { SETUP_CYCLES, SETUP_QUERIES } from '../../renderer/screens/connect/setup-queries.js';
import { setupSteps, type SetupStep } from '../../renderer/screens/connect/setup-steps.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { runSimulation } from '../support/simulation.js';

const user = (userName: string) => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, active: true });
const PROBE = '/Users?filter=userName+eq+%2212345678-90ab-4cde-8f01-234567890abc%22';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close({ remove: true });
  t = undefined;
});

/** The checklist as Connect would show it now: its evidence queries, then its rules. */
async function checklist(app: TestApp): Promise<Record<SetupStep['key'], SetupStep>> {
  const rows = async (query: object): Promise<LogRow[]> => {
    const page = await app.api('logs.list', query);
    if (!page.ok) throw new Error(page.error.message);
    return page.value.rows;
  };
  const first = async (query: object): Promise<LogRow | null> => (await rows(query))[0] ?? null;
  const steps = setupSteps(
    {
      loaded: true,
      okProbe: await first(SETUP_QUERIES.okProbe),
      okAny: await first(SETUP_QUERIES.okAny),
      last401: await first(SETUP_QUERIES.auth),
      last401Detail: null,
      last404: await first(SETUP_QUERIES.notFound),
      discovery: await first(SETUP_QUERIES.discovery),
      cycles: (await app.api('cycles.list', SETUP_CYCLES)).value,
      scope: (await app.api('scope.get')).value,
      refetchScope: async () => undefined,
    },
    (await app.api('status.get')).value.activeTokens,
  );
  return Object.fromEntries(steps.map((step) => [step.key, step])) as Record<SetupStep['key'], SetupStep>;
}

describe('the setup checklist and the in-app simulator', () => {
  it("ignores simulated runs and ticks on Entra's own Test Connection and cycle", async () => {
    const app = (t = await startTestApp());
    const { secret } = (await app.api('tokens.create', { label: 'Entra ID', days: 30 })).value;

    // A rehearsal of bad credentials, then a clean run: the simulator's probe is refused, then answered 200.
    await app.api('faults.set', { rules: [{ name: 'all-401', match: {}, respond: { status: 401 } }] });
    expect((await runSimulation(app, { users: 3, groups: 1, dialect: 'default', cycles: 1 })).state).toBe('done');
    await app.api('faults.clear');
    const run = await runSimulation(app, { users: 3, groups: 1, dialect: 'default', cycles: 1 });
    expect(run.summary?.failed).toBe(0);

    // Without the sender filter the simulator's probe and cycle would have ticked both steps.
    const simulated = await app.api('logs.list', { operation: ['test-connection'], statusMin: 200, statusMax: 299, limit: 1 });
    expect(simulated.value.rows[0]).toMatchObject({ status: 200, source: 'simulator' });
    expect((await app.api('cycles.list', { limit: 100 })).value.some((c: { requests: number; probes: number }) => c.requests > c.probes)).toBe(true);

    let steps = await checklist(app);
    expect(steps.test.state).toBe('waiting');
    expect(steps.on.state).toBe('waiting');

    // Entra's Test Connection with the admin's token: only that ticks the first step.
    expect((await app.scim('GET', PROBE, secret)).status).toBe(200);
    steps = await checklist(app);
    const probeId = (await app.api('logs.list', { source: ['entra'], limit: 1 })).value.rows[0].id;
    expect(steps.test).toMatchObject({ state: 'done', requestId: probeId });
    expect(steps.on.state).toBe('waiting');

    // Entra's first cycle (provisioning turned on): two users created with the admin's token.
    for (const name of ['alice@contoso.com', 'bob@contoso.com']) expect((await app.scim('POST', '/Users', secret, user(name))).status).toBe(201);
    steps = await checklist(app);
    expect(steps.on.state).toBe('done');
    const entraCycle = (await app.api('logs.list', { source: ['entra'], limit: 1 })).value.rows[0].cycleId;
    expect(steps.on.detail).toContain(`Cycle #${entraCycle} `);
  });
});
