/**
 * Builds MonitorApi dependencies around a test monitor, with in-memory settings and a fixed health unless given.
 */

import { DEFAULT_SETTINGS, type Settings } from '../../shared/api/admin-types.js';
import type { Health } from '../../shared/api/provisioning-types.js';
import type { ApiDeps, SettingsStore } from '../../electron/api/deps.js';
import type { TestMonitor } from './monitor.js';

export function memorySettings(initial: Partial<Settings> = {}): SettingsStore {
  let current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get: () => current,
    update: (patch) => (current = { ...current, ...patch }),
  };
}

export const HEALTHY: Health = {
  state: 'Healthy',
  reason: null,
  message: 'Healthy',
  nextAction: 'Nothing to do.',
  since: null,
  consecutiveFailedCycles: 0,
  lastSuccessfulCycle: null,
  lastRequestAt: null,
  lastCycleFailureShare: null,
  recentAuthFailures: 0,
};

export function testApiDeps(t: TestMonitor, overrides: Partial<ApiDeps> = {}): ApiDeps {
  return {
    store: t.monitor,
    settings: memorySettings(),
    health: { current: () => HEALTHY },
    scimUrl: () => t.base,
    tunnel: () => null,
    dataDir: t.dataDir,
    version: '0.0.0-test',
    now: () => Date.now(),
    ...overrides,
  };
}
