/**
 * The preload exposes one object, `monitor`: the contract's namespaces with one function per method, plus
 * onEvent. No ipcRenderer, no generic invoke, and listeners never see the IpcRendererEvent.
 */

import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MonitorBridge as RendererBridge } from '../../../../renderer/api/ipc-backend.js';
import { METHOD_NAMES } from '../../../../shared/api/contract.js';
import { fake } from '../../../mocks/electron.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

type Bridge = import('../../../../electron/shell/preload.js').MonitorBridge;
let bridge: Bridge & Record<string, unknown>;

beforeAll(async () => {
  await import('../../../../electron/shell/preload.js');
  bridge = fake.contextBridge.exposed.monitor as typeof bridge;
});

beforeEach(() => {
  fake.ipcRenderer.invoke.mockReset();
  fake.ipcRenderer.removeAllListeners();
});

describe('preload', () => {
  it('exposes exactly one key, `monitor`', () => {
    expect(Object.keys(fake.contextBridge.exposed)).toEqual(['monitor']);
  });

  it("has exactly the contract's namespaces and methods, plus onEvent", () => {
    const namespaces = [...new Set(METHOD_NAMES.map((name) => name.split('.')[0]))];
    expect(Object.keys(bridge).sort()).toEqual([...namespaces, 'onEvent'].sort());
    for (const namespace of namespaces) {
      const methods = METHOD_NAMES.filter((name) => name.startsWith(`${namespace}.`)).map((name) => name.split('.')[1]);
      expect(Object.keys(bridge[namespace!] as object).sort(), namespace).toEqual(methods.sort());
    }
  });

  it('never exposes ipcRenderer or a generic invoke/send/on', () => {
    const flat = JSON.stringify(Object.fromEntries(Object.entries(bridge).map(([key, value]) => [key, typeof value === 'object' ? Object.keys(value as object) : typeof value])));
    for (const word of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'removeListener', 'require', 'process']) {
      expect(flat).not.toContain(`"${word}"`);
    }
    for (const value of Object.values(bridge)) expect(value).not.toBe(fake.ipcRenderer);
  });

  it('calls each method on its own channel with exactly one argument', async () => {
    fake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 'page' });
    const call = bridge.logs.list as unknown as (...args: unknown[]) => Promise<unknown>;
    await expect(call({ limit: 10 }, 'smuggled')).resolves.toEqual({ ok: true, value: 'page' });
    expect(fake.ipcRenderer.invoke.mock.calls).toEqual([['monitor:logs.list', { limit: 10 }]]);
    await bridge.status.get(undefined);
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('monitor:status.get', undefined);
  });

  it('turns a failed invoke into a result instead of throwing', async () => {
    fake.ipcRenderer.invoke.mockRejectedValue(new Error("No handler registered for 'monitor:health.get'"));
    await expect(bridge.health.get(undefined)).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('passes only the MonitorEvent to onEvent listeners, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    const event = { type: 'health-changed', health: { state: 'Healthy' } };
    fake.ipcRenderer.emit('monitor:event', { sender: 'the IpcRendererEvent', ports: [] }, event);
    expect(listener.mock.calls).toEqual([[event]]);
    unsubscribe();
    fake.ipcRenderer.emit('monitor:event', {}, event);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.ipcRenderer.listenerCount('monitor:event')).toBe(0);
    expect(() => bridge.onEvent('not a function' as never)).toThrow(TypeError);
  });

  it("matches the renderer's MonitorBridge type (renderer/api/ipc-backend.ts)", () => {
    const asRenderer: RendererBridge = bridge;
    const asPreload: Bridge = asRenderer;
    expect(asPreload).toBe(bridge);
  });
});
