/**
 * What the renderer needs from "the monitor", whichever process it lives in: typed calls and a live event stream.
 *
 * Two implementations exist: HTTP + SSE for a browser tab (headless `serve`, e2e tests) and the Electron preload
 * bridge. Screens never see which one backs them; they go through hooks that go through `getBackend()`.
 */

import type { MonitorEvent } from '../../shared/api/admin-types.js';
import type { MethodInput, MethodName, MethodOutput, MonitorClient } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/result.js';

/** `live`: events flow. `connecting`: first attempt. `reconnecting`: dropped, retrying. `offline`: given up. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface Backend {
  readonly kind: 'http' | 'ipc';
  /** The namespaced client (`client.logs.list(query)`), for code that prefers it over `call`. */
  readonly client: MonitorClient;
  /** One call by method name; resolves to a result, never throws. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  /** Opens the event stream; returns the function that closes it. Called once per page by the event hub. */
  connectEvents(onEvent: (event: MonitorEvent) => void, onState: (state: ConnectionState) => void): () => void;
}

/** Calls `client[namespace][fn]` for a `namespace.fn` method name. */
export function callThroughClient<M extends MethodName>(client: MonitorClient, method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
  const [namespace = '', fn = ''] = method.split('.');
  const group = (client as unknown as Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>>)[namespace];
  const target = group?.[fn];
  if (target === undefined) {
    return Promise.resolve({ ok: false, error: { code: 'not-found', message: `The monitor has no method ${method}.` } });
  }
  return target(input) as Promise<ApiResult<MethodOutput<M>>>;
}
