/**
 * Failures after a rehearsal: Entra's failures and those of a simulated cycle run into a fault rule are told apart.
 * The app's groups carry Live's Simulator chip, and the "Sent by" control shows Entra's alone or the app's alone,
 * keeps the choice in the address, and carries it into the export the screen starts. A group the app sent alone says
 * plainly that Entra never sent it, and what Entra would record if it did.
 */

import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { elementShot } from './support/element-shot.js';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test } from './support/fixtures.js';
import type { ServedMonitor } from './support/serve.js';

const groupRows = (page: Page) => page.getByRole('table', { name: 'Failure groups' }).locator('tbody tr');
const senders = (page: Page) => page.getByRole('group', { name: 'Sent by' });
const ENTRA_GROUPS = ['Create user → 409 uniqueness', 'Create user → 400 invalidValue'];

/** Two failures of Entra's, then a simulated cycle whose every create is answered 500 by a fault rule. */
async function rehearse(served: ServedMonitor): Promise<void> {
  const { secret } = served.monitor.tokens.create({ label: 'Entra ID', days: 30 });
  const entra = entraClient(served.scimUrl, secret);
  expect((await entra.createUser('alice@contoso.com')).status).toBe(201);
  expect((await entra.createUser('alice@contoso.com')).status).toBe(409);
  expect((await entra.send('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'erin@contoso.com', active: 'maybe' })).status).toBe(400);
  served.app.faults.set([{ name: 'rehearsal-500', match: { operation: 'create' }, respond: { status: 500 } }]);
  const { jobId } = await served.app.api['simulate.start']({ users: 3, groups: 1, dialect: 'default', cycles: 1 });
  await expect.poll(async () => (await served.app.api['simulate.get']({ jobId })).job?.state, { timeout: 30_000 }).toBe('done');
  served.app.faults.clear();
}

test('the Sent by control shows Entra’s failures or the app’s, and the export follows it @P0', async ({ app, served }) => {
  await rehearse(served);
  await openScreen(app, 'Failures');
  await expect(senders(app).getByRole('button', { name: 'All', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // All senders: Entra's groups without a chip, the rehearsal's 500s with Live's Simulator chip.
  const simulated = groupRows(app).filter({ hasText: 'Create user → 500' });
  await expect(simulated.locator('.chip-source-simulator')).toBeVisible();
  const all = await groupRows(app).count();
  expect(all).toBeGreaterThan(ENTRA_GROUPS.length);
  for (const title of ENTRA_GROUPS) await expect(groupRows(app).filter({ hasText: title }).locator('.chip-source')).toHaveCount(0);
  await screenshot(app, 'failures-senders', { full: true });

  // Entra: only its two groups, no chips; the choice is in the address.
  await senders(app).getByRole('button', { name: 'Entra' }).click();
  await expect(groupRows(app)).toHaveCount(ENTRA_GROUPS.length);
  for (const title of ENTRA_GROUPS) await expect(groupRows(app).filter({ hasText: title })).toHaveCount(1);
  await expect(groupRows(app).locator('.chip-source')).toHaveCount(0);
  await expect(app.getByText('2 groups · 2 failed requests · 2 unresolved')).toBeVisible();
  expect(app.url()).toContain('sender=entra');
  await screenshot(app, 'failures-sender-entra');

  // App: the rehearsal alone, every group marked.
  await senders(app).getByRole('button', { name: 'App' }).click();
  await expect(groupRows(app)).toHaveCount(all - ENTRA_GROUPS.length);
  await expect(groupRows(app).filter({ hasText: 'Create user → 409 uniqueness' })).toHaveCount(0);
  await expect(groupRows(app).filter({ hasNot: app.locator('.chip-source-simulator') })).toHaveCount(0);
  expect(app.url()).toContain('sender=app');

  // A group of the app's says who sent it, and its affected requests carry the chip.
  await simulated.getByRole('link', { name: 'Create user → 500' }).click();
  await expect(app.locator('[data-screen="failures"][data-app-state="ready"]')).toBeVisible();
  await expect(app.getByRole('region', { name: 'At a glance' }).locator('.field-row').filter({ hasText: 'Sent by' })).toContainText(/^Sent bySimulator \d+$/);
  const affected = app.getByRole('table', { name: 'Affected requests' }).locator('tbody tr');
  await expect(affected.first()).toBeVisible();
  await expect(affected.filter({ hasNot: app.locator('.chip-source-simulator') })).toHaveCount(0);
  // Entra never saw these requests: its card says so first, and labels the rest as what Entra would record.
  const record = app.getByRole('region', { name: 'What Entra would record' });
  await expect(app.getByRole('region', { name: 'What Entra will record' })).toHaveCount(0);
  await expect(record.getByTestId('not-from-entra')).toHaveText(
    /^Entra did not send these requests: they came from the in-app simulator \(Connect → Run a simulated cycle\), so Entra's provisioning logs will not show them/,
  );
  await expect(record).toContainText('Retry behaviour, had Entra sent it');
  await expect(record).toContainText('Entra will not retry requests it never sent');
  await expect(record).toContainText('What Entra would log for the latest occurrence, had Entra sent it (it came from the simulator)');
  await expect(record.getByLabel("Entra's log message", { exact: true })).toContainText('StatusCode: InternalServerError');
  await expect(app.getByRole('region', { name: 'What our listener did and why' })).toContainText('The answer the simulator received');
  await elementShot(app, record, 'failures-sender-app-record');
  await screenshot(app, 'failures-sender-app-detail', { full: true });
  await app.getByRole('link', { name: '← All failures' }).click();
  await expect(senders(app).getByRole('button', { name: 'App' })).toHaveAttribute('aria-pressed', 'true');

  // The export started with Entra chosen holds Entra's failures alone.
  await senders(app).getByRole('button', { name: 'Entra' }).click();
  await expect(groupRows(app)).toHaveCount(ENTRA_GROUPS.length);
  await app.getByRole('button', { name: 'Export failure report…' }).click();
  const form = app.getByRole('form', { name: 'Export failure report' });
  await expect(form).toContainText('Filters applied: sent by Entra');
  await form.getByRole('checkbox', { name: /CSV trio/ }).uncheck();
  await form.getByRole('checkbox', { name: /HTML report/ }).uncheck();
  await form.getByRole('checkbox', { name: /NDJSON/ }).check();
  await form.getByRole('button', { name: 'Start export' }).click();
  const file = app.getByRole('list', { name: 'Export files' }).locator('li[data-format="ndjson"]');
  await expect(file).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const download = app.waitForEvent('download');
  await file.getByRole('link').first().click();
  const lines = readFileSync(await (await download).path(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { source: string; response: { status: number } });
  expect(lines.map((line) => [line.source, line.response.status])).toEqual([['entra', 409], ['entra', 400]]);
});
