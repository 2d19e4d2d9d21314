/**
 * A shared clock for relative times ("12 s ago"): one timer for the whole page however many timestamps are shown.
 */

import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribeClock(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    timer = setInterval(() => {
      now = Date.now();
      for (const l of [...listeners]) l();
    }, 5_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, updated every 5 s (relative times are shown to the second only under a minute). */
export function useNow(): number {
  return useSyncExternalStore(subscribeClock, () => now);
}
