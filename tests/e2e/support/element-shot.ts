/**
 * Saves test-results/screens/<name>.png of one element (a card). The screen scrolls inside the shell under a fixed
 * status strip, so an element taller than the window would be cut or overlapped: the viewport grows to fit it.
 */

import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { SCREENS_DIR } from './fixtures.js';

export async function elementShot(page: Page, element: Locator, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  const box = await element.evaluate((el) => el.getBoundingClientRect().height);
  const needed = Math.ceil(box) + 200;
  if (needed > size.height) await page.setViewportSize({ width: size.width, height: needed });
  await element.scrollIntoViewIfNeeded();
  await element.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
  if (needed > size.height) await page.setViewportSize(size);
}
