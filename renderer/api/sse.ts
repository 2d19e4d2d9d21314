/**
 * The live event stream over Server-Sent Events, with a visible connection state.
 *
 * shared/api/http-transport.ts has `subscribeEvents`, but it reports neither "open" nor the difference between a
 * drop EventSource retries by itself and a refusal it never retries (401 after the monitor restarted, 5xx). The
 * status dot needs both, so this wraps EventSource directly and reconnects with backoff after a refusal.
 */

import { EVENTS_PATH } from '../../shared/api/admin-http.js';
import type { MonitorEvent } from '../../shared/api/admin-types.js';
import { MONITOR_EVENT_TYPES } from '../../shared/api/http-transport.js';
import type { ConnectionState } from './backend.js';

const MAX_BACKOFF_MS = 15_000;
/** After this many refused attempts in a row the dot says "offline"; attempts continue at the slowest pace. */
const OFFLINE_AFTER = 6;

export function connectSse(baseUrl: string, onEvent: (event: MonitorEvent) => void, onState: (state: ConnectionState) => void): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let closed = false;
  let everOpened = false;

  const open = (): void => {
    if (closed) return;
    const current = new EventSource(baseUrl + EVENTS_PATH);
    source = current;
    current.addEventListener('open', () => {
      failures = 0;
      everOpened = true;
      onState('live');
    });
    current.addEventListener('error', () => {
      if (closed) return;
      if (current.readyState === EventSource.CONNECTING) {
        onState('reconnecting'); // EventSource retries on its own after the server's `retry:` delay
        return;
      }
      // CLOSED: the server refused the stream; EventSource will not retry, so we do, backing off.
      current.close();
      failures += 1;
      onState(failures >= OFFLINE_AFTER ? 'offline' : everOpened ? 'reconnecting' : 'connecting');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 5));
      timer = setTimeout(open, delay);
    });
    for (const type of MONITOR_EVENT_TYPES) {
      current.addEventListener(type, (event: MessageEvent<unknown>) => {
        if (typeof event.data !== 'string') return;
        try {
          onEvent(JSON.parse(event.data) as MonitorEvent);
        } catch {
          // A malformed frame (our server never sends one) is dropped rather than ending the stream.
        }
      });
    }
  };

  onState('connecting');
  open();
  return () => {
    closed = true;
    if (timer !== undefined) clearTimeout(timer);
    source?.close();
  };
}
