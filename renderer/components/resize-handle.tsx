/**
 * A vertical splitter between a list and a side pane: drag it, or focus it and use ←/→. The width is kept in
 * localStorage under `storageKey`, so the layout survives a reload.
 */

import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';

export function usePaneWidth(storageKey: string, initial: number, min: number, max: number): [number, (w: number) => void] {
  const [width, setWidthState] = useState(() => {
    const stored = Number(localStorage.getItem(storageKey));
    return Number.isFinite(stored) && stored >= min && stored <= max ? stored : initial;
  });
  const setWidth = useCallback(
    (w: number) => {
      const clamped = Math.round(Math.max(min, Math.min(max, w)));
      setWidthState(clamped);
      localStorage.setItem(storageKey, String(clamped));
    },
    [storageKey, min, max],
  );
  return [width, setWidth];
}

export function ResizeHandle({ width, setWidth, min, max, label }: { width: number; setWidth: (w: number) => void; min: number; max: number; label: string }) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const startWidth = width;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    // The pane is on the right: dragging left widens it.
    const move = (e: globalThis.PointerEvent) => setWidth(startWidth + (startX - e.clientX));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 80 : 20;
    if (event.key === 'ArrowLeft') setWidth(width + step);
    else if (event.key === 'ArrowRight') setWidth(width - step);
    else return;
    event.preventDefault();
  };
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
