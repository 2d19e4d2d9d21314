/**
 * Live (screens.md Screen 2): every request as it arrives, in Entra's words, with a detail pane.
 *
 * The route carries the state worth a link: `#/live/<id>?q=<filter>` opens request <id> with that filter.
 */

import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { href, navigate } from '../../app/router.js';
import { useScreenReady } from '../../app/screen-ready.js';
import type { ScreenProps } from '../../app/screens.js';
import { useStatus } from '../../app/status-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ResizeHandle, usePaneWidth } from '../../components/resize-handle.js';
import { VirtualTable } from '../../components/virtual-table.js';
import { WaitingForEntra } from '../../components/waiting-for-entra.js';
import { DetailPane } from './detail-pane.js';
import { FilterBar } from './filter-bar.js';
import { describeFilter } from './filter-echo.js';
import { isEmptyFilter } from './filter-match.js';
import { parseFilter } from './filter-parse.js';
import { indexOfId, LOG_COLUMNS } from './log-columns.js';
import { LiveToolbar } from './live-toolbar.js';
import { useLogFeed } from './use-log-feed.js';

export function LiveScreen({ route }: ScreenProps) {
  const filterText = route.query.q ?? '';
  const parsed = useMemo(() => parseFilter(filterText), [filterText]);
  const query = parsed.errors.length > 0 ? {} : parsed.query;
  const queryKey = JSON.stringify(query);
  const openId = route.params[0] !== undefined && /^\d+$/.test(route.params[0]) ? Number(route.params[0]) : null;

  const [follow, setFollow] = useState(true);
  const [paused, setPaused] = useState(false);
  const [cursor, setCursor] = useState<number | null>(openId);
  const feed = useLogFeed(query, queryKey, paused);
  const { status } = useStatus();
  const [paneWidth, setPaneWidth] = usePaneWidth('pm.live.paneWidth', 560, 380, 1000);
  const tableRef = useRef<HTMLDivElement>(null);
  useScreenReady(feed.loaded);

  // Rows that arrived above the viewport since following stopped: the "N new" pill.
  const [followOffAt, setFollowOffAt] = useState(0);
  const unseen = follow ? 0 : feed.topInserted - followOffAt;
  const changeFollow = useCallback(
    (next: boolean) => {
      setFollow(next);
      if (!next) setFollowOffAt(feed.topInserted);
    },
    [feed.topInserted],
  );

  const go = useCallback((id: number | null, replace: boolean) => navigate(href('live', id === null ? [] : [id], { q: filterText }), { replace }), [filterText]);
  const open = useCallback((id: number) => go(id, openId !== null), [go, openId]);
  const onCursor = useCallback(
    (id: number) => {
      setCursor(id);
      if (openId !== null) go(id, true); // with the pane open, it follows the selection
    },
    [go, openId],
  );
  const close = useCallback(() => {
    go(null, true);
    tableRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, [go]);
  // A replay just logged opens in the pane as a new history entry, so Back returns to its original.
  const select = useCallback(
    (id: number) => {
      setCursor(id);
      go(id, false);
    },
    [go],
  );
  const hrefFor = useCallback((id: number) => href('live', [id], { q: filterText }), [filterText]);
  const applyFilter = useCallback((text: string) => navigate(href('live', openId === null ? [] : [openId], { q: text }), { replace: true }), [openId]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && openId !== null) {
      event.preventDefault();
      close();
    }
  };

  const indexOf = useCallback((id: number) => indexOfId(feed.rows, id), [feed.rows]);
  const noTraffic = feed.loaded && feed.rows.length === 0 && isEmptyFilter(query) && (status?.requestCount ?? 0) === 0;

  return (
    <div className="live" onKeyDown={onKeyDown}>
      <div className="live-top">
        <FilterBar value={filterText} onApply={applyFilter} />
        <LiveToolbar
          follow={follow}
          onFollow={changeFollow}
          paused={paused}
          onPause={setPaused}
          pending={feed.pending}
          loaded={feed.rows.length}
          hasMore={feed.hasMore}
          total={status?.requestCount}
          filtered={!isEmptyFilter(query)}
        />
      </div>
      {feed.error !== undefined && (
        <div className="live-error">
          <ErrorBanner error={feed.error} onRetry={feed.reload} compact />
        </div>
      )}
      <div className="live-body">
        <div className="live-list" ref={tableRef}>
          {noTraffic ? (
            <WaitingForEntra />
          ) : feed.loaded && feed.rows.length === 0 ? (
            <EmptyState
              title="No requests match"
              actions={
                <button type="button" className="button button-secondary" onClick={() => applyFilter('')}>
                  Clear the filter
                </button>
              }
            >
              <p>{describeFilter(query)}: none logged yet. New matching requests appear here as they arrive.</p>
            </EmptyState>
          ) : (
            <VirtualTable
              label="Requests, newest first"
              rows={feed.rows}
              columns={LOG_COLUMNS}
              rowKey={(row) => row.id}
              cursor={cursor ?? openId}
              onCursor={onCursor}
              onOpen={open}
              indexOf={indexOf}
              hasMore={feed.hasMore}
              onLoadMore={feed.loadOlder}
              topInserted={feed.topInserted}
              listId={feed.listId}
              follow={follow}
              onFollowChange={changeFollow}
              rowClassName={(row) => `outcome-${row.outcome.toLowerCase()}${row.id === openId ? ' is-open' : ''}`}
            />
          )}
          {unseen > 0 && (
            <button type="button" className="new-rows-pill" onClick={() => changeFollow(true)}>
              ↑ {unseen} new {unseen === 1 ? 'request' : 'requests'}
            </button>
          )}
        </div>
        {openId !== null && (
          <>
            <ResizeHandle width={paneWidth} setWidth={setPaneWidth} min={380} max={1000} label="Resize the detail pane" />
            <div className="live-pane" style={{ width: paneWidth }}>
              <DetailPane id={openId} onClose={close} onSelect={select} hrefFor={hrefFor} />
            </div>
          </>
        )}
      </div>
    </div>
  );
}
