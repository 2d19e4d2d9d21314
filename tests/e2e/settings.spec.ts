/**
 * Settings: the listener and data directory as the monitor runs; retention and the cycle idle gap saved through
 * the MonitorApi and still there after a reload; a value out of bounds refused next to its field, unsent.
 */

import { expect, openScreen, screenshot, test } from './support/fixtures.js';

test('retention and the cycle gap persist across a reload; bad values are refused inline @P0', async ({ app, served }) => {
  await openScreen(app, 'Settings');
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(app.getByTestId('settings-scim-url')).toHaveText(served.scimUrl);
  await expect(app.getByText('Loopback only')).toBeVisible();
  await expect(app.getByRole('region', { name: 'Tunnel' })).toContainText('No tunnel is running');
  await expect(app.getByRole('region', { name: 'Fault injection' })).toContainText('--faults');
  await expect(app.getByLabel('Example fault rules', { exact: true })).toContainText('"retryAfter": 30');
  await expect(app.getByTestId('settings-version')).not.toBeEmpty();

  const form = app.getByRole('form', { name: 'Retention and cycles' });
  const retention = form.getByLabel('Keep requests for (days)');
  const size = form.getByLabel('Maximum database size (MB)');
  const gap = form.getByLabel('Cycle idle gap (minutes)');
  await expect(retention).toHaveValue('30');

  // Out of bounds and not a number: refused next to the field, and nothing is sent.
  await retention.fill('99999');
  await gap.fill('1.5');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(retention).toHaveAttribute('aria-invalid', 'true');
  await expect(retention).toHaveAccessibleDescription(/Must be 3,650 or less\./);
  await expect(gap).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Enter a whole number from 1 to 1,440.')).toBeVisible();
  await expect(retention).toBeFocused();
  expect(served.app.api['settings.get'](undefined)).toMatchObject({ retentionDays: 30, cycleIdleGapMinutes: 5 });
  await screenshot(app, 'settings-invalid', { full: true });

  await retention.fill('14');
  await expect(retention).toHaveAttribute('aria-invalid', 'false');
  await size.fill('512');
  await gap.fill('10');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  expect(served.app.api['settings.get'](undefined)).toMatchObject({ retentionDays: 14, maxDatabaseMb: 512, cycleIdleGapMinutes: 10 });

  await app.reload();
  await expect(app.locator('[data-screen="settings"][data-app-state="ready"]')).toBeVisible();
  await expect(retention).toHaveValue('14');
  await expect(size).toHaveValue('512');
  await expect(gap).toHaveValue('10');
  await screenshot(app, 'settings', { full: true });
});
