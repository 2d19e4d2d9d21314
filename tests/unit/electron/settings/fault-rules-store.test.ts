/**
 * Saved fault rules (issue 8): the `faultRules` key of settings.json, next to the monitor settings and the desktop
 * app's keys, none of which a write of the other loses; rules a hand edit broke are reported, not half-loaded.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../../electron/faults/rules.js';
import { createFaultRulesStore } from '../../../../electron/settings/fault-rules-store.js';
import { createSettingsStore } from '../../../../electron/settings/store.js';

const RULE: FaultRule = { name: 'throttle', match: { operation: 'create' }, count: 2, respond: { status: 429, retryAfter: 1 } };
let dir: string;
const file = () => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-fault-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createFaultRulesStore', () => {
  it('keeps rules across reopening, beside the monitor settings, and removes the key when cleared', () => {
    const settings = createSettingsStore(dir);
    const store = createFaultRulesStore(dir);
    expect(store.load()).toEqual({ rules: [], problem: null });
    store.save([RULE]);
    settings.update({ retentionDays: 7 });
    expect(createFaultRulesStore(dir).load()).toEqual({ rules: [RULE], problem: null });
    expect(file()).toMatchObject({ retentionDays: 7, faultRules: [RULE] });
    expect(createSettingsStore(dir).get().retentionDays).toBe(7);

    store.save([]);
    expect(file().faultRules).toBeUndefined();
    expect(file().retentionDays).toBe(7);
  });

  it('reports saved rules a hand edit broke, naming the field, and loads none of them', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ faultRules: [RULE, { name: 'bad', match: {}, respond: { status: 700 } }] }));
    const loaded = createFaultRulesStore(dir).load();
    expect(loaded.rules).toEqual([]);
    expect(loaded.problem).toContain('rules[1] ("bad").respond.status must be a whole number from 400 to 599, got 700.');
  });

  it('keeps rules in memory for a :memory: monitor', () => {
    const store = createFaultRulesStore(':memory:');
    store.save([RULE]);
    expect(store.load().rules).toEqual([RULE]);
  });
});
