/**
 * The monitor's status (`status.get`), shared by the status strip and any screen that needs the Tenant URL.
 *
 * Events keep it current between fetches: a logged request moves "last request" and the count at once, a health
 * or tunnel change is applied as it arrives; a throttled refetch then brings the computed fields (next cycle).
 */

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
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

const StatusContext = createContext<StatusValue>({ status: undefined, error: undefined, refetch: async () => undefined });

interface LivePatch {
  readonly lastRequestAt?: number;
  readonly extraRequests: number;
  readonly health?: Status['health'];
  readonly tunnel?: Status['tunnel'];
}

export function StatusProvider({ children }: { children: ReactNode }) {
  const { data, error, refetch } = useApi('status.get', undefined);
  const [patch, setPatch] = useState<{ base: Status | undefined; live: LivePatch }>({ base: undefined, live: { extraRequests: 0 } });
  // A fresh fetch supersedes everything learnt from events before it.
  const live = patch.base === data ? patch.live : { extraRequests: 0 };
  const update = useCallback((fn: (live: LivePatch) => LivePatch) => setPatch((p) => ({ base: data, live: fn(p.base === data ? p.live : { extraRequests: 0 }) })), [data]);

  useEvents('request-logged', (event) => update((l) => ({ ...l, lastRequestAt: Math.max(l.lastRequestAt ?? 0, event.row.ts), extraRequests: l.extraRequests + 1 })));
  useEvents('health-changed', (event) => update((l) => ({ ...l, health: event.health.state })));
  useEvents('tunnel-changed', (event) => update((l) => ({ ...l, tunnel: event.tunnel })));
  useRefreshOn(['request-logged', 'cycle-changed', 'health-changed', 'tunnel-changed'], refetch, 5_000);

  const status = useMemo<Status | undefined>(() => {
    if (data === undefined) return undefined;
    return {
      ...data,
      requestCount: data.requestCount + live.extraRequests,
      lastRequestAt: live.lastRequestAt === undefined ? data.lastRequestAt : Math.max(data.lastRequestAt ?? 0, live.lastRequestAt),
      health: live.health ?? data.health,
      tunnel: live.tunnel === undefined ? data.tunnel : live.tunnel,
    };
  }, [data, live]);

  const value = useMemo(() => ({ status, error, refetch }), [status, error, refetch]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export const useStatus = (): StatusValue => useContext(StatusContext);
