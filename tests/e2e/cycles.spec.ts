/**
 * Cycles: real SCIM traffic in two cycles 40 minutes apart (the monitor's clock is moved, not waited for): the
 * list shows both with their inferred kinds and counts, the header counts the expected users, the timeline draws
 * bars and bands, and a cycle's detail rebuilds Entra's steps per identity with links into Live.
 */

import type { Page } from '@playwright/test';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test, type MonitorClock } from './support/fixtures.js';
import type { ServedMonitor } from './support/serve.js';

const MINUTE = 60_000;
const EXPECTED = ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com', 'dave@contoso.com', 'erin@contoso.com'];

const cycleTable = (page: Page) => page.getByRole('table', { name: 'Inferred cycles, newest first' });
const cycleRow = (page: Page, id: number) => cycleTable(page).locator(`tr[data-cycle-id="${id}"]`);

/** Test Connection 45 min ago, the initial cycle 40 min ago, an incremental one now (Entra's ~40-minute cadence). */
async function driveTwoCycles(served: ServedMonitor, clock: MonitorClock) {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  await served.app.api['scope.set']({ entries: EXPECTED.map((value) => ({ value, kind: 'user' as const })) });

  clock.set(-45 * MINUTE);
  expect((await entra.probe()).status).toBe(200);

  clock.set(-40 * MINUTE);
  const ids: Record<string, string> = {};
  for (const name of ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com']) {
    expect((await entra.match(name)).status).toBe(200);
    const created = await entra.createUser(name);
    expect(created.status).toBe(201);
    ids[name] = created.body.id;
  }
  const group = await entra.createGroup('Sales');
  expect((await entra.addMembers(group.body.id, [ids['alice@contoso.com']!, ids['bob@contoso.com']!])).status).toBe(204);

  clock.set(0);
  expect((await entra.match('dave@contoso.com')).status).toBe(200);
  expect((await entra.createUser('dave@contoso.com')).status).toBe(201);
  const rename = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'displayName', value: 'Alice Anders' }] };
  expect((await entra.send('PATCH', `/Users/${ids['alice@contoso.com']}`, rename)).status).toBe(200);
  expect((await entra.disable(ids['bob@contoso.com']!)).status).toBe(200);
  expect((await entra.match('carol@contoso.com')).status).toBe(200);
  // Entra lost its link to Sales and creates it again: 409, which Entra records as EntryConflict.
  expect((await entra.createGroup('Sales')).status).toBe(409);
  return entra;
}

