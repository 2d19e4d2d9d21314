/**
 * Replay in Live (issue 8): "Replay" re-sends a logged request as it was and opens the new exchange, linked both
 * ways to its original; "Edit & replay" sends the admin's edit (checked before it is sent); a body whose password
 * the log removed is refused with a clear message; `replay:yes` lists the replays.
 */

import type { Page } from '@playwright/test';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test } from './support/fixtures.js';

const grid = (page: Page) => page.getByRole('grid', { name: 'Requests, newest first' });
const rows = (page: Page) => grid(page).locator('[data-row-id]');
const row = (page: Page, ...texts: string[]) => texts.reduce((loc, text) => loc.filter({ hasText: text }), rows(page));
const pane = (page: Page) => page.getByRole('complementary', { name: 'Request detail' });
/** The id of the request the pane shows, once its detail has loaded (and, with `other`, once it is not that one). */
async function shownId(page: Page, other?: number): Promise<number> {
  const id = other === undefined ? /^[1-9]\d*$/ : new RegExp(`^(?!${other}$)[1-9]\\d*$`);
  await expect(pane(page)).toHaveAttribute('data-detail-id', id);
  return Number(await pane(page).getAttribute('data-detail-id'));
}

test('Replay re-sends a logged create and links the new row to its original @P0', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  expect((await entra.createUser('alice@contoso.com')).status).toBe(201);
  const bob = await entra.createUser('bob@contoso.com');
  expect((await entra.disable(bob.body.id)).status).toBe(200);
  await openScreen(app, 'Live');
  await expect(rows(app)).toHaveCount(3);

  // As it was: alice exists now, so the directory answers 409 (Entra would record EntryConflict).
  await row(app, 'Create user', 'alice@contoso.com').click();
  const original = await shownId(app);
  await pane(app).getByRole('button', { name: 'Replay', exact: true }).click();
  const notice = pane(app).getByTestId('replay-notice');
  await expect(notice).toContainText(`Replayed #${original}`);
  await expect(notice).toContainText('409');
  await expect(notice).toContainText("with the monitor's own replay token");
  const replayId = await shownId(app, original);
  expect(app.url()).toMatch(new RegExp(`#/live/${replayId}$`));
  await expect(pane(app).getByTestId('replay-of')).toHaveText(`Replay of #${original}`);
  await expect(pane(app).getByRole('region', { name: 'What Entra will record' })).toContainText('EntryConflict');
  await expect(rows(app)).toHaveCount(4);
  await expect(rows(app).first()).toContainText(`Replay of #${original}`);
  await expect(pane(app)).not.toContainText(secret);
  await screenshot(app, 'live-replay-result');
  await app.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app, 'live-replay-dark');
  await app.emulateMedia({ colorScheme: 'light' });

  // And back: the original lists its replay.
  await pane(app).getByTestId('replay-of').getByRole('link', { name: `#${original}` }).click();
  await expect(pane(app)).toHaveAttribute('data-detail-id', String(original));
  const replays = pane(app).getByRole('navigation', { name: 'Replays of this request' });
  await expect(replays.getByRole('link', { name: `#${replayId}` })).toBeVisible();
  await expect(replays).toContainText('409');
  await screenshot(app, 'live-replay-original');
  await app.goBack();
  await expect(pane(app)).toHaveAttribute('data-detail-id', String(replayId));

  // Only the replays.
  const filter = app.getByRole('searchbox', { name: 'Filter requests' });
  await filter.fill('replay:yes');
  await filter.press('Enter');
  await expect(app.getByTestId('filter-echo')).toHaveText('Requests re-sent with Replay');
  await expect(rows(app)).toHaveCount(1);
});

test('Edit & replay sends the edited request; the form checks it first @P0', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  const bob = await entra.createUser('bob@contoso.com');
  expect((await entra.disable(bob.body.id)).status).toBe(200);
  await openScreen(app, 'Live');
  await row(app, 'Disable user', 'bob@contoso.com').click();
  const original = await shownId(app);

  await pane(app).getByRole('button', { name: 'Edit & replay' }).click();
  const form = pane(app).getByRole('form', { name: 'Edit and replay' });
  await expect(form.getByLabel('Method')).toHaveValue('PATCH');
  await expect(form.getByLabel('Path')).toHaveValue(`/scim/v2/Users/${bob.body.id}`);
  const headers = form.getByLabel(/^Headers/);
  await expect(headers).toHaveValue(/authorization: Bearer ••••/);
  await expect(headers).not.toHaveValue(/host:/);
  const body = form.getByLabel(/^Body/);
  await expect(body).toHaveValue(/"False"/);
  await screenshot(app, 'live-replay-form');

  // A typo is caught here, at its line, and nothing is sent.
  await body.fill('{ "Operations": [ }');
  await expect(form).toContainText('The body is not valid JSON');
  await expect(form.getByRole('button', { name: 'Send replay' })).toBeDisabled();
  await screenshot(app, 'live-replay-form-error');
  await headers.fill('Content-Type: application/scim+json\nAuthorization: Bearer ••••abcd');
  await body.fill(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] }, null, 2));
  await form.getByRole('button', { name: 'Send replay' }).click();

  await expect(pane(app).getByTestId('replay-notice')).toContainText('200');
  await expect(pane(app).getByTestId('replay-of')).toHaveText(`Replay of #${original}`);
  await expect(pane(app).getByRole('heading', { level: 2 })).toContainText('Re-enable user');
  await pane(app).getByRole('tab', { name: /Changes/ }).click();
  const changes = pane(app).getByRole('table', { name: 'Modified properties' });
  await expect(changes.getByRole('row', { name: /active/ })).toContainText('false');
  await expect(changes.getByRole('row', { name: /active/ })).toContainText('true');
  await pane(app).getByRole('tab', { name: 'Summary' }).click();
  await screenshot(app, 'live-replay-edited');

  // A wrong token, typed on purpose: a logged 401, still linked to the original.
  await pane(app).getByTestId('replay-of').getByRole('link').click();
  await expect(pane(app)).toHaveAttribute('data-detail-id', String(original));
  await pane(app).getByRole('button', { name: 'Edit & replay' }).click();
  await form.getByLabel(/^Headers/).fill('Authorization: Bearer wrong-token-typed-here');
  await form.getByRole('button', { name: 'Send replay' }).click();
  await expect(pane(app).getByTestId('replay-notice')).toContainText('with the Authorization you typed');
  await expect(pane(app).getByTestId('replay-notice')).toContainText('401');
  await expect(pane(app).getByTestId('replay-of')).toHaveText(`Replay of #${original}`);
});

test('a body whose password the log removed is refused as it was, with the way out', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const entra = entraClient(served.scimUrl, secret);
  const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'carol@contoso.com', password: 'S3cret!pass' };
  expect((await entra.send('POST', '/Users', user)).status).toBe(201);
  await openScreen(app, 'Live');
  await row(app, 'Create user', 'carol@contoso.com').click();
  await pane(app).getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(pane(app).getByRole('alert')).toContainText('Use Edit & replay to type a password or remove it');
  await expect(rows(app)).toHaveCount(1);
  await screenshot(app, 'live-replay-refused');
  await pane(app).getByRole('button', { name: 'Edit & replay' }).click();
  await expect(pane(app).getByRole('note')).toContainText('will be sent as that literal text');
  await expect(pane(app)).not.toContainText('S3cret!pass');
});
