/**
 * Health: real SCIM traffic through the listener. A good initial cycle, then the token is revoked and Entra's next
 * cycle gets a burst of 401s: the card and banner say Quarantine risk with the reason and the one next action, the
 * credentials panel says which token problem it was. A new token and a good cycle 40 minutes later bring it back
 * to Healthy, and the history keeps both. The monitor's clock is moved (and the page's with it), never waited for.
 */

import type { Page } from '@playwright/test';
import { entraClient } from './support/entra.js';
import { expect, openScreen, screenshot, test } from './support/fixtures.js';

const MINUTE = 60_000;

const card = (page: Page) => page.getByRole('region', { name: /Healthy|Degraded|Quarantine risk|Likely quarantined/ });

test.describe('after a good initial cycle 45 minutes ago', () => {
  // The page opens at the initial cycle's time, so the history starts there (as it would for real).
  test.use({ clockStart: -45 * MINUTE });

  test('a revoked token’s 401 burst → Quarantine risk with reason and next action; a good cycle → Healthy @P0', async ({ app, served, clock }) => {
    const first = served.monitor.tokens.create({ label: 'Entra ID', days: 90 });
    const entra = entraClient(served.scimUrl, first.secret);

    // The initial cycle, 45 minutes ago: everything succeeds.
    expect((await entra.probe()).status).toBe(200);
    const ids: Record<string, string> = {};
    for (const name of ['alice@contoso.com', 'bob@contoso.com']) {
      expect((await entra.match(name)).status).toBe(200);
      const created = await entra.createUser(name);
      expect(created.status).toBe(201);
      ids[name] = created.body.id;
    }

    // The token is revoked here but not replaced in Entra: its next cycle, now, is refused request after request.
    served.monitor.tokens.revoke(first.info.id);
    clock.set(0);
    for (const name of ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com']) expect((await entra.match(name)).status).toBe(401);
    expect((await entra.disable(ids['bob@contoso.com']!)).status).toBe(401);

    await openScreen(app, 'Health');
    const banner = app.getByTestId('health-banner');
    await expect(banner).toContainText('Quarantine risk');
    await expect(banner).toContainText('EncounteredQuarantineException');
    await expect(banner).toContainText('Next: Create or re-create a Secret Token, update Entra, Test Connection, Restart provisioning');
    await expect(card(app)).toHaveAttribute('data-state', 'QuarantineRisk');
    await expect(card(app).getByTestId('health-reason')).toHaveText('EncounteredQuarantineException');
    await expect(card(app).getByRole('group', { name: 'Recommended next action' }).getByRole('link', { name: 'Manage Secret Tokens' })).toHaveAttribute('href', '#/connect');
    await expect(app.getByRole('group', { name: 'Consecutive failed cycles' })).toContainText('1');

    const auth = app.getByRole('region', { name: 'Credentials' });
    await expect(auth).toContainText('4 401/403 answers since the last success');
    await expect(auth.getByRole('table', { name: 'Secret Tokens' })).toContainText('Revoked');
    // Four 401s with the same reason read as one problem, each request still one click from Live.
    const latest401s = auth.getByRole('list', { name: 'Latest 401 answers' });
    await expect(latest401s.getByRole('listitem')).toHaveCount(1);
    await expect(latest401s.getByRole('listitem')).toContainText("Entra's token was revoked");
    await expect(latest401s.getByRole('listitem')).toContainText(`(…${first.info.last4}) was revoked`);
    await expect(latest401s.getByRole('listitem')).toContainText('4 requests');
    await expect(latest401s.getByRole('link', { name: /in Live: PATCH/ })).toHaveAttribute('href', /^#\/live\/\d+$/);

    const history = app.getByRole('list', { name: 'Health history, newest first' });
    await expect(history.getByRole('listitem').first()).toContainText('Quarantine risk');
    await expect(history.getByRole('listitem').first()).toContainText('Current');
    await expect(app.getByRole('region', { name: /What Entra does when it quarantines/ })).toContainText('Restart provisioning');
    // The status strip refetches at most every 5 s: wait for its next-cycle estimate before the screenshot.
    await expect(app.getByRole('banner', { name: 'Monitor status' })).toContainText(/in (39|40) min/);
    await screenshot(app, 'health-quarantine', { full: true });

    // The fix: a new token in Entra, and its next cycle 40 minutes later succeeds. The page's clock moves with the
    // monitor's, so "since" and "last request" read as they would for real.
    const second = served.monitor.tokens.create({ label: 'Entra ID (new)', days: 90 });
    const fixed = entraClient(served.scimUrl, second.secret);
    clock.set(40 * MINUTE);
    await app.clock.setSystemTime(Date.now() + 40 * MINUTE);
    expect((await fixed.probe()).status).toBe(200);
    expect((await fixed.match('carol@contoso.com')).status).toBe(200);
    expect((await fixed.createUser('carol@contoso.com')).status).toBe(201);
    expect((await fixed.disable(ids['bob@contoso.com']!)).status).toBe(200);

    await expect(card(app)).toHaveAttribute('data-state', 'Healthy');
    await expect(banner).toHaveCount(0);
    await expect(card(app).getByTestId('health-message')).toContainText('No failures in the latest cycle');
    await expect(app.getByRole('group', { name: 'Consecutive failed cycles' })).toContainText('0');
    await expect(auth).toContainText('0 401/403 answers since the last success');
    await expect(history.getByRole('listitem')).toHaveCount(3);
    await expect(history.getByRole('listitem').nth(1)).toContainText('EncounteredQuarantineException');
    await expect(history.getByRole('listitem').nth(1)).not.toContainText('Current');
    await expect(app.getByRole('figure', { name: 'Success rate per cycle' }).locator('.recharts-line-dot')).toHaveCount(3);
    // The page's clock ticks every few seconds: wait for it to catch up before the screenshot.
    await expect(app.getByRole('group', { name: 'Last request received' })).toContainText('just now');
    await expect(app.getByRole('banner', { name: 'Monitor status' })).toContainText(/in (39|40) min/);
    await screenshot(app, 'health', { full: true });
    await app.emulateMedia({ colorScheme: 'dark' });
    await screenshot(app, 'health-dark', { full: true });
  });
});

test('a new monitor: Health teaches what to do and draws empty charts without errors', async ({ app }) => {
  await openScreen(app, 'Health');
  await expect(app.getByRole('heading', { level: 1, name: 'Health' })).toBeVisible();
  await expect(card(app)).toHaveAttribute('data-state', 'Healthy');
  await expect(card(app).getByTestId('health-message')).toHaveText("Waiting for Entra's first request");
  await expect(card(app).getByTestId('health-next-action')).toHaveText('Paste the Tenant URL and Secret Token into Entra and press Test Connection');
  await expect(app.getByTestId('health-banner')).toHaveCount(0);
  await expect(app.getByRole('figure', { name: 'Success rate per cycle' })).toContainText('No cycles yet');
  await expect(app.getByRole('region', { name: 'Credentials' })).toContainText('No Secret Token yet');
  await screenshot(app, 'health-empty', { full: true });
});
