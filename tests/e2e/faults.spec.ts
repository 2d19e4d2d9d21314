/**
 * Settings → Fault injection (issue 8): a preset fills the form, the monitor's refusal appears next to the field it
 * names, a saved rule answers Entra's very next request (marked in Live), its counters move, the status strip warns
 * on every screen, and "Turn all off" clears it.
 */

import type { Page } from '@playwright/test';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test } from './support/fixtures.js';
import { elementShot } from './support/element-shot.js';

const faultCard = (page: Page) => page.getByRole('region', { name: 'Fault injection' });

test('add a fault rule in Settings, see it answer Entra and count, then turn it off @P0', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'Entra ID', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  await openScreen(app, 'Settings');
  const card = faultCard(app);
  await expect(card).toContainText('No fault rules');
  await expect(app.getByTestId('strip-faults')).toHaveCount(0);
  await elementShot(app, card, 'settings-faults-empty');

  // A preset fills the form; a status outside 400–599 is refused by the monitor, next to the field.
  await card.getByRole('button', { name: '500 on create' }).click();
  const form = card.getByRole('form', { name: 'Add “500 on create”' });
  await expect(form.getByLabel('Name')).toHaveValue('create-500');
  await expect(form.getByLabel('Operation')).toHaveValue('create');
  const status = form.getByLabel('HTTP status');
  await status.fill('200');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(status).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toHaveAccessibleDescription(/Must be a whole number from 400 to 599, got 200\./);
  await expect(status).toBeFocused();
  expect(served.app.faults.state().rules).toEqual([]);
  await elementShot(app, card, 'settings-faults-invalid');

  await status.fill('500');
  await form.getByLabel('Detail').fill('Rehearsal: the app is down.');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form).toHaveCount(0);
  const row = card.getByRole('row', { name: /create-500/ });
  await expect(row).toContainText('create');
  await expect(card.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(app.getByTestId('strip-faults')).toHaveText('Fault injection on: 1 rule');
  await expect(card.getByTestId('faults-on-warning')).toBeVisible();

  // Entra's next create gets the injected 500; a match is answered normally.
  expect((await entra.match('adele@contoso.com')).status).toBe(200);
  const created = await entra.createUser('adele@contoso.com');
  expect(created.status).toBe(500);
  expect(created.body).toMatchObject({ status: '500', detail: 'Rehearsal: the app is down.' });
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');

  // Edit it into a count-limited 429: the counters start again for the changed rule.
  await row.getByRole('button', { name: 'Edit create-500' }).click();
  const edit = card.getByRole('form', { name: 'Edit rule “create-500”' });
  await edit.getByLabel('HTTP status').fill('429');
  await edit.getByLabel('Retry-After (s)').fill('1');
  await edit.getByLabel('At most (requests)').fill('2');
  await edit.getByRole('button', { name: 'Save rule' }).click();
  await expect(row).toContainText('Retry-After 1 s');
  await expect(row).toContainText('at most 2');
  await expect(row.getByRole('cell').nth(4)).toHaveText('0');
  expect((await entra.createUser('adele@contoso.com')).status).toBe(429);
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');
  await elementShot(app, card, 'settings-faults');
  await screenshot(app, 'settings-with-faults', { full: true });

  // The injected answers are marked in Live.
  await openScreen(app, 'Live');
  await expect(app.getByTestId('strip-faults')).toBeVisible();
  await app.getByRole('searchbox', { name: 'Filter requests' }).fill('fault:yes');
  await expect(app.getByRole('grid', { name: 'Requests, newest first' }).locator('[data-row-id]')).toHaveCount(2);

  // The strip's warning leads back to the rules; "Turn all off" clears them everywhere.
  await app.getByTestId('strip-faults').click();
  await expect(app.locator('[data-screen="settings"][data-app-state="ready"]')).toBeVisible();
  await faultCard(app).getByRole('button', { name: 'Turn all off' }).click();
  await expect(faultCard(app)).toContainText('No fault rules');
  await expect(app.getByTestId('strip-faults')).toHaveCount(0);
  expect((await entra.createUser('adele@contoso.com')).status).toBe(201);
});
