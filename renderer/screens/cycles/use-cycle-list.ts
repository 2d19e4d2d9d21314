/**
 * The cycle list's data: keyset pages of `cycles.list` (newest first; "Load older" passes the smallest id as
 * `before`) kept current by `cycle-changed` events, which carry the whole summary, so a running cycle's counters
 * move without a refetch and a new cycle appears at the top.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CycleSummary } from '../../../shared/api/provisioning-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { getBackend } from '../../api/client.js';
import { useConnection, useEvents } from '../../hooks/use-events.js';

export const CYCLE_PAGE = 25;

export interface CycleList {
  readonly rows: readonly CycleSummary[];
  readonly loaded: boolean;
  readonly hasMore: boolean;
  readonly loadingOlder: boolean;
  readonly error: ApiError | undefined;
  loadOlder(): void;
  reload(): void;
}

/**
 * Merges by id (newer data wins) and keeps the list newest first. Only the newest cycle can still be running, and
 * no event says so when a new one starts, so every older row is marked finished here.
 */
function merge(rows: readonly CycleSummary[], incoming: readonly CycleSummary[]): CycleSummary[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of incoming) byId.set(r.id, r);
  const sorted = [...byId.values()].sort((a, b) => b.id - a.id);
  return sorted.map((r, i) => (i > 0 && r.open ? { ...r, open: false } : r));
}

export function useCycleList(): CycleList {
  const [rows, setRows] = useState<readonly CycleSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [hasMore, setHasMore] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const ticket = useRef(0);
  const loadedRef = useRef(false);

  const loadHead = useCallback(async () => {
    const mine = ++ticket.current;
    const result = await getBackend().call('cycles.list', { limit: CYCLE_PAGE });
    if (mine !== ticket.current) return;
    if (!result.ok) return setError(result.error);
    setError(undefined);
    // A head reload keeps older pages already shown: they do not change once their cycle has ended.
    setRows((current) => merge(current, result.value));
    if (!loadedRef.current) setHasMore(result.value.length === CYCLE_PAGE);
    loadedRef.current = true;
    setLoaded(true);
  }, []);

  useEffect(() => {
    void loadHead();
  }, [loadHead]);

  useEvents('cycle-changed', ({ cycle }) => setRows((current) => merge(current, [cycle])));

  const { generation } = useConnection();
  const seen = useRef(generation);
  useEffect(() => {
    if (generation > 1 && generation !== seen.current) void loadHead();
    seen.current = generation;
  }, [generation, loadHead]);

  const oldest = rows.at(-1)?.id;
  const loadOlder = useCallback(() => {
    if (oldest === undefined || loadingOlder) return;
    setLoadingOlder(true);
    void getBackend()
      .call('cycles.list', { before: oldest, limit: CYCLE_PAGE })
      .then((result) => {
        setLoadingOlder(false);
        if (!result.ok) return setError(result.error);
        setRows((current) => merge(current, result.value));
        setHasMore(result.value.length === CYCLE_PAGE);
      });
  }, [oldest, loadingOlder]);

  const reload = useCallback(() => void loadHead(), [loadHead]);
  return { rows, loaded, hasMore, loadingOlder, error, loadOlder, reload };
}
