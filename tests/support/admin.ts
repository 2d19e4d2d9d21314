/**
 * Helpers for talking to the admin server from tests: raw HTTP (to set Host, Origin and unnormalised paths that
 * fetch would rewrite), an SSE reader, and MonitorApi handlers for the namespaces a test does not exercise.
 */

import { request } from 'node:http';
import { METHOD_NAMES, type MonitorApiHandlers } from '../../shared/api/contract.js';
import { ApiFailure } from '../../shared/api/result.js';

export interface RawReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly json: any;
}

/** One request with exactly the given target and headers (node:http does not normalise `..` or rewrite Host). */
export function raw(port: number, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: target, headers, setHost: headers.host === undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

export interface SseClient {
  readonly status: number;
  /** Resolves with the next frame whose event name is `type`. */
  next(type: string, timeoutMs?: number): Promise<SseEvent>;
  /** Every comment line seen so far (heartbeats). */
  readonly comments: string[];
  close(): void;
}

/** Opens `GET url` as an event stream with fetch and parses frames as they arrive (Node 20 has no EventSource). */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const frames: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  if (response.ok && response.body) {
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line.slice(1).trim());
              else if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length > 0) frames.push({ event, data: data.join('\n') });
            for (const wake of [...waiters]) wake();
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  } else {
    await response.text().catch(() => undefined);
  }
  return {
    status: response.status,
    comments,
    next(type, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const index = frames.findIndex((frame) => frame.event === type);
          if (index < 0) return false;
          const [frame] = frames.splice(index, 1);
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(frame as SseEvent);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no "${type}" event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

/** Handlers that answer `unavailable` for every method; spread real namespaces over it. */
export function unavailableHandlers(): MonitorApiHandlers {
  const entries = METHOD_NAMES.map((name) => [
    name,
    () => {
      throw new ApiFailure('unavailable', `${name} is not part of this test.`);
    },
  ]);
  return Object.fromEntries(entries) as unknown as MonitorApiHandlers;
}
