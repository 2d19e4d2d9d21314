/**
 * Low-level HTTP clients for hostile-input tests: node:http with exact methods, targets, headers and binary bodies
 * (fetch would normalise or refuse them), and node:net for bytes no HTTP client will send.
 */

import { request } from 'node:http';
import { connect } from 'node:net';

export interface HttpExchange {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface HttpAttempt {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

/**
 * One request on its own connection (no keep-alive reuse across a server-side close). A body always goes with its
 * Content-Length: node:http sends a GET or DELETE body without one, and the server then reads it as the next request.
 */
export function httpExchange(port: number, attempt: HttpAttempt): Promise<HttpExchange> {
  const headers = attempt.body === undefined ? attempt.headers : { ...attempt.headers, 'content-length': String(attempt.body.length) };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: attempt.method, path: attempt.target, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(attempt.body);
  });
}

export interface SocketExchange {
  /** Everything the server sent, as latin1 text. */
  readonly text: string;
  /** True when the server closed the connection; false when the safety bound cut it. */
  readonly closedByServer: boolean;
}

/**
 * Writes `chunks` to a fresh connection (waiting `gapMs` between them), then half-closes unless `keepOpen`, and
 * collects the reply until the server closes. `boundMs` is a safety net against a hung test, not an assertion.
 */
export function socketExchange(
  port: number,
  chunks: readonly (Buffer | string)[],
  options: { readonly gapMs?: number; readonly keepOpen?: boolean; readonly boundMs?: number } = {},
): Promise<SocketExchange> {
  const { gapMs = 0, keepOpen = false, boundMs = 10_000 } = options;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let cut = false;
    const bound = setTimeout(() => {
      cut = true;
      socket.destroy();
    }, boundMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined); // ECONNRESET after the server's answer is a close like any other
    socket.on('close', () => {
      clearTimeout(bound);
      resolve({ text: Buffer.concat(received).toString('latin1'), closedByServer: !cut });
    });
    void (async () => {
      for (const [i, chunk] of chunks.entries()) {
        if (socket.destroyed) return;
        if (i > 0 && gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        if (socket.destroyed) return;
        socket.write(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
      }
      if (!keepOpen && !socket.destroyed) socket.end();
    })();
  });
}

/** The status of the first response in a raw reply (`HTTP/1.1 400 Bad Request`), or null when nothing was answered. */
export function firstStatus(text: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3}) /.exec(text);
  return match ? Number(match[1]) : null;
}
