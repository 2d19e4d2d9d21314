/**
 * The monitor's own traffic (issue 8): requests of a simulated run carry a "Simulator" chip in Live's list and
 * detail, `source:simulator` lists exactly them, and Connect's setup checklist ticks only on Entra's requests.
 */

import type { Page } from '@playwright/test';
import type { SimulationJob } from '../../shared/api/simulate-types.js';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test } from './support/fixtures.js';
import type { ServedMonitor } from './support/serve.js';

const grid = (page: Page) => page.getByRole('grid', { name: 'Requests, newest first' });
const rows = (page: Page) => grid(page).locator('[data-row-id]');
const pane = (page: Page) => page.getByRole('complementary', { name: 'Request detail' });

/** A simulated run through the MonitorApi, as Connect starts it; resolves once it has ended. */
async function simulate(served: ServedMonitor): Promise<SimulationJob> {
  const { jobId } = await served.app.api['simulate.start']({ users: 3, groups: 1, dialect: 'default', cycles: 1 });
  let job: SimulationJob | null = null;
  await expect.poll(async () => (job = (await served.app.api['simulate.get']({ jobId })).job)?.state, { timeout: 30_000 }).toBe('done');
  return job!;
}

test('simulated requests are marked in Live and leave the setup checklist to Entra @P0', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'Entra ID', days: 30 });
  const job = await simulate(served);
  const simulated = job.summary!.requests;

  // A fresh look at Connect: the simulator's 200s and its cycle tick nothing.
  await app.goto(served.openUrl());
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
  await openScreen(app, 'Connect');
  await expect(app.locator('[data-step="test"]')).toHaveAttribute('data-state', 'waiting');
  await expect(app.locator('[data-step="on"]')).toHaveAttribute('data-state', 'waiting');

  // Entra's own Test Connection ticks the step.
  const entra = entraClient(served.scimUrl, secret);
  expect((await entra.probe()).status).toBe(200);
  await expect(app.locator('[data-step="test"]')).toHaveAttribute('data-state', 'done');
  await expect(app.locator('[data-step="test"]')).toContainText('Test Connection probe was answered 200');
  expect((await entra.createUser('alice@contoso.com')).status).toBe(201);

  await openScreen(app, 'Live');
  await expect(rows(app)).toHaveCount(simulated + 2);
  // Every simulated row has the chip; Entra's do not.
  await expect(grid(app).locator('.chip-source-simulator')).toHaveCount(simulated);
  const entraCreate = rows(app).filter({ hasText: 'alice@contoso.com' });
  await expect(entraCreate).toHaveCount(1);
  await expect(entraCreate.locator('.chip-source')).toHaveCount(0);
  await expect(rows(app).filter({ hasText: 'Test connection' }).filter({ hasNot: app.locator('.chip-source') })).toHaveCount(1);

  await screenshot(app, 'live-simulator-list');

  const simulatedCreate = rows(app).filter({ hasText: 'Create user' }).filter({ has: app.locator('.chip-source-simulator') }).first();
  await expect(simulatedCreate).toContainText('Simulator');
  await simulatedCreate.click();
  await expect(pane(app).locator('.detail-badges')).toContainText('Simulator');
  await expect(pane(app).locator('.field-row').filter({ hasText: 'Sent by' })).toContainText("This monitor's simulator (Connect → Run a simulated cycle), not Entra");
  await screenshot(app, 'live-simulator-chip');

  // Only the simulator's requests, said in words.
  const filter = app.getByRole('searchbox', { name: 'Filter requests' });
  await filter.fill('source:simulator');
  await filter.press('Enter');
  await expect(app.getByTestId('filter-echo')).toHaveText('Requests sent by the simulator');
  await expect(rows(app)).toHaveCount(simulated);
  await filter.fill('source:entra');
  await filter.press('Enter');
  await expect(rows(app)).toHaveCount(2);
  await app.emulateMedia({ colorScheme: 'dark' });
  await filter.fill('');
  await filter.press('Enter');
  await expect(rows(app)).toHaveCount(simulated + 2);
  await screenshot(app, 'live-simulator-chip-dark');
  await app.emulateMedia({ colorScheme: 'light' });
});
