/**
 * The backend for the Electron window: the preload's `window.monitor` bridge.
 *
 * The bridge is the namespaced MonitorClient itself (`monitor.logs.list(q)`, design/style.md §6.3) plus one
 * subscription that returns its unsubscribe function. Nothing generic (no `invoke(channel)`) crosses the bridge.
 */

import type { MonitorEvent } from '../../shared/api/admin-types.js';
import type { MethodInput, MethodName, MonitorClient } from '../../shared/api/contract.js';
import { callThroughClient, type Backend } from './backend.js';

/** What the preload must expose as `window.monitor` for the renderer to use IPC instead of HTTP. */
export type MonitorBridge = MonitorClient & {
  readonly onEvent: (listener: (event: MonitorEvent) => void) => () => void;
};

/** The bridge when running in the desktop window; undefined in a browser tab. */
export function findBridge(): MonitorBridge | undefined {
  const candidate = (globalThis as { monitor?: Partial<MonitorBridge> }).monitor;
  return typeof candidate?.onEvent === 'function' && typeof candidate.status?.get === 'function' ? (candidate as MonitorBridge) : undefined;
}

export function ipcBackend(bridge: MonitorBridge): Backend {
  return {
    kind: 'ipc',
    client: bridge,
    call: <M extends MethodName>(method: M, input: MethodInput<M>) => callThroughClient(bridge, method, input),
    connectEvents(onEvent, onState) {
      // IPC cannot drop the way a network stream can: the window and the main process live and die together.
      onState('live');
      return bridge.onEvent(onEvent);
    },
  };
}
