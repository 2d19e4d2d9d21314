/**
 * The preload's method list (bundled without zod) is the contract's, name for name and in order.
 */

import { describe, expect, it } from 'vitest';
import { MONITOR_API, METHOD_NAMES } from '../../../../shared/api/contract.js';
import { channelFor, EVENT_CHANNEL } from '../../../../electron/shell/channels.js';
import { PRELOAD_METHOD_NAMES } from '../../../../electron/shell/method-names.js';

describe('PRELOAD_METHOD_NAMES', () => {
  it('equals Object.keys(MONITOR_API)', () => {
    expect([...PRELOAD_METHOD_NAMES]).toEqual(Object.keys(MONITOR_API));
    expect([...PRELOAD_METHOD_NAMES]).toEqual(METHOD_NAMES);
  });

  it('gives every method its own channel, none of them the event channel', () => {
    const channels = PRELOAD_METHOD_NAMES.map(channelFor);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels).not.toContain(EVENT_CHANNEL);
    expect(channelFor('logs.list')).toBe('monitor:logs.list');
  });
});
