/**
 * Playwright fixtures: `served` is a fresh monitor per test; `app` is the page opened through its one-time link
 * and waited on until the UI says `data-app-state="ready"`. Screenshots for review go to test-results/screens/.
 */

import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { startServedMonitor, type ServedMonitor } from './serve.js';

export const SCREENS_DIR = join('test-results', 'screens');

/**
 * The monitor's clock: real time plus an offset the test sets, so two cycles 40 minutes apart need no waiting.
 * Put earlier cycles in the past (`clock.set(-40 * MINUTE)`) and the latest at 0: the browser keeps real time.
 * `test.use({ clockStart })` sets the offset before the monitor starts and the page first loads.
 */
export interface MonitorClock {
  now(): number;
  set(offsetMs: number): void;
}

export const test = base.extend<{ clockStart: number; clock: MonitorClock; served: ServedMonitor; app: Page }>({
  clockStart: [0, { option: true }],
  clock: async ({ clockStart }, use) => {
    let offset = clockStart;
    await use({ now: () => Date.now() + offset, set: (ms) => void (offset = ms) });
  },
  served: async ({ clock }, use) => {
    const served = await startServedMonitor({ now: clock.now });
    await use(served);
    await served.close();
  },
  app: async ({ page, served }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(served.openUrl());
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await use(page);
    expect(errors, 'no page errors or console errors').toEqual([]);
  },
});

export { expect };

/** Navigates with the rail (as a user would) and waits for the screen's first data. */
export async function openScreen(page: Page, name: 'Connect' | 'Live' | 'Cycles' | 'Failures' | 'Health' | 'Directory' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();
  await expect(page.locator(`[data-screen="${name.toLowerCase()}"][data-app-state="ready"]`)).toBeVisible();
}

/**
 * Saves test-results/screens/<name>.png. The screen area scrolls inside the shell, so `full` grows the viewport to
 * the screen's content height for one shot (a page screenshot alone would stop at the window).
 */
export async function screenshot(page: Page, name: string, { full = false }: { full?: boolean } = {}): Promise<void> {
  const path = join(SCREENS_DIR, `${name}.png`);
  if (!full) return void (await page.screenshot({ path }));
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  const needed = await page.locator('#main').evaluate((el) => el.scrollHeight + el.getBoundingClientRect().top);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(needed)) });
  await page.locator('#main').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path });
  await page.setViewportSize(size);
}
