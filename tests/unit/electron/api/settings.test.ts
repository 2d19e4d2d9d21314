/**
 * settings.* delegates to the settings store; validation happens at the boundary (callApi + the contract's schema).
 */

import { describe, expect, it } from 'vitest';
import type { ApiDeps } from '../../../../electron/api/deps.js';
import { callApi } from '../../../../electron/api/call.js';
import { settingsHandlers } from '../../../../electron/api/settings.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import { DEFAULT_SETTINGS } from '../../../../shared/api/admin-types.js';
import { memorySettings } from '../../../support/api.js';

const handlersWith = (settings = memorySettings()) => settingsHandlers({ settings } as ApiDeps);

describe('settings', () => {
  it('reads and updates through the store, ignoring explicit undefined values', async () => {
    const api = handlersWith();
    expect(await api['settings.get'](undefined)).toEqual(DEFAULT_SETTINGS);
    expect(await api['settings.update']({ cycleIdleGapMinutes: 10, retentionDays: undefined })).toEqual({ ...DEFAULT_SETTINGS, cycleIdleGapMinutes: 10 });
    expect((await api['settings.get'](undefined)).cycleIdleGapMinutes).toBe(10);
  });

  it('rejects out-of-range values before they reach the store', async () => {
    const handlers = handlersWith() as unknown as MonitorApiHandlers;
    expect(await callApi(handlers, 'settings.update', { cycleIdleGapMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await callApi(handlers, 'settings.get', undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });
});
