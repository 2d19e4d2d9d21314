/**
 * The simulator's HTTP side: sends one SCIM request to the Tenant URL with the bearer token and honours `Retry-After`
 * on 429 the way Entra does — pause, then retry the same request, a bounded number of times (entra-behavior.md §4).
 */

import { setTimeout as delay } from 'node:timers/promises';
import type { Operation } from '../../shared/domain/operation.js';
import { SCIM_CONTENT_TYPE } from '../../shared/scim/constants.js';

export interface ClientOptions {
  /** The Tenant URL without query (`http://127.0.0.1:7643/scim/v2`); Entra appends `/Users`, `/Groups` (§1). */
  readonly base: string;
  readonly token: string;
  /** Per request; Entra publishes no number (§4), so this is ours. */
  readonly timeoutMs: number;
  /** Attempts per request when the answer is 429 (the first send included). */
  readonly maxAttempts: number;
  /** The longest Retry-After honoured; longer values are cut to this. */
  readonly maxRetryAfterMs: number;
  /** Called once per HTTP exchange, retries included (status 0 when no answer came). */
  readonly onRequest: (operation: Operation, method: string, status: number) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Stops the run: the next request (or a Retry-After wait) rejects with the signal's reason instead. */
  readonly signal?: AbortSignal;
}

export interface Reply {
  /** 0 when no HTTP answer came (timeout, reset): see `networkError`. */
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
  readonly attempts: number;
  readonly networkError?: { readonly code: 'Timeout' | 'WebExceptionProtocolError'; readonly message: string };
}

/** The target cannot be reached at all (refused, unknown host): the run stops with one clear message. */
export class TargetUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetUnreachableError';
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } }).cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3); missing or unreadable means one second. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === '') return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

export type ScimClient = (operation: Operation, method: string, pathAndQuery: string, body?: unknown) => Promise<Reply>;

export function scimClient(options: ClientOptions): ScimClient {
  const { signal } = options;
  const sleep = options.sleep ?? ((ms: number) => delay(ms, undefined, signal === undefined ? {} : { signal }));
  return async (operation, method, pathAndQuery, body) => {
    for (let attempt = 1; ; attempt += 1) {
      signal?.throwIfAborted();
      let response: Response;
      try {
        response = await fetch(`${options.base}${pathAndQuery}`, {
          method,
          headers: {
            authorization: `Bearer ${options.token}`,
            accept: SCIM_CONTENT_TYPE,
            'user-agent': 'provisioning-monitor-simulate',
            ...(body === undefined ? {} : { 'content-type': SCIM_CONTENT_TYPE }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: signal === undefined ? AbortSignal.timeout(options.timeoutMs) : AbortSignal.any([AbortSignal.timeout(options.timeoutMs), signal]),
        });
      } catch (error) {
        // A cancelled run is not a network failure of the target: nothing is recorded for it.
        signal?.throwIfAborted();
        const code = causeCode(error);
        if (code !== undefined && UNREACHABLE.has(code)) {
          throw new TargetUnreachableError(`Cannot reach ${options.base} (${code}). Is the listener running there (provisioning-monitor serve)?`);
        }
        options.onRequest(operation, method, 0);
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const message = timedOut ? `No answer within ${options.timeoutMs} ms.` : `The connection failed: ${code ?? (error instanceof Error ? error.message : String(error))}.`;
        return { status: 0, body: undefined, text: '', attempts: attempt, networkError: { code: timedOut ? 'Timeout' : 'WebExceptionProtocolError', message } };
      }
      const text = await response.text();
      options.onRequest(operation, method, response.status);
      if (response.status === 429 && attempt < options.maxAttempts) {
        await sleep(Math.min(retryAfterMs(response.headers.get('retry-after')), options.maxRetryAfterMs));
        continue;
      }
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, body: parsed, text, attempts: attempt };
    }
  };
}
