/**
 * `GET /api/events`: the event hub as Server-Sent Events (WHATWG HTML §9.2), one `event: <type>` frame per
 * MonitorEvent, so a browser's EventSource gets a named event per type (issue 3 item 6: live events).
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MonitorEvent } from '../../shared/api/admin-types.js';
import type { EventHub } from '../api/events.js';

/** A comment line every 15 s keeps idle proxies and the browser from timing the stream out. */
export const HEARTBEAT_MS = 15_000;
/** EventSource waits this long before reconnecting after the stream drops (the `retry:` field). */
const RETRY_MS = 2_000;
/**
 * A client that stops reading must not make the monitor buffer without bound: past this many unsent bytes the
 * stream is cut, and EventSource reconnects once the client is responsive again.
 */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** One SSE frame. JSON.stringify never emits a raw newline, so `data:` is always a single line. */
export const sseFrame = (event: MonitorEvent): string => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

export interface SseStreams {
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream (on server close, so it does not wait for browsers to hang up). */
  closeAll(): void;
  readonly size: number;
}

export function createSseStreams(hub: EventHub, heartbeatMs = HEARTBEAT_MS): SseStreams {
  const open = new Set<() => void>();
  return {
    open(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
        // Tells a reverse proxy (should someone put one in front) not to buffer the stream.
        'X-Accel-Buffering': 'no',
      });
      res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      let ended = false;
      const send = (text: string): void => {
        if (ended) return;
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          end();
          return;
        }
        res.write(text);
      };
      const unsubscribe = hub.subscribe((event) => send(sseFrame(event)));
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref();
      const end = (): void => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        if (!res.writableEnded) res.end();
        // A stream cut for back-pressure also drops the socket, so unsent frames are released now.
        if (!req.socket.destroyed) req.socket.destroy();
      };
      open.add(end);
      // The response's 'close' fires when the client hangs up; the request's own 'close' fires as soon as its
      // (empty) body is consumed on Node ≥ 16, so it cannot tell us the browser left.
      res.on('close', end);
      res.on('error', end);
    },
    closeAll() {
      for (const end of [...open]) end();
    },
    get size() {
      return open.size;
    },
  };
}
