/**
 * Failures: real failed exchanges (a 409, two 400s, 401s) appear as groups with the likely Entra error code; the
 * filters narrow them; a group explains itself (Entra's meaning, fix, log text; our answer and why) and its
 * requests lead to Live; resolution follows a later success; the export produces a downloadable report.
 */

import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test } from './support/fixtures.js';
import type { ServedMonitor } from './support/serve.js';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const groupsTable = (page: Page) => page.getByRole('table', { name: 'Failure groups' });
const groupRow = (page: Page, text: string) => groupsTable(page).locator('tbody tr').filter({ hasText: text });

async function driveFailures(served: ServedMonitor): Promise<void> {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  const stranger = entraClient(served.scimUrl, 'not-the-token');
  expect((await stranger.probe()).status).toBe(401);
  expect((await stranger.probe()).status).toBe(401);
  expect((await entra.probe()).status).toBe(200);
  const alice = await entra.createUser('alice@contoso.com');
  expect(alice.status).toBe(201);
  expect((await entra.createUser('alice@contoso.com')).status).toBe(409);
  expect((await entra.send('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'erin@contoso.com', active: 'maybe' })).status).toBe(400);
  // A PATCH Entra's engine would never send (unknown op): refused with 400, then the same update done right.
  expect((await entra.send('PATCH', `/Users/${alice.body.id}`, { schemas: [PATCH], Operations: [{ op: 'Frobnicate', path: 'title', value: 'Engineer' }] })).status).toBe(400);
  expect((await entra.send('PATCH', `/Users/${alice.body.id}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'title', value: 'Engineer' }] })).status).toBe(200);
}

test('failures are grouped with the likely Entra code; a group explains itself and leads to Live @P0', async ({ app, served }) => {
  await openScreen(app, 'Failures');
  await expect(app.getByRole('heading', { name: "Waiting for Entra's first request" })).toBeVisible();

  await driveFailures(served);
  await expect(groupsTable(app).locator('tbody tr')).toHaveCount(4);
  const conflict = groupRow(app, 'Create user → 409 uniqueness');
  await expect(conflict).toContainText('EntryConflict');
  await expect(conflict.getByRole('link', { name: 'alice@contoso.com' })).toBeVisible();
  await expect(conflict).toContainText('Unresolved');
  await expect(groupRow(app, '401')).toContainText('Unauthorized');
  await expect(groupRow(app, '401').locator('td').nth(2)).toHaveText('2');
  await expect(groupRow(app, 'Create user → 400 invalidValue')).toContainText('SystemForCrossDomainIdentityManagementBadRequest');
  // The bad PATCH was followed by a successful update of the same user: resolved.
  await expect(groupRow(app, 'Update user → 400 invalidSyntax')).toContainText('Resolved');
  await expect(app.getByRole('img', { name: /Failures per hour, last 24 hours: 2 in total/ })).toBeVisible();
  await expect(app.getByText('4 groups · 5 failed requests · 3 unresolved')).toBeVisible();
  await screenshot(app, 'failures', { full: true });
  await app.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app, 'failures-dark', { full: true });
  await app.emulateMedia({ colorScheme: 'light' });

  // Filters live in the address and narrow the list: auth failures only, then unresolved only.
  await app.getByRole('combobox', { name: 'Status' }).selectOption('auth');
  await expect(groupsTable(app).locator('tbody tr')).toHaveCount(1);
  await expect(groupsTable(app)).toContainText('401');
  expect(app.url()).toContain('class=auth');
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await app.getByRole('checkbox', { name: 'Unresolved only' }).check();
  await expect(groupsTable(app).locator('tbody tr')).toHaveCount(3);
  await app.getByRole('searchbox', { name: 'Identity (starts with)' }).fill('nobody');
  await expect(app.getByRole('heading', { name: 'No failures match these filters' })).toBeVisible();
  await app.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(groupsTable(app).locator('tbody tr')).toHaveCount(4);

  // The 409 group: Entra's view, our view, the affected request, and on to Live.
  await groupRow(app, 'Create user → 409 uniqueness').getByRole('link', { name: 'Create user → 409 uniqueness' }).click();
  await expect(app.locator('[data-screen="failures"][data-app-state="ready"]')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Create user → 409 uniqueness' })).toBeVisible();
  const entraCard = app.getByRole('region', { name: 'What Entra will record' });
  await expect(entraCard).toContainText('EntryConflict');
  await expect(entraCard).toContainText('Correct the conflicting attribute value');
  await expect(entraCard).toContainText('retried on later cycles');
  await expect(entraCard.getByLabel("Entra's log message", { exact: true })).toContainText('StatusCode: Conflict');
  await expect(entraCard.getByLabel("Entra's log message", { exact: true })).toContainText('"scimType":"uniqueness"');
  const ours = app.getByRole('region', { name: 'What our listener did and why' });
  await expect(ours).toContainText('409');
  await expect(ours).toContainText('scimType uniqueness');
  await expect(ours).toContainText('alice@contoso.com');
  await expect(ours).toContainText('Another object already holds this unique value');
  const affected = app.getByRole('table', { name: 'Affected requests' });
  await expect(affected.locator('tbody tr')).toHaveCount(1);
  await screenshot(app, 'failures-detail', { full: true });

  await affected.getByRole('link', { name: /Open request \d+ in Live/ }).click();
  await expect(app.locator('[data-screen="live"][data-app-state="ready"]')).toBeVisible();
  const pane = app.getByRole('complementary', { name: 'Request detail' });
  await expect(pane.getByRole('heading', { level: 2 })).toContainText('Create user');
  await expect(pane.getByRole('region', { name: 'What Entra will record' })).toContainText('EntryConflict');
  await app.goBack();
  await expect(app.getByRole('heading', { level: 1, name: 'Create user → 409 uniqueness' })).toBeVisible();
  await app.getByRole('link', { name: '← All failures' }).click();
  await expect(groupsTable(app)).toBeVisible();
});

test('a new monitor teaches what Failures will show; a clean run says so', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  expect((await entraClient(served.scimUrl, secret).createUser('bob@contoso.com')).status).toBe(201);
  await openScreen(app, 'Failures');
  await expect(app.getByRole('heading', { name: 'No failures yet' })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Watch requests in Live' })).toBeVisible();
});

test('export the failure report with the current filters; download the files', async ({ app, served }) => {
  test.skip(!('exports.start' in served.app.api), 'the exports.* methods are not in the MonitorApi yet');
  await driveFailures(served);
  await openScreen(app, 'Failures');
  await expect(groupsTable(app).locator('tbody tr')).toHaveCount(4);
  await app.getByRole('button', { name: 'Export failure report…' }).click();
  const form = app.getByRole('form', { name: 'Export failure report' });
  await expect(form.getByRole('radio', { name: 'Failures only' })).toBeChecked();
  await form.getByRole('checkbox', { name: /NDJSON/ }).check();
  await form.getByRole('button', { name: 'Start export' }).click();
  const results = app.getByRole('list', { name: 'Export files' });
  await expect(results.locator('li[data-format="csv"]')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(results.locator('li[data-format="html"]')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(results.locator('li[data-format="ndjson"]')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(app.getByRole('progressbar', { name: 'Export finished' })).toBeVisible();
  await expect(results.locator('li[data-format="csv"]').getByRole('link')).toHaveCount(3);
  await screenshot(app, 'failures-export', { full: true });

  const download = app.waitForEvent('download');
  await results.locator('li[data-format="ndjson"]').getByRole('link').first().click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines.length).toBe(5);
  const text = lines.join('\n');
  expect(text).toContain('EntryConflict');
  expect(text).not.toContain('not-the-token');
});
