/**
 * `useLogSample(windowMs)`: the log rows of the last `windowMs`, for charts that need per-minute counts or
 * latency, kept current from `request-logged` events.
 *
 * Bounded on purpose. The MonitorApi has no per-minute aggregate and no latency percentiles (an API gap), and
 * paging the whole log to count would scale with the log (the budget is a 1,000,000-row log). So the sample is:
 * one `logs.list` window (`from` = now − windowMs), pages of 1,000 (the API's maximum), at most `maxPages` pages,
 * newest first; live rows are appended from events, never refetched. When the page cap cuts the window short,
 * `completeFrom` says from when the sample is whole, and the charts say so instead of showing a false zero.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogRow } from '../../shared/api/log-types.js';
import type { ApiError } from '../../shared/api/result.js';
import { getBackend } from '../api/client.js';
import { useConnection, useEvents } from './use-events.js';

const PAGE = 1_000;

export interface LogSample {
  /** Newest first. */
  readonly rows: readonly LogRow[];
  readonly loaded: boolean;
  readonly error: ApiError | undefined;
  /** Rows older than this may be missing (the page cap was hit); null when the whole window is in. */
  readonly completeFrom: number | null;
  readonly cap: number;
  reload(): void;
}

interface State {
  readonly rows: readonly LogRow[];
  readonly loaded: boolean;
  readonly completeFrom: number | null;
}

export function useLogSample(windowMs: number, maxPages = 5): LogSample {
  const cap = PAGE * maxPages;
  const [state, setState] = useState<State>({ rows: [], loaded: false, completeFrom: null });
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const ticket = useRef(0);
  const buffer = useRef<LogRow[]>([]);
  const frame = useRef<number | undefined>(undefined);
  const loadedRef = useRef(false);

  const load = useCallback(async () => {
    const mine = ++ticket.current;
    const from = Date.now() - windowMs;
    const rows: LogRow[] = [];
    let before: number | undefined;
    let more = false;
    for (let page = 0; page < maxPages; page++) {
      const result = await getBackend().call('logs.list', { from, limit: PAGE, ...(before === undefined ? {} : { before }) });
      if (mine !== ticket.current) return;
      if (!result.ok) return setError(result.error);
      rows.push(...result.value.rows);
      more = result.value.nextBefore !== null;
      if (!more) break;
      before = result.value.nextBefore ?? undefined;
    }
    setError(undefined);
    loadedRef.current = true;
    // Rows that arrived while the pages were on their way: keep those the pages do not have yet.
    const newest = rows[0]?.id ?? 0;
    const early = buffer.current.splice(0).filter((r) => r.id > newest);
    setState({ rows: [...early.reverse(), ...rows], loaded: true, completeFrom: more ? (rows.at(-1)?.ts ?? null) : null });
  }, [windowMs, maxPages]);

  useEffect(() => {
    void load();
  }, [load]);

  const flush = useCallback(() => {
    frame.current = undefined;
    if (!loadedRef.current) return;
    const incoming = buffer.current.splice(0);
    if (incoming.length === 0) return;
    setState((s) => {
      const newest = s.rows[0]?.id ?? 0;
      const fresh = incoming.filter((r) => r.id > newest).sort((a, b) => b.id - a.id);
      if (fresh.length === 0) return s;
      const rows = [...fresh, ...s.rows];
      if (rows.length <= cap) return { ...s, rows };
      const kept = rows.slice(0, cap);
      return { ...s, rows: kept, completeFrom: kept.at(-1)?.ts ?? null };
    });
  }, [cap]);

  // Events are batched per animation frame: at 200 requests/s that is a few renders per second, not 200.
  useEvents('request-logged', ({ row }) => {
    buffer.current.push(row);
    frame.current ??= requestAnimationFrame(flush);
  });
  useEffect(() => () => (frame.current === undefined ? undefined : cancelAnimationFrame(frame.current)), []);

  // Events sent while the stream was down are lost: load the window again.
  const { generation } = useConnection();
  const seen = useRef(generation);
  useEffect(() => {
    if (generation > 1 && generation !== seen.current) void load();
    seen.current = generation;
  }, [generation, load]);

  const reload = useCallback(() => void load(), [load]);
  return { rows: state.rows, loaded: state.loaded, error, completeFrom: state.completeFrom, cap, reload };
}
