/**
 * The headless settings store: `conf` with the shared schema, in the data directory next to `monitor.db`
 * (design/stack.md §3: electron-store cannot load in plain Node, conf can, with the same options).
 */

import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { Settings } from '../../shared/api/admin-types.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { SettingsStore } from '../api/deps.js';
import { DEFAULT_SETTINGS, SETTINGS_CONFIG_NAME, SETTINGS_SCHEMA, settingsProblem } from './schema.js';

type MutableSettings = { -readonly [K in keyof Settings]: Settings[K] };

const pick = (source: Readonly<Record<string, unknown>>): Settings => ({
  cycleIdleGapMinutes: source.cycleIdleGapMinutes as number,
  retentionDays: source.retentionDays as number,
  maxDatabaseMb: source.maxDatabaseMb as number,
});

const withoutUndefined = (patch: Partial<Settings>): Partial<Settings> =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));

function openConf(dataDir: string): Conf<MutableSettings> {
  const options = { cwd: dataDir, configName: SETTINGS_CONFIG_NAME, schema: SETTINGS_SCHEMA, defaults: { ...DEFAULT_SETTINGS } };
  try {
    return new Conf<MutableSettings>(options);
  } catch (error) {
    // A hand-edited file the schema refuses (or broken JSON) must not stop the monitor: keep it aside for the
    // admin to look at, start from the defaults, and say so once. conf's clearInvalidConfig would discard it silently.
    const file = join(dataDir, `${SETTINGS_CONFIG_NAME}.json`);
    if (!existsSync(file)) throw error;
    const aside = `${file}.invalid-${Date.now()}`;
    renameSync(file, aside);
    console.warn(`provisioning-monitor: ${file} was invalid (${error instanceof Error ? error.message : String(error)}); moved to ${aside}, using defaults.`);
    return new Conf<MutableSettings>(options);
  }
}

/** Settings kept in memory only, for monitors whose data dir is `:memory:` (tests); same validation. */
function memoryStore(): SettingsStore {
  let current: Settings = { ...DEFAULT_SETTINGS };
  return {
    get: () => current,
    update(patch) {
      const next = { ...current, ...withoutUndefined(patch) };
      const problem = settingsProblem(next);
      if (problem !== null) throw new ApiFailure('invalid-argument', `Invalid settings: ${problem}.`);
      current = next;
      return current;
    },
  };
}

/**
 * Opens `<dataDir>/settings.json`, filling in defaults. `update` writes all changed keys at once, or none:
 * conf validates the whole store before writing, and a refusal becomes ApiFailure('invalid-argument').
 */
export function createSettingsStore(dataDir: string): SettingsStore {
  if (dataDir === ':memory:') return memoryStore();
  const conf = openConf(dataDir);
  // conf's `store` reads, parses and validates the file on every access, and the listener asks for the cycle idle gap
  // on every request: keep the settings in memory and refresh them only when this store writes them. This store is the
  // only writer of these keys while the app runs.
  let current = pick(conf.store);
  return {
    get: () => current,
    update(patch) {
      const changes = withoutUndefined(patch);
      try {
        if (Object.keys(changes).length > 0) conf.set(changes);
      } catch (error) {
        const message = error instanceof Error ? error.message.replace(/^Config schema violation: /, '') : String(error);
        throw new ApiFailure('invalid-argument', `Invalid settings: ${message}.`);
      }
      current = pick(conf.store);
      return current;
    },
  };
}
