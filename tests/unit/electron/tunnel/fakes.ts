/**
 * A hand-driven clock and a scripted provider, so manager tests step through minutes of backoff instantly.
 */

import type { Clock } from '../../../../electron/tunnel/backoff.js';
import { TunnelError, type TunnelProvider, type TunnelSession, type TunnelTarget } from '../../../../electron/tunnel/types.js';

/** Lets pending promise callbacks run (the manager reacts to provider promises). */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface FakeClock extends Clock {
  /** Moves time forward, firing due timers in order and letting promises settle after each. */
  advance(ms: number): Promise<void>;
  pending(): number;
}

export function fakeClock(start = 1_000_000): FakeClock {
  let time = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => time,
    setTimeout(callback, ms) {
      nextId += 1;
      timers.set(nextId, { at: time + ms, callback });
      return nextId;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    pending: () => timers.size,
    async advance(ms) {
      const end = time + ms;
      await flush();
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].callback();
        await flush();
      }
      time = end;
      await flush();
    },
  };
}

/** What one `open` call does: come online at a URL, fail, or never answer (until aborted). */
export type Step = { url: string } | { error: Error } | 'hang';

export interface FakeSession extends TunnelSession {
  /** Simulates the provider's connection dropping. */
  drop(reason?: Error): void;
  closedByManager: boolean;
}

export interface ScriptedProvider extends TunnelProvider {
  readonly targets: TunnelTarget[];
  readonly sessions: FakeSession[];
  /** How many `open` calls ended because the manager aborted them. */
  aborted: number;
}

export function scriptedProvider(steps: Step[], name: TunnelProvider['name'] = 'localtunnel'): ScriptedProvider {
  const provider: ScriptedProvider = {
    name,
    targets: [],
    sessions: [],
    aborted: 0,
    open(target, signal) {
      provider.targets.push(target);
      const step = steps.shift() ?? { error: new TunnelError('no more scripted steps', true) };
      if (step === 'hang') {
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            provider.aborted += 1;
            reject(signal.reason as Error);
          }),
        );
      }
      if ('error' in step) return Promise.reject(step.error);
      let resolveClosed: (reason: Error | undefined) => void = () => undefined;
      const session: FakeSession = {
        publicUrl: step.url,
        closed: new Promise((resolve) => (resolveClosed = resolve)),
        closedByManager: false,
        drop: (reason) => resolveClosed(reason ?? new TunnelError('connection dropped', true)),
        async close() {
          session.closedByManager = true;
          resolveClosed(undefined);
        },
      };
      provider.sessions.push(session);
      return Promise.resolve(session);
    },
  };
  return provider;
}
