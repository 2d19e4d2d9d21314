/**
 * Directory: real provisioning traffic leaves users and groups as Entra sent them; the identity page tells one
 * user's story (create → update → disable) with its attribute history; the expected-users checklist shows how far
 * each assigned identity got; coverage ticks the mapped attributes that arrived; hostile names stay text.
 */

import type { Page } from '@playwright/test';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test } from './support/fixtures.js';
import type { ServedMonitor } from './support/serve.js';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">@contoso.com';
const tab = (page: Page, name: RegExp) => page.getByRole('tab', { name });

async function provision(served: ServedMonitor): Promise<void> {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  await served.app.api['scope.set']({
    entries: [
      { value: 'alice@contoso.com', kind: 'user' },
      { value: 'bob@contoso.com', kind: 'user' },
      { value: 'carol@contoso.com', kind: 'user' },
      { value: 'dave@contoso.com', kind: 'user' },
      { value: 'erin@contoso.com', kind: 'user' },
      { value: 'Sales', kind: 'group' },
    ],
  });
  expect((await entra.match('alice@contoso.com')).status).toBe(200);
  const alice = await entra.createUser('alice@contoso.com');
  expect(alice.status).toBe(201);
  const replace = (id: string, path: string, value: unknown) => entra.send('PATCH', `/Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path, value }] });
  expect((await replace(alice.body.id, 'title', 'Engineer')).status).toBe(200);
  expect((await replace(alice.body.id, 'title', 'Senior Engineer')).status).toBe(200);
  expect((await entra.disable(alice.body.id)).status).toBe(200);
  const bob = await entra.createUser('bob@contoso.com');
  expect((await replace(bob.body.id, 'displayName', 'Bob Builder')).status).toBe(200);
  expect((await entra.match('dave@contoso.com')).status).toBe(200);
  expect((await entra.send('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'erin@contoso.com', active: 'maybe' })).status).toBe(400);
  expect((await entra.createUser(HOSTILE)).status).toBe(201);
  const sales = await entra.createGroup('Sales');
  expect((await entra.addMembers(sales.body.id, [alice.body.id, bob.body.id])).status).toBe(204);
}

test('users, groups, the expected-users checklist and attribute coverage from real traffic @P0', async ({ app, served }) => {
  await openScreen(app, 'Directory');
  await expect(app.getByRole('heading', { name: 'No users provisioned yet' })).toBeVisible();

  await provision(served);
  const users = app.getByRole('table', { name: 'Users' });
  await expect(users.locator('tbody tr')).toHaveCount(3);
  await expect(tab(app, /^Users \(3\)/)).toBeVisible();
  const aliceRow = users.locator('tbody tr').filter({ hasText: 'alice@contoso.com' });
  await expect(aliceRow).toContainText('Disabled');
  await expect(aliceRow.locator('td').nth(5)).toHaveText('1');
  await expect(users.locator('tbody tr').filter({ hasText: 'bob@contoso.com' })).toContainText('Bob Builder');
  // An attacker-controlled userName is text: nothing it contains ran or became an element.
  await expect(users.getByRole('link', { name: HOSTILE })).toBeVisible();
  expect(await app.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(app.locator('#main script, #main img')).toHaveCount(0);
  await screenshot(app, 'directory', { full: true });

  await app.getByRole('searchbox', { name: /Search users/ }).fill('BO');
  await expect(users.locator('tbody tr')).toHaveCount(1);
  await expect(app.getByText('1–1 of 1')).toBeVisible();

  // Keyboard: the tabs move with the arrow keys.
  await tab(app, /^Users/).focus();
  await app.keyboard.press('ArrowRight');
  await expect(tab(app, /^Groups/)).toHaveAttribute('aria-selected', 'true');
  const groups = app.getByRole('table', { name: 'Groups' });
  await expect(groups.locator('tbody tr').filter({ hasText: 'Sales' }).locator('td').nth(1)).toHaveText('2');

  await app.keyboard.press('ArrowRight');
  await expect(tab(app, /^Expected users \(3 of 6\)/)).toHaveAttribute('aria-selected', 'true');
  const expected = app.getByRole('table', { name: 'Expected users and groups' });
  const state = (value: string) => expected.locator(`tr[data-expected="${value}"]`);
  await expect(state('alice@contoso.com')).toHaveAttribute('data-state', 'Disabled');
  await expect(state('bob@contoso.com')).toHaveAttribute('data-state', 'Updated');
  await expect(state('carol@contoso.com')).toHaveAttribute('data-state', 'Not seen');
  await expect(state('dave@contoso.com')).toHaveAttribute('data-state', 'Matched only');
  await expect(state('erin@contoso.com')).toHaveAttribute('data-state', 'Failed');
  await expect(state('erin@contoso.com')).toContainText('active');
  await expect(state('Sales')).toHaveAttribute('data-state', 'Updated');
  await expect(app.getByRole('region', { name: 'Unexpected identities' })).toContainText(HOSTILE);
  await screenshot(app, 'directory-expected', { full: true });

  await app.keyboard.press('ArrowRight');
  const mapping = app.getByRole('table', { name: 'User attribute mapping' });
  await expect(mapping.locator('tr[data-attribute="userName"]')).toHaveAttribute('data-arrived', 'true');
  await expect(mapping.locator('tr[data-attribute="title"]')).toContainText('Arrived');
  await expect(mapping.locator('tr[data-attribute="title"] td').nth(3)).toHaveText('1');
  await expect(mapping.locator('tr[data-attribute="preferredLanguage"]')).toHaveAttribute('data-arrived', 'false');
  await expect(app.getByRole('table', { name: 'Attributes not in the mapping' })).toContainText('emails[type eq "work"].primary');
  expect(app.url()).toContain('tab=coverage');
  await screenshot(app, 'directory-coverage', { full: true });
});

test('the identity page tells create → update → disable with attribute history and links to Live @P0', async ({ app, served }) => {
  await provision(served);
  await openScreen(app, 'Directory');
  await app.getByRole('table', { name: 'Users' }).getByRole('link', { name: 'alice@contoso.com' }).click();
  await expect(app.locator('[data-screen="directory"][data-app-state="ready"]')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'alice@contoso.com' })).toBeVisible();
  await expect(app.locator('.identity-badges')).toContainText('Disabled');

  const timeline = app.getByRole('list', { name: 'Operations on this identity, newest first' });
  await expect(timeline.getByRole('listitem')).toHaveCount(5);
  const ops = await timeline.getByRole('listitem').evaluateAll((items) => items.map((li) => li.getAttribute('data-operation')));
  expect(ops).toEqual(['disable', 'update', 'update', 'create', 'match']);

  const history = app.getByRole('table', { name: 'Attribute history' });
  const title = history.locator('tr[data-attribute="title"]');
  await expect(title.locator('td').first()).toHaveText('Senior Engineer');
  await expect(title.getByRole('listitem')).toHaveCount(2);
  await expect(title.getByRole('listitem').first()).toContainText('(none)');
  await expect(title.getByRole('listitem').first()).toContainText('Engineer');
  const active = history.locator('tr[data-attribute="active"]');
  await expect(active.getByRole('listitem').last()).toContainText('true');
  await expect(active.getByRole('listitem').last()).toContainText('false');
  await expect(active.getByRole('link', { name: 'Disable user' })).toBeVisible();

  await expect(app.getByRole('list', { name: 'Group memberships' })).toContainText('Sales');
  await expect(app.getByRole('list', { name: 'Group memberships' })).toContainText('added');
  await expect(app.getByLabel('Current resource JSON')).toContainText('"active": false');
  await screenshot(app, 'directory-identity', { full: true });

  await timeline.getByRole('link', { name: /^Disable user, Success: open request \d+ in Live/ }).click();
  await expect(app.locator('[data-screen="live"][data-app-state="ready"]')).toBeVisible();
  await expect(app.getByRole('complementary', { name: 'Request detail' }).getByRole('heading', { level: 2 })).toContainText('Disable user');

  // A group's page lists its members with when they were added.
  await app.goto(app.url().replace(/#.*$/, '#/directory/Sales'));
  await expect(app.locator('[data-screen="directory"][data-app-state="ready"]')).toBeVisible();
  const members = app.getByRole('list', { name: 'Group members' });
  await expect(members.getByRole('listitem')).toHaveCount(2);
  await expect(members).toContainText('added');
});

test('a hostile identity page renders its name as text', async ({ app, served }) => {
  await provision(served);
  await openScreen(app, 'Directory');
  await app.getByRole('table', { name: 'Users' }).getByRole('link', { name: HOSTILE }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(HOSTILE);
  await expect(app.locator('#main script, #main img')).toHaveCount(0);
  expect(await app.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
