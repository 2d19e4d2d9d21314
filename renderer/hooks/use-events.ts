/**
 * Live events: `useEvents(type, handler)` runs the handler for each event of that type while mounted, and
 * `useConnection()` gives the stream's state for the connection dot.
 */

import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { MonitorEvent, MonitorEventType } from '../../shared/api/admin-types.js';
import { getConnection, subscribe, subscribeConnection, type ConnectionSnapshot } from '../api/event-hub.js';

type EventOf<T extends MonitorEventType> = Extract<MonitorEvent, { type: T }>;

export function useEvents<T extends MonitorEventType>(type: T, handler: (event: EventOf<T>) => void): void {
  // The latest handler is called without resubscribing on every render.
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => subscribe(type, (event) => ref.current(event as EventOf<T>)), [type]);
}

export function useConnection(): ConnectionSnapshot {
  return useSyncExternalStore(subscribeConnection, getConnection);
}
