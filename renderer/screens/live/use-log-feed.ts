/**
 * The Live list's data: keyset pages from `logs.list` (newest first, older pages on demand via the `before`
 * cursor) merged with rows pushed by `request-logged` events.
 *
 * Events are batched, at most one flush per FLUSH_MS, so 200 requests/s cost ten renders per second, not 200 (and
 * not 60: each flush shifts every visible row, which costs a layout and a repaint of the whole list).
 * `topInserted` counts rows ever added at the top; the table uses it to keep the viewport still.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogRow } from '../../../shared/api/log-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { getBackend } from '../../api/client.js';
import { useConnection, useEvents } from '../../hooks/use-events.js';
import { toListInput, type FilterQuery } from './filter-parse.js';
import { matchesFilter } from './filter-match.js';

const FIRST_PAGE = 100;
const OLDER_PAGE = 250;
/** Rows kept in memory; beyond it the oldest are dropped and become reachable again through the cursor. */
const MAX_ROWS = 50_000;
/** Rows held while paused; past this, Resume reloads from the newest instead. */
const MAX_PENDING = 5_000;
/** Shortest time between two flushes of arrived rows; the first row after a quiet spell is shown at once. */
const FLUSH_MS = 100;

export interface LogFeed {
  readonly rows: readonly LogRow[];
  readonly hasMore: boolean;
  readonly loaded: boolean;
  readonly loadingOlder: boolean;
  readonly error: ApiError | undefined;
  readonly topInserted: number;
  readonly listId: number;
  /** Rows that arrived while paused. */
  readonly pending: number;
  loadOlder(): void;
  reload(): void;
}

interface State {
  readonly rows: readonly LogRow[];
  readonly nextBefore: number | null;
  readonly loaded: boolean;
  readonly topInserted: number;
  /** Changes when the list is replaced (new filter, gap after a reconnect): the table scrolls to the top. */
  readonly listId: number;
}

const INITIAL: State = { rows: [], nextBefore: null, loaded: false, topInserted: 0, listId: 0 };

/** How far down the list a duplicate can hide: events and a page can overlap by at most one page. */
const DEDUPE_WINDOW = 1_000;
const newestFirst = (a: LogRow, b: LogRow): number => b.ts - a.ts || b.id - a.id;

/** Rows not yet in the list, added at the top (the server orders by time, then id; so do we). */
function prepend(state: State, incoming: readonly LogRow[]): State {
  const known = new Set(state.rows.slice(0, DEDUPE_WINDOW).map((row) => row.id));
  const fresh = incoming.filter((row) => !known.has(row.id)).sort(newestFirst);
  if (fresh.length === 0) return state;
  let rows = [...fresh, ...state.rows];
  let nextBefore = state.nextBefore;
  if (rows.length > MAX_ROWS) {
    rows = rows.slice(0, MAX_ROWS);
    nextBefore = rows.at(-1)?.id ?? null;
  }
  return { ...state, rows, nextBefore, topInserted: state.topInserted + fresh.length };
}

export function useLogFeed(query: FilterQuery, queryKey: string, paused: boolean): LogFeed {
  const [state, setState] = useState<State>(INITIAL);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [pending, setPending] = useState(0);
  const epoch = useRef(0); // bumps on every reset; answers from an older epoch are ignored
  const queryRef = useRef(query);
  queryRef.current = query;
  const buffer = useRef<LogRow[]>([]);
  const frame = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flushedAt = useRef(0);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const overflowed = useRef(false);

  const loadedRef = useRef(false);

  const loadHead = useCallback(async (merge: boolean) => {
    const ticket = merge ? epoch.current : ++epoch.current;
    if (!merge) {
      loadedRef.current = false;
      buffer.current = [];
      setState((s) => ({ ...INITIAL, topInserted: s.topInserted, listId: s.listId + 1 }));
    }
    const result = await getBackend().call('logs.list', toListInput(queryRef.current, { limit: FIRST_PAGE }));
    if (ticket !== epoch.current) return;
    if (!result.ok) return setError(result.error);
    setError(undefined);
    const page = result.value;
    // Rows whose events arrived while the page was on its way are merged now (duplicates are dropped by id).
    const early = pausedRef.current ? [] : buffer.current.splice(0);
    loadedRef.current = true;
    setState((s) => {
      const oldestOfPage = page.rows.at(-1)?.id ?? 0;
      // A merge whose page does not reach back to our newest row left a gap: start over from this page.
      const gap = merge && s.rows.length > 0 && page.nextBefore !== null && oldestOfPage > (s.rows[0]?.id ?? 0) + 1;
      const base = !merge || gap ? { rows: page.rows, nextBefore: page.nextBefore, loaded: true, topInserted: s.topInserted, listId: s.listId + (gap ? 1 : 0) } : prepend(s, page.rows);
      return prepend({ ...base, loaded: true }, early);
    });
  }, []);

  useEffect(() => {
    void loadHead(false);
  }, [queryKey, loadHead]);

  const flush = useCallback(() => {
    frame.current = undefined;
    flushedAt.current = performance.now();
    // Until the first page is in, events wait in the buffer; loadHead merges them.
    if (!loadedRef.current) return;
    const rows = buffer.current.splice(0);
    if (rows.length > 0) setState((s) => prepend(s, rows));
  }, []);

  useEvents('request-logged', ({ row }) => {
    if (!matchesFilter(row, queryRef.current)) return;
    buffer.current.push(row);
    if (pausedRef.current) {
      if (buffer.current.length > MAX_PENDING) {
        overflowed.current = true;
        buffer.current = [];
      }
      setPending((n) => n + 1);
      return;
    }
    frame.current ??= setTimeout(flush, Math.max(0, flushedAt.current + FLUSH_MS - performance.now()));
  });

  useEffect(() => {
    if (paused) return;
    setPending(0);
    if (overflowed.current) {
      overflowed.current = false;
      void loadHead(false);
    } else if (buffer.current.length > 0) {
      flush();
    }
  }, [paused, flush, loadHead]);

  useEffect(() => () => clearTimeout(frame.current), []);

  // Events sent while the stream was down are lost: fetch the head again and merge (or restart on a gap).
  const { generation } = useConnection();
  const seenGeneration = useRef(generation);
  useEffect(() => {
    if (generation > 1 && generation !== seenGeneration.current && !pausedRef.current) void loadHead(true);
    seenGeneration.current = generation;
  }, [generation, loadHead]);

  const loadOlder = useCallback(() => {
    const before = state.nextBefore;
    if (before === null || loadingOlder || !state.loaded) return;
    const ticket = epoch.current;
    setLoadingOlder(true);
    void getBackend()
      .call('logs.list', toListInput(queryRef.current, { before, limit: OLDER_PAGE }))
      .then((result) => {
        setLoadingOlder(false);
        if (ticket !== epoch.current) return;
        if (!result.ok) return setError(result.error);
        setState((s) => {
          if (s.nextBefore !== before) return s; // another load already moved the cursor
          const oldest = s.rows.at(-1)?.id ?? Infinity;
          return { ...s, rows: [...s.rows, ...result.value.rows.filter((r) => r.id < oldest)], nextBefore: result.value.nextBefore };
        });
      });
  }, [state.nextBefore, state.loaded, loadingOlder]);

  const reload = useCallback(() => void loadHead(false), [loadHead]);

  return { rows: state.rows, hasMore: state.nextBefore !== null, loaded: state.loaded, loadingOlder, error, topInserted: state.topInserted, listId: state.listId, pending, loadOlder, reload };
}
