/**
 * The headless app on a clock a test moves (real time plus an offset), so cycles 40 minutes apart and quarantine
 * silences of hours take no waiting; one fresh app per test, removed after it.
 */

import { afterEach } from 'vitest';
import { startTestApp, type TestApp } from './app.js';

export interface ClockedApp {
  /** Starts a fresh app with the clock back at real time. */
  start(): Promise<TestApp>;
  /** Moves the app's clock forward. */
  advance(ms: number): void;
}

/** Call at the top of a test file: registers the clean-up after each test. */
export function clockedApp(): ClockedApp {
  let app: TestApp | undefined;
  let offset = 0;
  afterEach(async () => {
    await app?.close({ remove: true });
    app = undefined;
  });
  return {
    async start() {
      offset = 0;
      app = await startTestApp({ now: () => Date.now() + offset });
      return app;
    },
    advance: (ms) => void (offset += ms),
  };
}

/** A MonitorApi call's value; an error result fails the test with its message. */
export async function apiValue<T>(app: TestApp, method: string, input?: unknown): Promise<T> {
  const result = await app.api(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}
