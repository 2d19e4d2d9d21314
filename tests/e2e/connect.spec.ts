/**
 * Connect: the Tenant URL, a Secret Token created and read once in the UI, and the setup checklist ticking
 * itself from real traffic (a 401 with the reason, then Test Connection answered 200).
 */

import { entraClient } from './support/entra.js';
import { expect, screenshot, test } from './support/fixtures.js';

test('a new monitor opens on Connect with the local URL and a tunnel hint @P0', async ({ app, served }) => {
  await expect(app.getByRole('heading', { name: 'Connect Entra ID' })).toBeVisible();
  await expect(app.getByTestId('tenant-url')).toHaveText(served.scimUrl);
  await expect(app.getByText('Entra needs a public HTTPS URL')).toBeVisible();
  await expect(app.locator('[data-step="test"]')).toHaveAttribute('data-state', 'waiting');
  for (const name of ['Connect', 'Live', 'Cycles', 'Failures', 'Health', 'Directory', 'Settings']) {
    await expect(app.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true })).toBeVisible();
  }
});

test('create a token, read it once, and watch Test Connection tick @P0', async ({ app, served }) => {
  const form = app.getByRole('form', { name: 'Create a Secret Token' });
  await form.getByLabel('Label').fill('Entra ID test tenant');
  await form.getByLabel('Valid for (days)').fill('30');
  await form.getByRole('button', { name: 'Create token' }).click();

  const secretBox = app.getByTestId('new-secret');
  await expect(secretBox).toBeVisible();
  await expect(app.getByText("Copy this token now — you won't see it again.")).toBeVisible();
  const secret = (await secretBox.textContent()) ?? '';
  expect(secret.length).toBeGreaterThan(20);
  await screenshot(app, 'connect-token-once', { full: true });

  await app.getByRole('button', { name: "I've copied it" }).click();
  await expect(secretBox).toHaveCount(0);
  const tokens = app.getByRole('table', { name: 'Secret Tokens' });
  await expect(tokens.getByRole('row', { name: /Entra ID test tenant/ })).toContainText(`…${secret.slice(-4)}`);
  await expect(tokens).not.toContainText(secret);

  // Entra with a wrong token: the step fails and says why.
  expect((await entraClient(served.scimUrl, 'not-the-token').probe()).status).toBe(401);
  const step = app.locator('[data-step="test"]');
  await expect(step).toHaveAttribute('data-state', 'failed');
  await expect(step).toContainText('Entra sent a token this monitor does not know');

  // Entra with the token read from the screen: Test Connection is answered 200 and the step ticks.
  const entra = entraClient(served.scimUrl, secret);
  expect((await entra.probe()).status).toBe(200);
  await expect(step).toHaveAttribute('data-state', 'done');
  await expect(step).toContainText('Test Connection probe was answered 200');

  // Expected users, then Entra provisions one of them: the list shows who arrived.
  await app.getByLabel(/One per line/).fill('alice@contoso.com\nbob@contoso.com\ngroup: Sales');
  await app.getByRole('button', { name: 'Save expected list' }).click();
  const scope = app.getByRole('list', { name: 'Expected identities and what Entra did' });
  await expect(scope.getByRole('listitem')).toHaveCount(3);
  await expect(app.locator('[data-step="scope"]')).toHaveAttribute('data-state', 'done');
  expect((await entra.match('alice@contoso.com')).status).toBe(200);
  expect((await entra.createUser('alice@contoso.com')).status).toBe(201);
  await expect(scope.getByRole('listitem').filter({ hasText: 'alice@contoso.com' })).toContainText('Created');
  await expect(scope.getByRole('listitem').filter({ hasText: 'bob@contoso.com' })).toContainText('Not seen');
  await screenshot(app, 'connect', { full: true });
  await app.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app, 'connect-dark');
  await app.emulateMedia({ colorScheme: 'light' });

  // Revoking the token in the UI: Entra's next request is refused and the step says the token was revoked.
  await tokens.getByRole('button', { name: 'Revoke Entra ID test tenant' }).click();
  await expect(tokens.getByRole('group', { name: 'Confirm' })).toContainText("Entra's next request with it gets 401");
  await tokens.getByRole('group', { name: 'Confirm' }).getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(tokens.getByRole('row', { name: /Entra ID test tenant/ })).toContainText('Revoked');
  expect((await entra.probe()).status).toBe(401);
  await expect(step).toHaveAttribute('data-state', 'failed');
  await expect(step).toContainText("Entra's token was revoked");
  await screenshot(app, 'connect-revoked', { full: true });
});

test('a 404 outside /scim/v2 points at the Tenant URL path', async ({ app, served }) => {
  const { secret } = served.monitor.tokens.create({ label: 'e2e', days: 1 });
  const wrongBase = served.scimUrl.replace(/\/scim\/v2$/, '/api');
  const reply = await entraClient(wrongBase, secret).probe();
  expect(reply.status).toBe(404);
  const step = app.locator('[data-step="test"]');
  await expect(step).toHaveAttribute('data-state', 'failed');
  await expect(step).toContainText('The Tenant URL must end with /scim/v2');
});
