/**
 * Keeps a query fresh from live events without hammering the monitor: at 200 requests/s a refetch per event
 * would be 200 queries/s, so refetches are throttled (first event at once, then at most one per interval).
 * Also refetches after the event stream reconnects, since events sent while it was down are lost.
 */

import { useEffect, useRef } from 'react';
import type { MonitorEventType } from '../../shared/api/admin-types.js';
import { subscribe } from '../api/event-hub.js';
import { useConnection } from './use-events.js';

export function useRefreshOn(types: readonly MonitorEventType[], refetch: () => unknown, intervalMs = 1_500): void {
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  const key = types.join(',');

  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = (): void => {
      last = Date.now();
      timer = undefined;
      refetchRef.current();
    };
    const onEvent = (): void => {
      if (timer !== undefined) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    };
    const unsubscribes = key.split(',').map((type) => subscribe(type as MonitorEventType, onEvent));
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [key, intervalMs]);

  const { generation } = useConnection();
  const seen = useRef(generation);
  useEffect(() => {
    // The first connection is not a *re*connection: the initial fetch already covers it.
    if (generation > 1 && generation !== seen.current) refetchRef.current();
    seen.current = generation;
  }, [generation]);
}
