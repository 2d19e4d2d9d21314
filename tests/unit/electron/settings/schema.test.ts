/**
 * The settings schema (shared with electron-store, issue 5) agrees with the MonitorApi's SettingsUpdate, so a value
 * the API accepts is never refused by the store, nor the other way round.
 */

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_SETTINGS } from '../../../../shared/api/admin-types.js';
import { SettingsUpdate } from '../../../../shared/api/schemas.js';
import { SETTINGS_SCHEMA, settingsProblem } from '../../../../electron/settings/schema.js';

describe('SETTINGS_SCHEMA', () => {
  it('covers exactly the keys of Settings, and the defaults satisfy it', () => {
    expect(Object.keys(SETTINGS_SCHEMA).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(settingsProblem(DEFAULT_SETTINGS)).toBeNull();
  });

  it('has the same bounds as SettingsUpdate', () => {
    const json = z.toJSONSchema(SettingsUpdate) as { properties: Record<string, { type: string; minimum: number; maximum: number }> };
    for (const [key, rule] of Object.entries(SETTINGS_SCHEMA)) {
      expect(json.properties[key], key).toMatchObject({ type: 'integer', minimum: rule.minimum, maximum: rule.maximum });
    }
  });
});
