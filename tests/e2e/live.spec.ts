/**
 * Live: real SCIM traffic appears row by row with its meaning; the filter bar narrows it; the detail pane says
 * what Entra will record and what changed; the keyboard drives it; the viewport holds still as rows stream in.
 */

import type { Page } from '@playwright/test';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test } from './support/fixtures.js';

const grid = (page: Page) => page.getByRole('grid', { name: 'Requests, newest first' });
const rows = (page: Page) => grid(page).locator('[data-row-id]');
const row = (page: Page, ...texts: string[]) => texts.reduce((loc, text) => loc.filter({ hasText: text }), rows(page));

async function driveEntraTraffic(scimUrl: string, secret: string): Promise<void> {
  const entra = entraClient(scimUrl, secret);
  expect((await entra.probe()).status).toBe(200);
  expect((await entra.match('alice@contoso.com')).status).toBe(200);
  const alice = await entra.createUser('alice@contoso.com');
  expect(alice.status).toBe(201);
  const bob = await entra.createUser('bob@contoso.com');
  expect(bob.status).toBe(201);
  expect((await entra.createUser('alice@contoso.com')).status).toBe(409);
  expect((await entra.disable(bob.body.id)).status).toBe(200);
  const group = await entra.createGroup('Sales');
  expect(group.status).toBe(201);
  expect((await entra.addMembers(group.body.id, [alice.body.id, bob.body.id])).status).toBe(204);
}

test('requests appear live with their meaning; filter, detail, changes @P0', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  await openScreen(app, 'Live');
  await expect(app.getByRole('heading', { name: "Waiting for Entra's first request" })).toBeVisible();
  await expect(app.getByTestId('waiting-url')).toHaveText(served.scimUrl);
  await screenshot(app, 'live-empty');

  await driveEntraTraffic(served.scimUrl, secret);
  await expect(rows(app)).toHaveCount(8);
  await expect(row(app, 'Test connection')).toContainText('200');
  await expect(row(app, 'Create user', 'bob@contoso.com')).toContainText('Success');
  await expect(row(app, 'Create user', 'alice@contoso.com', '409')).toContainText('Failure');
  await expect(row(app, 'Disable user', 'bob@contoso.com')).toContainText('PATCH');
  await expect(row(app, 'Create group', 'Sales')).toContainText('/Groups');
  await expect(row(app, 'Add members (2)', 'Sales')).toContainText('204');
  await screenshot(app, 'live');

  // Typed filter: only the failure, with a plain-language echo; an unknown key is an error, not a silent no-op.
  const filter = app.getByRole('searchbox', { name: 'Filter requests' });
  await filter.fill('status>=400');
  await filter.press('Enter');
  await expect(app.getByTestId('filter-echo')).toHaveText('Requests answered 400 or above');
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText('409');
  await filter.fill('color:blue');
  await expect(app.getByRole('alert').filter({ hasText: 'Unknown filter "color:"' })).toBeVisible();
  await filter.fill('op:disable user:bob');
  await filter.press('Enter');
  await expect(app.getByTestId('filter-echo')).toHaveText('Disables for bob…');
  await expect(rows(app)).toHaveCount(1);

  // The 409: what Entra will record.
  await filter.fill('status>=400');
  await filter.press('Enter');
  await rows(app).first().click();
  const pane = app.getByRole('complementary', { name: 'Request detail' });
  await expect(pane.getByRole('region', { name: 'What Entra will record' })).toContainText('EntryConflict');
  await expect(pane).toContainText('alice@contoso.com');
  await screenshot(app, 'live-detail-summary');
  await pane.getByRole('tab', { name: 'Response' }).click();
  await expect(pane.getByLabel('Response body')).toContainText('uniqueness');

  // The PATCH disable: op table with Entra's "False", and active true → false in Changes.
  await filter.fill('');
  await filter.press('Enter');
  await expect(rows(app)).toHaveCount(8);
  await row(app, 'Disable user').click();
  await pane.getByRole('tab', { name: 'Request' }).click();
  const ops = pane.getByRole('table', { name: 'PATCH operations' });
  await expect(ops).toContainText('Replace');
  await expect(ops).toContainText('"False"');
  await expect(pane).toContainText('"True"/"False"');
  await expect(pane.getByRole('table', { name: 'Request headers' })).toContainText(/Bearer ••••/);
  await expect(pane).not.toContainText(secret);
  await screenshot(app, 'live-detail-request');
  await pane.getByRole('tab', { name: /Changes/ }).click();
  const changes = pane.getByRole('table', { name: 'Modified properties' });
  await expect(changes.getByRole('row', { name: /active/ })).toContainText('true');
  await expect(changes.getByRole('row', { name: /active/ })).toContainText('false');
  await screenshot(app, 'live-detail-changes');
  await pane.getByRole('tab', { name: 'Raw' }).click();
  await expect(pane.getByLabel('Request', { exact: true })).toContainText('PATCH /scim/v2/Users/');
  await pane.getByRole('tab', { name: 'Summary' }).click();
  // Our own answers are conformant; the hints panel says so rather than staying silent.
  await expect(pane.getByRole('region', { name: 'Conformance hints' })).toContainText('Nothing in this answer that Entra is known to reject');
  await app.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app, 'live-dark');
});

