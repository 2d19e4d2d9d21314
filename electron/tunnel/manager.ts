/**
 * Keeps one tunnel alive for the SCIM listener: start, stop, status, reconnect with backoff, self-probe, and the
 * "update the Tenant URL in Entra" signal when the public URL changes.
 *
 * Providers only know how to open a tunnel once; everything about staying up lives here, so the four providers
 * behave the same in the status strip and in `serve`'s output.
 */

import { backoffDelay, DEFAULT_BACKOFF, systemClock, type BackoffOptions, type Clock } from './backoff.js';
import { createProbe, type Probe } from './probe.js';
import { flaggedTenantUrlOf, tenantUrlOf, TunnelError, type TunnelEvent, type TunnelProvider, type TunnelSession, type TunnelStatus, type TunnelTarget } from './types.js';

export interface TunnelManagerOptions {
  readonly provider: TunnelProvider;
  /** The SCIM listener's address. Nothing else is ever handed to a provider. */
  readonly target: TunnelTarget;
  readonly backoff?: Partial<BackoffOptions>;
  /** Consecutive failed attempts before giving up with `failed`; by default it keeps trying (capped backoff). */
  readonly maxAttempts?: number;
  /** An attempt that has not come online by then is abandoned and retried. */
  readonly connectTimeoutMs?: number;
  /** `false` skips the self-probe (unit tests); the default GETs the public ServiceProviderConfig. */
  readonly probe?: Probe | false;
  readonly clock?: Clock;
}

export interface TunnelManager {
  readonly provider: TunnelProvider['name'];
  /** The one address the tunnel forwards to: the SCIM listener. */
  readonly target: TunnelTarget;
  status(): TunnelStatus;
  /** Starts (idempotent); resolves with the status once the first attempt has settled (online, reconnecting, failed). */
  start(): Promise<TunnelStatus>;
  /** Closes the tunnel and cancels any pending retry; the status becomes `stopped`. */
  stop(): Promise<void>;
  /** Probes the public URL again (a "Check again" button) when online; resolves with the resulting status. */
  recheck(): Promise<TunnelStatus>;
  /** Every status change and `tenant-url-changed`; returns the unsubscribe function. */
  subscribe(listener: (event: TunnelEvent) => void): () => void;
}

export const TENANT_URL_CHANGED_MESSAGE = 'The public URL changed: update the Tenant URL in Entra (Provisioning → Admin Credentials), then Test Connection.';

