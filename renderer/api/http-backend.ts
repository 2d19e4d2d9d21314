/**
 * The backend for a browser tab: MonitorApi calls as `POST /api/<method>` and events over SSE, both same-origin
 * with the HttpOnly session cookie (shared/api/http-transport.ts, electron/admin/).
 */

import { createClient, type MethodInput, type MethodName, type MethodOutput } from '../../shared/api/contract.js';
import { httpTransport } from '../../shared/api/http-transport.js';
import type { ApiResult } from '../../shared/api/result.js';
import type { Backend } from './backend.js';
import { connectSse } from './sse.js';

/** `baseUrl` is empty: the UI is served by the admin server it talks to (or proxied to it by `npm run dev:ui`). */
export function httpBackend(baseUrl = ''): Backend {
  const transport = httpTransport(baseUrl);
  return {
    kind: 'http',
    client: createClient(transport),
    call: <M extends MethodName>(method: M, input: MethodInput<M>) => transport(method, input) as Promise<ApiResult<MethodOutput<M>>>,
    connectEvents: (onEvent, onState) => connectSse(baseUrl, onEvent, onState),
  };
}
