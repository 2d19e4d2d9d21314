/**
 * The monitor's status (`status.get`), shared by the status strip and any screen that needs the Tenant URL.
 *
 * Events keep it current between fetches: a logged request moves "last request" and the count at once, a health
 * or tunnel change is applied as it arrives; a throttled refetch then brings the computed fields (next cycle).
 */

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Status } from '../../shared/api/admin-types.js';
import type { ApiError } from '../../shared/api/result.js';
import { useApi } from '../hooks/use-api.js';
import { useEvents } from '../hooks/use-events.js';
import { useRefreshOn } from '../hooks/use-refresh-on.js';

export interface StatusValue {
  readonly status: Status | undefined;
  readonly error: ApiError | undefined;
  readonly refetch: () => Promise<void>;
}

/** Live request events are folded into the status at most this often. */
const FOLD_MS = 250;

const StatusContext = createContext<StatusValue>({ status: undefined, error: undefined, refetch: async () => undefined });

interface LivePatch {
  readonly lastRequestAt?: number;
  readonly extraRequests: number;
  readonly health?: Status['health'];
  readonly tunnel?: Status['tunnel'];
  readonly faults?: Status['faults'];
}

export function StatusProvider({ children }: { children: ReactNode }) {
  const { data, error, refetch } = useApi('status.get', undefined);
  const [patch, setPatch] = useState<{ base: Status | undefined; live: LivePatch }>({ base: undefined, live: { extraRequests: 0 } });
  // A fresh fetch supersedes everything learnt from events before it.
  const live = patch.base === data ? patch.live : { extraRequests: 0 };
  const update = useCallback((fn: (live: LivePatch) => LivePatch) => setPatch((p) => ({ base: data, live: fn(p.base === data ? p.live : { extraRequests: 0 }) })), [data]);

  // At 200 requests/s an update per event would re-render every status consumer (the Live screen among them) 200
  // times a second; the strip shows "last request" to the second, so events are folded in at most 4 times a second.
  const held = useRef<{ count: number; last: number; flushedAt: number; timer?: ReturnType<typeof setTimeout> }>({ count: 0, last: 0, flushedAt: 0 });
  const updateRef = useRef(update);
  updateRef.current = update;
  useEffect(() => () => clearTimeout(held.current.timer), []);
  useEvents('request-logged', (event) => {
    const h = held.current;
    h.count += 1;
    h.last = Math.max(h.last, event.row.ts);
    if (h.timer !== undefined) return;
    const flush = (): void => {
      const { count, last } = h;
      Object.assign(h, { count: 0, last: 0, flushedAt: Date.now(), timer: undefined });
      updateRef.current((l) => ({ ...l, lastRequestAt: Math.max(l.lastRequestAt ?? 0, last), extraRequests: l.extraRequests + count }));
    };
    const wait = h.flushedAt + FOLD_MS - Date.now();
    if (wait <= 0) flush();
    else h.timer = setTimeout(flush, wait);
  });
  useEvents('health-changed', (event) => update((l) => ({ ...l, health: event.health.state })));
  useEvents('tunnel-changed', (event) => update((l) => ({ ...l, tunnel: event.tunnel })));
  // Turning fault rules on or off shows in the strip at once, on every open UI (a forgotten rule quarantines a job).
  useEvents('faults-changed', ({ faults }) =>
    update((l) => ({ ...l, faults: { active: faults.active, total: faults.rules.length, source: faults.source, file: faults.file } })),
  );
  useRefreshOn(['request-logged', 'cycle-changed', 'health-changed', 'tunnel-changed'], refetch, 5_000);

  const status = useMemo<Status | undefined>(() => {
    if (data === undefined) return undefined;
    return {
      ...data,
      requestCount: data.requestCount + live.extraRequests,
      lastRequestAt: live.lastRequestAt === undefined ? data.lastRequestAt : Math.max(data.lastRequestAt ?? 0, live.lastRequestAt),
      health: live.health ?? data.health,
      tunnel: live.tunnel === undefined ? data.tunnel : live.tunnel,
      ...(live.faults === undefined ? {} : { faults: live.faults }),
    };
  }, [data, live]);

  const value = useMemo(() => ({ status, error, refetch }), [status, error, refetch]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export const useStatus = (): StatusValue => useContext(StatusContext);
