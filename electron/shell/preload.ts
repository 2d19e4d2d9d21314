/**
 * The preload: exposes `window.monitor`, the MonitorApi as the namespaced client the renderer already uses
 * (`monitor.logs.list(query)` → Promise<ApiResult>), plus `onEvent(listener)` → unsubscribe.
 *
 * Built from the method list, one function per method, each bound to its own channel and passing exactly one
 * argument. Neither `ipcRenderer` nor a generic `invoke(channel)` is reachable from the page (design/style.md §7.2),
 * and event listeners receive the MonitorEvent only, never the IpcRendererEvent (which carries `sender`).
 *
 * Bundled to dist/electron/shell/preload.cjs by `npm run build:shell`: a sandboxed preload is CommonJS and can
 * require nothing but `electron`. Renderer side: renderer/api/ipc-backend.ts (`findBridge`).
 */

import { contextBridge, ipcRenderer } from 'electron';
import type { MonitorEvent } from '../../shared/api/admin-types.js';
import type { MonitorClient } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/result.js';
import { channelFor, EVENT_CHANNEL } from './channels.js';
import { PRELOAD_METHOD_NAMES } from './method-names.js';

/** What `window.monitor` is: the renderer's `MonitorBridge` (renderer/api/ipc-backend.ts). */
export type MonitorBridge = MonitorClient & {
  readonly onEvent: (listener: (event: MonitorEvent) => void) => () => void;
};

export const BRIDGE_KEY = 'monitor';

type Invoke = (channel: string, input: unknown) => Promise<unknown>;
type Subscribe = (listener: (event: MonitorEvent) => void) => () => void;

/** Builds the bridge over an invoke and a subscribe function (ipcRenderer's, or fakes in tests). */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): MonitorBridge {
  const bridge: Record<string, Record<string, (input?: unknown) => Promise<ApiResult<unknown>>> | Subscribe> = {};
  for (const name of PRELOAD_METHOD_NAMES) {
    const [namespace = '', fn = ''] = name.split('.');
    const channel = channelFor(name);
    const group = (bridge[namespace] ??= {}) as Record<string, (input?: unknown) => Promise<ApiResult<unknown>>>;
    group[fn] = (input?: unknown) =>
      // The main process answers with a result; a rejection (handler missing, window closing) becomes one too.
      (invoke(channel, input) as Promise<ApiResult<unknown>>).catch(
        (error: unknown): ApiResult<unknown> => ({ ok: false, error: { code: 'unavailable', message: `${name} failed: ${error instanceof Error ? error.message : String(error)}` } }),
      );
  }
  bridge.onEvent = (listener) => {
    if (typeof listener !== 'function') throw new TypeError('monitor.onEvent needs a function.');
    return subscribe(listener);
  };
  return bridge as unknown as MonitorBridge;
}

/** ipcRenderer's side of `monitor:event`, with the IpcRendererEvent dropped. */
const subscribeToEvents: Subscribe = (listener) => {
  const forward = (_event: unknown, payload: MonitorEvent): void => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  };
};

contextBridge.exposeInMainWorld(
  BRIDGE_KEY,
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input), subscribeToEvents),
);