test('keyboard: arrows move, Enter opens, Esc closes; cURL masks the token', async ({ app, served, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  await driveEntraTraffic(served.scimUrl, secret);
  await openScreen(app, 'Live');
  await expect(rows(app)).toHaveCount(8);

  await grid(app).focus();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  const selected = grid(app).locator('[aria-selected="true"]');
  await expect(selected).toContainText('Create group');
  await app.keyboard.press('Enter');
  const pane = app.getByRole('complementary', { name: 'Request detail' });
  await expect(pane.getByRole('heading', { level: 2 })).toContainText('Create group');
  await app.keyboard.press('ArrowUp');
  await expect(pane.getByRole('heading', { level: 2 })).toContainText('Add members');
  expect(app.url()).toMatch(/#\/live\/\d+/);

  await pane.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(pane.getByRole('button', { name: 'Copy as cURL' })).toHaveText('Copied');
  const curl = await app.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain("-H 'Authorization: Bearer <SECRET TOKEN>'");
  expect(curl).toContain('-X PATCH');
  expect(curl).not.toContain(secret);

  await app.keyboard.press('Escape');
  await expect(pane).toHaveCount(0);
});

test('new rows do not move the viewport while you read older ones; Pause holds them', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  for (let i = 0; i < 60; i++) expect((await entra.probe()).status).toBe(200);
  await openScreen(app, 'Live');
  await expect(rows(app)).not.toHaveCount(0);
  const scroller = grid(app).getByRole('rowgroup');
  await scroller.evaluate((el) => (el.scrollTop = 680));
  await expect(app.getByRole('button', { name: 'Follow newest' })).toHaveAttribute('aria-pressed', 'false');
  const before = await scroller.evaluate((el) => el.scrollTop);

  await entra.createUser('carol@contoso.com');
  await expect(app.getByRole('button', { name: /1 new request/ })).toBeVisible();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(before + 34);

  await app.getByRole('button', { name: /1 new request/ }).click();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(rows(app).first()).toContainText('carol@contoso.com');
  // Pause holds new rows back (they are still logged) until Resume.
  await app.getByRole('button', { name: 'Pause' }).click();
  await entra.createUser('dave@contoso.com');
  await expect(app.getByRole('button', { name: 'Resume (1 new)' })).toBeVisible();
  await expect(rows(app).first()).toContainText('carol@contoso.com');
  await app.getByRole('button', { name: 'Resume (1 new)' }).click();
  await expect(rows(app).first()).toContainText('dave@contoso.com');
});

test('every screen renders in the shell', async ({ app }) => {
  await screenshot(app, 'shell-connect-empty');
  for (const name of ['Cycles', 'Failures', 'Health', 'Directory', 'Settings'] as const) {
    await openScreen(app, name);
    await expect(app.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(app.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await screenshot(app, `placeholder-${name.toLowerCase()}`);
  }
});
