/**
 * The settings schema, once, for both stores: `conf` in headless mode (store.ts) and electron-store in the desktop
 * app (issue 5: "the same schema through conf in headless mode"; design/stack.md §3). Both take this object as their
 * `schema` option (JSON Schema draft 2020-12, one entry per top-level key) and DEFAULT_SETTINGS as `defaults`.
 *
 * The bounds equal the MonitorApi's SettingsUpdate (shared/api/schemas.ts); a unit test keeps the two in step.
 */

import type { Settings } from '../../shared/api/admin-types.js';

export { DEFAULT_SETTINGS } from '../../shared/api/admin-types.js';

/** The JSON Schema keywords the settings use; a subset every JSON Schema validator (ajv in conf) understands. */
export interface SettingSchema {
  readonly type: 'integer';
  readonly minimum: number;
  readonly maximum: number;
  readonly description: string;
}

export const SETTINGS_SCHEMA: { readonly [K in keyof Settings]: SettingSchema } = {
  cycleIdleGapMinutes: {
    type: 'integer',
    minimum: 1,
    maximum: 24 * 60,
    description: 'Idle gap (minutes) that ends an inferred cycle.',
  },
  retentionDays: {
    type: 'integer',
    minimum: 0,
    maximum: 3650,
    description: 'Log rows older than this many days are pruned; 0 keeps everything.',
  },
  maxDatabaseMb: {
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    description: 'The log is pruned, oldest first, to keep the database under this many MB; 0 means no limit.',
  },
};

/** The config file inside the data directory: `<dataDir>/settings.json`. */
export const SETTINGS_CONFIG_NAME = 'settings';

/**
 * Checks a whole settings object against SETTINGS_SCHEMA; returns the first problem in words, or null. Used where
 * no JSON Schema validator runs (the in-memory store of `:memory:` monitors).
 */
export function settingsProblem(settings: Readonly<Partial<Record<keyof Settings, unknown>>>): string | null {
  for (const [key, rule] of Object.entries(SETTINGS_SCHEMA) as [keyof Settings, SettingSchema][]) {
    const value = settings[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) return `\`${key}\` must be integer`;
    if (value < rule.minimum) return `\`${key}\` must be >= ${rule.minimum}`;
    if (value > rule.maximum) return `\`${key}\` must be <= ${rule.maximum}`;
  }
  return null;
}

/**
 * The key under which Settings' fault rules are saved in the same settings.json (issue 8), so they survive a
 * restart. Its value is an array of rules in the `serve --faults` shape; it is checked on load and before every save
 * by parseFaultRules (electron/faults/rules.ts), which names the rule and field — more than a JSON Schema can say.
 * Both stores keep keys their schema does not name, so the desktop app and `serve` share the saved rules.
 */
export const FAULT_RULES_KEY = 'faultRules';
