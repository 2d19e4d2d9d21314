/**
 * Connect → Run a simulated cycle (issue 8): the run goes through the real listener with its internal token, the
 * progress bar shows while it runs, and the summary in Entra's words follows, with links to Live and Cycles.
 */

import { expect, screenshot, test } from './support/fixtures.js';
import { elementShot } from './support/element-shot.js';

test('run a simulated cycle from Connect and read its summary @P0', async ({ app, served }) => {
  const card = app.getByRole('region', { name: 'Run a simulated cycle' });
  const form = card.getByRole('form', { name: 'Run a simulated cycle' });
  await expect(form.getByLabel('Users')).toHaveValue('10');
  await expect(form.getByLabel('Groups')).toHaveValue('3');
  await expect(form.getByLabel('PATCH dialect')).toHaveValue('default');
  await elementShot(app, card, 'connect-simulate-before');

  // Out-of-range input is refused before anything is sent.
  await form.getByLabel('Users').fill('100000');
  await expect(form.getByRole('button', { name: 'Run simulated cycle' })).toBeDisabled();
  await expect(form.getByRole('alert')).toHaveText('Users must be a whole number from 0 to 500.');
  await form.getByLabel('Users').fill('10');

  // Held-back match answers keep the run going long enough to see (and photograph) the progress bar.
  served.app.faults.set([{ name: 'slow-matches', match: { operation: 'match' }, latencyMs: 400 }]);
  await form.getByRole('button', { name: 'Run simulated cycle' }).click();
  const result = card.getByTestId('simulate-result');
  await expect(result).toHaveAttribute('data-state', 'running');
  // A few matches in, so the bar shows some progress (each is held back 400 ms).
  await expect(card.getByRole('progressbar', { name: 'Cycle 1 of 1' })).toHaveAttribute('aria-valuenow', /^([3-9]|1\d)$/);
  await expect(form.getByRole('button', { name: 'Running…' })).toBeDisabled();
  await expect(form).toContainText('meet the 1 fault rule that is on');
  await elementShot(app, card, 'connect-simulate-running');
  served.app.faults.clear();

  await expect(result).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(card.getByTestId('simulate-total')).toHaveText(/^\d+ passed, 0 failed/);
  const actions = card.getByRole('table', { name: 'Operations by action and status' });
  await expect(actions.getByRole('row', { name: /Create/ })).toContainText('13');
  await expect(card.getByRole('list', { name: 'Requests by HTTP status' })).toContainText('201');
  await expect(card.getByRole('link', { name: 'Live' })).toHaveAttribute('href', '#/live');
  await expect(card.getByRole('link', { name: 'Cycles' })).toHaveAttribute('href', '#/cycles');
  await elementShot(app, card, 'connect-simulate-done');
  await screenshot(app, 'connect-simulated', { full: true });

  expect(await served.app.api['directory.users']({ limit: 100 })).toMatchObject({ total: 10 });
  expect(await served.app.api['directory.groups']({ limit: 100 })).toMatchObject({ total: 3 });

  // The traffic is in Live like Entra's.
  await card.getByRole('link', { name: 'Live' }).click();
  await expect(app.locator('[data-screen="live"][data-app-state="ready"]')).toBeVisible();
  await app.getByRole('searchbox', { name: 'Filter requests' }).fill('op:create');
  await expect(app.getByRole('grid', { name: 'Requests, newest first' }).locator('[data-row-id]')).toHaveCount(13);
});
