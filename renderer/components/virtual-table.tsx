/**
 * A virtualized, keyboard-driven table for lists that can grow without bound (the request log, and later large
 * directories). Fixed row height, so rows streaming in never shift anything, and only visible rows are in the DOM.
 *
 * Keyboard (WAI-ARIA grid, one tab stop): ↑/↓ move the cursor, PageUp/PageDown/Home/End jump, Enter opens.
 * Rows added at the top (`topInserted` grows) do not move the viewport unless `follow` is on, in which case the
 * table stays pinned to the newest row. Scrolling away from the top turns `follow` off, as an inspector should.
 */

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<T> {
  readonly key: string;
  readonly header: string;
  /** A CSS grid track, e.g. `96px` or `minmax(120px, 1fr)`. */
  readonly width: string;
  readonly className?: string;
  readonly render: (row: T) => ReactNode;
}

export interface VirtualTableProps<T> {
  readonly label: string;
  readonly rows: readonly T[];
  readonly columns: readonly Column<T>[];
  readonly rowKey: (row: T) => number;
  readonly rowHeight?: number;
  readonly cursor: number | null;
  readonly onCursor: (key: number) => void;
  readonly onOpen?: (key: number) => void;
  /** Index of a key; the Live list passes a binary search (rows are sorted by id). */
  readonly indexOf?: (key: number) => number;
  readonly hasMore?: boolean;
  readonly onLoadMore?: () => void;
  readonly topInserted?: number;
  readonly listId?: number;
  readonly follow?: boolean;
  readonly onFollowChange?: (follow: boolean) => void;
  readonly rowClassName?: (row: T) => string;
  readonly footer?: ReactNode;
}

export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rows, columns, rowKey, cursor, onCursor, onOpen, hasMore = false, onLoadMore, topInserted = 0, listId = 0, follow = false, onFollowChange } = props;
  const rowHeight = props.rowHeight ?? 34;
  const scrollRef = useRef<HTMLDivElement>(null);
  const base = useId();
  const template = columns.map((c) => c.width).join(' ');
  const count = rows.length + (hasMore ? 1 : 0);
  const indexOf = props.indexOf ?? ((key: number) => rows.findIndex((r) => rowKey(r) === key));

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey: (index) => (index < rows.length ? rowKey(rows[index] as T) : 'more'),
  });

  // Keep the viewport still when rows arrive at the top (or pinned to the top when following).
  const seen = useRef({ topInserted, listId });
  // The scrollTop we set ourselves, so onScroll can tell our adjustments from the user's scrolling.
  const programmatic = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = seen.current;
    seen.current = { topInserted, listId };
    if (el === null) return;
    if (listId !== before.listId || follow) {
      if (el.scrollTop !== 0) {
        el.scrollTop = 0;
        programmatic.current = el.scrollTop;
      }
      return;
    }
    const added = topInserted - before.topInserted;
    if (added > 0) {
      el.scrollTop += added * rowHeight;
      programmatic.current = el.scrollTop;
    }
  }, [topInserted, listId, follow, rowHeight]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 30) onLoadMore?.();
  }, [hasMore, lastIndex, rows.length, onLoadMore]);

  const onScroll = () => {
    const top = scrollRef.current?.scrollTop ?? 0;
    const ours = programmatic.current !== null && Math.abs(top - programmatic.current) < 1;
    programmatic.current = null;
    if (ours) return;
    if (follow && top > rowHeight) onFollowChange?.(false);
  };

  const move = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[clamped];
    if (row === undefined) return;
    onCursor(rowKey(row));
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const current = cursor === null ? -1 : indexOf(cursor);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const target: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: rows.length - 1 };
    if (event.key in target) {
      event.preventDefault();
      move(target[event.key] ?? 0);
    } else if (event.key === 'Enter' && cursor !== null) {
      event.preventDefault();
      onOpen?.(cursor);
    }
  };

  const cursorIndex = cursor === null ? -1 : indexOf(cursor);
  return (
    // The grid itself takes focus and names the cursor row with aria-activedescendant (rows are virtual, so they
    // cannot hold focus themselves).
    <div
      className="vtable"
      role="grid"
      aria-label={props.label}
      aria-rowcount={hasMore ? -1 : rows.length + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-activedescendant={cursorIndex >= 0 ? `${base}-r${cursor}` : undefined}
    >
      <div className="vtable-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className={`vtable-cell ${c.className ?? ''}`}>
            {c.header}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className="vtable-scroll" onScroll={onScroll} role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) {
              return (
                <div key="more" className="vtable-more" style={{ transform: `translateY(${item.start}px)`, height: rowHeight }} role="row">
                  <span role="gridcell">Loading older requests…</span>
                </div>
              );
            }
            const key = rowKey(row);
            return (
              <div
                key={key}
                id={`${base}-r${key}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={key === cursor}
                data-row-id={key}
                className={`vtable-row ${props.rowClassName?.(row) ?? ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: rowHeight }}
                onClick={() => {
                  onCursor(key);
                  onOpen?.(key);
                }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="gridcell" className={`vtable-cell ${c.className ?? ''}`}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {props.footer}
      </div>
    </div>
  );
}
