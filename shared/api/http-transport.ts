/**
 * The browser side of the MonitorApi over HTTP + SSE (headless mode, e2e tests): a Transport for createClient and
 * an event subscription. It touches fetch and EventSource only through structural types, so shared/ stays free of
 * the DOM lib and of node:* and typechecks in both tsconfig.node.json and tsconfig.web.json.
 */

import type { MonitorEvent, MonitorEventType } from './admin-types.js';
import { API_PREFIX, EVENTS_PATH } from './admin-http.js';
import type { MethodName, Transport } from './contract.js';
import { fail, type ApiErrorCode, type ApiResult } from './result.js';

interface FetchResponseLike {
  readonly status: number;
  text(): Promise<string>;
}
type FetchLike = (url: string, init: { method: 'POST'; credentials: 'same-origin'; headers: Record<string, string>; body?: string }) => Promise<FetchResponseLike>;

export interface HttpTransportOptions {
  /** Defaults to the global fetch; tests under Node pass their own. */
  readonly fetch?: FetchLike;
  /** Extra headers, e.g. `Authorization: Bearer <admin key>` for scripts that have no session cookie. */
  readonly headers?: Readonly<Record<string, string>>;
}

const isResult = (value: unknown): value is ApiResult<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/** What an HTTP status means when the body is not a result (a proxy, a crash, an old server). */
function codeForStatus(status: number): ApiErrorCode {
  if (status === 401 || status === 403 || status === 421) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 400 || status === 413 || status === 415) return 'invalid-argument';
  if (status === 503) return 'unavailable';
  return 'internal';
}

/**
 * A Transport posting each call to `baseUrl + /api/<method>`.
 *
 * `credentials: 'same-origin'` sends the HttpOnly session cookie; the server answers every call with an ApiResult,
 * and anything else (network failure, foreign body) becomes one here, so callers never see an exception.
 */
export function httpTransport(baseUrl = '', options: HttpTransportOptions = {}): Transport {
  return async (method: MethodName, input: unknown) => {
    const fetchFn = options.fetch ?? (globalThis as unknown as { fetch: FetchLike }).fetch;
    let response: FetchResponseLike;
    try {
      response = await fetchFn(baseUrl + API_PREFIX + method, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...options.headers },
        ...(input === undefined ? {} : { body: JSON.stringify(input) }),
      });
    } catch (error) {
      return fail('unavailable', `The monitor did not answer (${error instanceof Error ? error.message : String(error)}).`);
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined;
    }
    if (isResult(body)) return body;
    return fail(codeForStatus(response.status), `The monitor answered HTTP ${response.status} to ${method}.`);
  };
}

/** Every event type, so the subscription can listen for each named SSE event; the Record makes it exhaustive. */
const EVENT_TYPES: Readonly<Record<MonitorEventType, true>> = {
  'request-logged': true,
  'cycle-changed': true,
  'health-changed': true,
  'tunnel-changed': true,
  'export-progress': true,
  'faults-changed': true,
  'simulate-progress': true,
};
export const MONITOR_EVENT_TYPES = Object.keys(EVENT_TYPES) as MonitorEventType[];

interface EventSourceLike {
  addEventListener(type: string, listener: (event: { readonly data?: unknown }) => void): void;
  close(): void;
}
type EventSourceCtor = new (url: string, init?: { withCredentials?: boolean }) => EventSourceLike;

export interface SubscribeOptions {
  /** Defaults to the global EventSource (browsers; Node 20 has none). */
  readonly EventSource?: EventSourceCtor;
  /** Called on connection errors; EventSource reconnects by itself after them. */
  readonly onError?: () => void;
}

/**
 * Subscribes to the monitor's live events over SSE; returns the function that unsubscribes.
 *
 * EventSource reconnects on its own (the server sends `retry:`), and being same-origin it carries the session cookie.
 */
export function subscribeEvents(baseUrl: string, onEvent: (event: MonitorEvent) => void, options: SubscribeOptions = {}): () => void {
  const Ctor = options.EventSource ?? (globalThis as unknown as { EventSource?: EventSourceCtor }).EventSource;
  if (Ctor === undefined) throw new Error('EventSource is not available in this environment.');
  const source = new Ctor(baseUrl + EVENTS_PATH);
  for (const type of MONITOR_EVENT_TYPES) {
    source.addEventListener(type, (event) => {
      if (typeof event.data !== 'string') return;
      let parsed: MonitorEvent;
      try {
        parsed = JSON.parse(event.data) as MonitorEvent;
      } catch {
        return; // a malformed frame (never sent by our server) is dropped rather than breaking the subscription
      }
      onEvent(parsed);
    });
  }
  if (options.onError) source.addEventListener('error', () => options.onError?.());
  return () => source.close();
}
