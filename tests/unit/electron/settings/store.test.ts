/**
 * The headless settings store (conf): defaults, persistence across reopening, schema rejection, and a broken file
 * set aside instead of stopping the monitor (design/stack.md §3, issue 5).
 */

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/api/admin-types.js';
import { ApiFailure } from '../../../../shared/api/result.js';
import { createSettingsStore } from '../../../../electron/settings/store.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-settings-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const failure = (run: () => unknown): ApiFailure => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected an ApiFailure');
};

describe('createSettingsStore', () => {
  it('starts from the defaults', () => {
    expect(createSettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('writes settings.json in the data directory and keeps changes across reopening', () => {
    const store = createSettingsStore(dir);
    expect(store.update({ retentionDays: 7, maxDatabaseMb: 100 })).toEqual({ ...DEFAULT_SETTINGS, retentionDays: 7, maxDatabaseMb: 100 });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ retentionDays: 7, maxDatabaseMb: 100 });
    const reopened = createSettingsStore(dir);
    expect(reopened.get()).toEqual({ ...DEFAULT_SETTINGS, retentionDays: 7, maxDatabaseMb: 100 });
  });

  it('ignores undefined keys in a patch', () => {
    const store = createSettingsStore(dir);
    expect(store.update({ cycleIdleGapMinutes: 9, retentionDays: undefined })).toEqual({ ...DEFAULT_SETTINGS, cycleIdleGapMinutes: 9 });
  });

  it.each([
    [{ cycleIdleGapMinutes: 0 }, 'cycleIdleGapMinutes'],
    [{ retentionDays: -1 }, 'retentionDays'],
    [{ maxDatabaseMb: 1.5 }, 'maxDatabaseMb'],
    [{ retentionDays: 'forever' as unknown as number }, 'retentionDays'],
  ])('refuses %j with invalid-argument and changes nothing', (patch, key) => {
    const store = createSettingsStore(dir);
    store.update({ retentionDays: 10 });
    const error = failure(() => store.update({ cycleIdleGapMinutes: 6, ...patch }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain(key);
    // All or nothing: the valid key in the same patch was not written either.
    expect(createSettingsStore(dir).get()).toEqual({ ...DEFAULT_SETTINGS, retentionDays: 10 });
  });

  it('sets an invalid file aside and starts from the defaults', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ retentionDays: -5 }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(createSettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
      expect(warn).toHaveBeenCalledOnce();
    } finally {
      warn.mockRestore();
    }
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.invalid-'))).toBe(true);
  });

  it('keeps :memory: settings in memory with the same validation', () => {
    const store = createSettingsStore(':memory:');
    expect(store.update({ retentionDays: 1 }).retentionDays).toBe(1);
    expect(failure(() => store.update({ maxDatabaseMb: -1 })).code).toBe('invalid-argument');
    expect(store.get().maxDatabaseMb).toBe(DEFAULT_SETTINGS.maxDatabaseMb);
    expect(existsSync(':memory:')).toBe(false);
  });
});
