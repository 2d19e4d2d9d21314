/**
 * Reconnect pacing and the clock the manager runs on.
 *
 * Exponential backoff with a cap: a tunnel service that is down (or a laptop that is offline) is retried quickly
 * at first and then once a minute, without hammering the service or giving up on the admin's behalf.
 */

export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, factor: 2 };

/** Delay before the retry that follows `failures` consecutive failures (1 → initialMs, 2 → 2×, … capped). */
export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(options.maxMs, Math.round(options.initialMs * options.factor ** exponent));
}

/** Time and timers, injectable so tests step through a minute of backoff instantly and deterministically. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending retry must not keep a CLI or a test process alive on its own.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
