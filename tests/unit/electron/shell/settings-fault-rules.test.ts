/**
 * The desktop app's electron-store and the core's saved fault rules share settings.json (issue 8): a desktop write
 * (window bounds, theme) keeps the rules, and the rules' writes keep the desktop keys.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { FaultRule } from '../../../../electron/faults/rules.js';
import { createFaultRulesStore } from '../../../../electron/settings/fault-rules-store.js';
import { fake, resetElectron } from '../../../mocks/electron.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

const { openDesktopSettings } = await import('../../../../electron/shell/settings-store.js');
const RULE: FaultRule = { name: 'all-401', match: {}, respond: { status: 401 } };
let dir: string;

beforeEach(() => {
  resetElectron();
  dir = mkdtempSync(join(tmpdir(), 'pm-desktop-faults-'));
  fake.app.setPath('userData', dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('keeps saved fault rules and desktop keys when either side writes', () => {
  const desktop = openDesktopSettings();
  const rules = createFaultRulesStore(dir);
  rules.save([RULE]);
  desktop.setTheme('dark');
  desktop.setWindowBounds({ width: 1000, height: 700, maximized: false });
  expect(createFaultRulesStore(dir).load()).toEqual({ rules: [RULE], problem: null });
  rules.save([RULE, { ...RULE, name: 'second' }]);
  expect(openDesktopSettings().theme()).toBe('dark');
  expect(createFaultRulesStore(dir).load().rules).toHaveLength(2);
});