export function createTunnelManager(options: TunnelManagerOptions): TunnelManager {
  const { provider, target } = options;
  const clock = options.clock ?? systemClock;
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  const connectTimeoutMs = options.connectTimeoutMs ?? 30_000;
  const probe = options.probe === false ? undefined : (options.probe ?? createProbe());
  const listeners = new Set<(event: TunnelEvent) => void>();

  let status: TunnelStatus = { state: 'stopped' };
  // Bumped by every start and stop: callbacks from an older run see a different number and do nothing.
  let run = 0;
  let running = false;
  let session: TunnelSession | undefined;
  let abortAttempt: AbortController | undefined;
  let attemptSettled: Promise<void> = Promise.resolve();
  let retryTimer: unknown;
  let failures = 0;
  // Survives stop/start: Entra still holds the last URL it was given, so any new URL must be flagged.
  let lastPublicUrl: string | undefined;
  let settleFirst: ((status: TunnelStatus) => void) | undefined;
  let firstSettled: Promise<TunnelStatus> = Promise.resolve(status);

  const emit = (event: TunnelEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('provisioning-monitor: a tunnel status listener failed:', error);
      }
    }
  };
  const set = (next: TunnelStatus): void => {
    status = next;
    emit({ type: 'status', status: next });
    if (next.state !== 'connecting' && settleFirst !== undefined) {
      settleFirst(next);
      settleFirst = undefined;
    }
  };
  const wording = (error: unknown): string =>
    error instanceof TunnelError ? error.message : `${provider.name} could not connect: ${error instanceof Error ? error.message : String(error)}`;

  function attempt(current: number, number: number): void {
    set({ state: 'connecting', provider: provider.name, attempt: number });
    const abort = new AbortController();
    abortAttempt = abort;
    const timer = clock.setTimeout(() => {
      abort.abort(new TunnelError(`${provider.name} did not come online within ${Math.round(connectTimeoutMs / 1000)} s.`, true));
    }, connectTimeoutMs);
    // Called inside an async function so that a provider throwing synchronously still becomes a rejection.
    const opening = (async () => provider.open(target, abort.signal))();
    // Whatever the provider does with the signal, the manager moves on when it fires; a session that still turns
    // up afterwards is closed so that no tunnel is left open behind the status.
    const aborted = new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(abort.signal.reason as Error), { once: true }));
    attemptSettled = Promise.race([opening, aborted]).then(
      (opened) => {
        clock.clearTimeout(timer);
        if (current !== run) return void opened.close().catch(() => undefined);
        online(current, opened);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        opening.then((late) => late.close(), () => undefined).catch(() => undefined);
        if (current !== run) return;
        failed(current, number, error);
      },
    );
  }

  function online(current: number, opened: TunnelSession): void {
    failures = 0;
    session = opened;
    const publicUrl = opened.publicUrl.replace(/\/+$/, '');
    if (lastPublicUrl !== undefined && lastPublicUrl !== publicUrl) {
      emit({ type: 'tenant-url-changed', previousTenantUrl: tenantUrlOf(lastPublicUrl), tenantUrl: tenantUrlOf(publicUrl), message: TENANT_URL_CHANGED_MESSAGE });
    }
    lastPublicUrl = publicUrl;
    set({
      state: 'online',
      provider: provider.name,
      publicUrl,
      tenantUrl: tenantUrlOf(publicUrl),
      tenantUrlAadOptscim062020: flaggedTenantUrlOf(publicUrl),
      since: clock.now(),
      probe: probe === undefined ? { state: 'skipped' } : { state: 'pending' },
    });
    void runProbe(current, opened);
    void opened.closed.then((reason) => {
      if (current !== run || session !== opened) return;
      session = undefined;
      // Release what is left of it (an ngrok listener, a localtunnel client) before a new one takes the URL.
      void opened.close().catch(() => undefined);
      failures = 1;
      retryLater(current, 1, reason?.message ?? `The ${provider.name} tunnel closed.`);
    });
  }

  async function runProbe(current: number, opened: TunnelSession): Promise<void> {
    if (probe === undefined) return;
    const result = await probe(opened.publicUrl);
    if (current === run && session === opened && status.state === 'online') set({ ...status, probe: result });
  }

  function failed(current: number, number: number, error: unknown): void {
    failures += 1;
    const message = wording(error);
    if (error instanceof TunnelError && !error.retryable) return giveUp(message);
    if (number >= maxAttempts) return giveUp(`${message} (gave up after ${number} attempts)`);
    retryLater(current, number + 1, message);
  }

  function giveUp(message: string): void {
    running = false;
    set({ state: 'failed', provider: provider.name, error: message });
  }

  function retryLater(current: number, number: number, lastError: string): void {
    const delay = backoffDelay(failures, backoff);
    retryTimer = clock.setTimeout(() => {
      retryTimer = undefined;
      if (current === run) attempt(current, number);
    }, delay);
    set({ state: 'reconnecting', provider: provider.name, attempt: number, lastError, nextAttemptAt: clock.now() + delay });
  }

  return {
    provider: provider.name,
    target,
    status: () => status,
    start() {
      if (running) return firstSettled;
      running = true;
      run += 1;
      failures = 0;
      firstSettled = new Promise((resolve) => (settleFirst = resolve));
      attempt(run, 1);
      return firstSettled;
    },
    async stop() {
      if (status.state === 'stopped') return;
      const stopping = (run += 1);
      running = false;
      if (retryTimer !== undefined) clock.clearTimeout(retryTimer);
      retryTimer = undefined;
      const open = session;
      session = undefined;
      abortAttempt?.abort(new TunnelError('Stopped.', false));
      await attemptSettled;
      await open?.close().catch(() => undefined);
      // A start() during the awaits above owns the status now.
      if (run === stopping) set({ state: 'stopped' });
    },
    async recheck() {
      if (session !== undefined) await runProbe(run, session);
      return status;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
