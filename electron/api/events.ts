/**
 * The MonitorApi's live events: one hub, fed by the listener and the trackers, read by every open UI
 * (SSE in a browser, IPC in the desktop window).
 */

import type { MonitorEvent } from '../../shared/api/admin-types.js';

export type EventListener = (event: MonitorEvent) => void;

export interface EventHub {
  publish(event: MonitorEvent): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void;
  readonly size: number;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // One broken subscriber (a closed socket) must not stop the others or the listener.
          console.error('provisioning-monitor: event subscriber failed:', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get size() {
      return listeners.size;
    },
  };
}