test('two cycles 40 minutes apart: kinds, counts, progress in expected users, timeline @P0', async ({ app, served, clock }) => {
  const entra = await driveTwoCycles(served, clock);
  await openScreen(app, 'Cycles');

  await expect(cycleTable(app).locator('tbody tr')).toHaveCount(3);
  await expect(cycleRow(app, 1)).toContainText('Test connection');
  await expect(cycleRow(app, 2)).toContainText('Initial');
  await expect(cycleRow(app, 2)).toContainText('Create 4');
  await expect(cycleRow(app, 2)).toContainText('Update 1');
  await expect(cycleRow(app, 3)).toContainText('Incremental');
  await expect(cycleRow(app, 3)).toContainText('Running');
  await expect(cycleRow(app, 3)).toContainText('Create 2');
  await expect(cycleRow(app, 3)).toContainText('Disable 1');
  await expect(app.locator('#cycle-list')).toContainText('5 identities expected');

  const header = app.getByRole('region', { name: /Current cycle/ });
  await expect(header.getByTestId('cycle-progress')).toHaveText('4 of 5 expected users processed so far; erin@contoso.com pending');
  await expect(header.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '4');
  await expect(header).toContainText('Entra runs incremental cycles roughly every 20–40 min');
  await expect(header).toContainText('Provision on demand');

  const timeline = app.getByRole('figure', { name: /Requests per minute/ });
  await expect(timeline.locator('.recharts-reference-area')).toHaveCount(3);
  await expect(timeline.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(timeline).toContainText('Initial cycle');
  // The status strip refetches at most every 5 s: wait for its next-cycle estimate before the screenshot.
  await expect(app.getByRole('banner', { name: 'Monitor status' })).toContainText(/in (39|40) min/);
  await screenshot(app, 'cycles', { full: true });
  await app.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app, 'cycles-dark');
  await app.emulateMedia({ colorScheme: 'light' });

  // Erin arrives in the running cycle: the header and the row move with the events, and nothing below them jumps.
  const listTop = await app.locator('#cycle-list').evaluate((el) => el.getBoundingClientRect().top);
  expect((await entra.match('erin@contoso.com')).status).toBe(200);
  expect((await entra.createUser('erin@contoso.com')).status).toBe(201);
  await expect(header.getByTestId('cycle-progress')).toHaveText('5 of 5 expected users processed so far; all done');
  await expect(cycleRow(app, 3)).toContainText('Create 3');
  expect(await app.locator('#cycle-list').evaluate((el) => el.getBoundingClientRect().top)).toBe(listTop);

  // The zoom presets are buttons; "Latest cycle" narrows the brush around cycle #3.
  const slideWidth = () => timeline.locator('.recharts-brush-slide').evaluate((el) => Number(el.getAttribute('width')));
  await expect(app.getByRole('button', { name: 'All activity' })).toHaveAttribute('aria-pressed', 'true');
  await app.getByRole('button', { name: '2 hours' }).click();
  const full = await slideWidth();
  await app.getByRole('button', { name: 'Latest cycle' }).click();
  await expect(app.getByRole('button', { name: 'Latest cycle' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(slideWidth).toBeLessThan(full / 4);
  await app.getByRole('button', { name: '2 hours' }).click();
  await expect.poll(slideWidth).toBe(full);
});

test('a cycle detail rebuilds Entra steps per identity, with links into Live @P0', async ({ app, served, clock }) => {
  await driveTwoCycles(served, clock);
  await openScreen(app, 'Cycles');
  // Keyboard: the cycle number is a link.
  await cycleRow(app, 3).getByRole('link', { name: /Cycle 3/ }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: /Cycle #3/ })).toBeVisible();
  expect(app.url()).toMatch(/#\/cycles\/3$/);
  await expect(app.locator('[data-screen="cycles"][data-app-state="ready"]')).toBeVisible();

  const steps = app.getByRole('table', { name: 'Identities in cycle 3' });
  const step = (identity: string) => steps.locator(`tr[data-identity="${identity}"]`);
  await expect(steps.locator('tbody tr')).toHaveCount(5);
  await expect(step('dave@contoso.com')).toContainText('No match');
  await expect(step('dave@contoso.com')).toContainText('Create');
  await expect(step('dave@contoso.com')).toContainText('Success');
  await expect(step('alice@contoso.com')).toContainText('Not queried');
  await expect(step('alice@contoso.com')).toContainText('Update');
  await expect(step('bob@contoso.com')).toContainText('Disable');
  await expect(step('carol@contoso.com')).toContainText('1 match');
  await expect(step('carol@contoso.com')).toContainText('Skipped (no change)');
  await expect(app.getByRole('group', { name: 'Skipped' })).toContainText('1');
  await expect(step('Sales')).toContainText('Group');
  await expect(step('Sales')).toContainText('Create');
  await expect(step('Sales')).toContainText('Failure');
  await expect(step('Sales')).toContainText('EntryConflict');
  await expect(app.getByRole('group', { name: 'Failed' })).toContainText('1');
  await expect(app.getByRole('banner', { name: 'Monitor status' })).toContainText(/in (39|40) min/);
  await screenshot(app, 'cycles-detail', { full: true });

  // Each request is a link into Live, which opens it.
  await step('dave@contoso.com').getByRole('link').first().click();
  await expect(app).toHaveURL(/#\/live\/\d+$/);
  const pane = app.getByRole('complementary', { name: 'Request detail' });
  await expect(pane).toContainText('dave@contoso.com');

  await app.goBack();
  await expect(steps).toBeVisible();
  await app.getByRole('link', { name: '← All cycles' }).click();
  await expect(cycleTable(app)).toBeVisible();
});

test('no traffic yet: the cycles screen teaches what to do; an unknown cycle says so', async ({ app }) => {
  await openScreen(app, 'Cycles');
  await expect(app.getByRole('heading', { level: 1, name: 'Cycles' })).toBeVisible();
  await expect(app.getByRole('heading', { name: "Waiting for Entra's first request" })).toBeVisible();
  await screenshot(app, 'cycles-empty');
  await app.evaluate(() => (window.location.hash = '#/cycles/99'));
  await expect(app.getByRole('alert')).toContainText('There is no cycle #99');
});

test('older cycles load with the keyset cursor', async ({ app, served, clock }) => {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  // 30 Test Connection probes 6 minutes apart: each is its own cycle (the idle gap is 5 minutes).
  for (let i = 30; i >= 1; i--) {
    clock.set(-i * 6 * MINUTE);
    expect((await entra.probe()).status).toBe(200);
  }
  await openScreen(app, 'Cycles');
  await expect(cycleTable(app).locator('tbody tr')).toHaveCount(25);
  await app.getByRole('button', { name: 'Load older cycles' }).click();
  await expect(cycleTable(app).locator('tbody tr')).toHaveCount(30);
  await expect(app.getByRole('button', { name: 'Load older cycles' })).toHaveCount(0);
  await expect(cycleRow(app, 1)).toContainText('Test connection');
});
