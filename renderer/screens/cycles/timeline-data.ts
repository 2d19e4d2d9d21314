/**
 * What the Cycles timeline draws, computed from the bounded log sample and the cycle list: per-minute buckets for
 * the window, one band per inferred cycle, the zoom presets, and the sentence a screen reader hears instead.
 */

import type { CycleKind, CycleSummary } from '../../../shared/api/provisioning-types.js';
import { CYCLE_KIND_LABEL } from '../../components/cycle-kind-chip.js';
import { formatCount } from '../../lib/format.js';
import { floorMinute, formatHm, MINUTE_MS, type MinuteBucket } from '../../lib/series.js';

/** The timeline shows the last two hours: a few incremental cycles at Entra's ~40-minute cadence. */
export const TIMELINE_WINDOW_MS = 2 * 60 * MINUTE_MS;

export interface Band {
  readonly id: number;
  readonly kind: CycleKind;
  readonly x1: number;
  readonly x2: number;
  readonly open: boolean;
}

/** Bands snap to whole minutes, so a cycle that lasted two seconds still covers the bar its requests made. */
export function cycleBands(cycles: readonly CycleSummary[], from: number, to: number): Band[] {
  return cycles
    .filter((c) => c.ended >= from && c.started < to)
    .map((c) => ({ id: c.id, kind: c.kind, x1: Math.max(floorMinute(c.started), from), x2: Math.min(floorMinute(c.ended) + MINUTE_MS, to), open: c.open }))
    .reverse();
}

/** A zoom is a time range; `end: null` follows "now" as new minutes arrive. */
export interface Zoom {
  readonly start: number;
  readonly end: number | null;
}

export type ZoomPreset = 'fit' | 'window' | 'half-hour' | 'latest';

/**
 * @param bands the cycles in the window, oldest first. `fit` (the default) spans the window's activity from its
 *   first cycle to now, so a few short bursts are not lost in two hours of empty minutes.
 */
export function presetZoom(preset: ZoomPreset, now: number, latest: CycleSummary | undefined, bands: readonly Band[]): Zoom | null {
  if (preset === 'window') return null;
  if (preset === 'fit') {
    const first = bands[0];
    if (first === undefined) return null;
    return { start: Math.min(first.x1 - 5 * MINUTE_MS, floorMinute(now) - 29 * MINUTE_MS), end: null };
  }
  if (preset === 'half-hour' || latest === undefined) return { start: floorMinute(now) - 29 * MINUTE_MS, end: null };
  // A little context either side of the cycle, and never less than ten minutes wide.
  const start = floorMinute(latest.started) - 2 * MINUTE_MS;
  const end = latest.open ? null : Math.max(floorMinute(latest.ended) + 2 * MINUTE_MS, start + 10 * MINUTE_MS);
  return { start, end: end !== null && end >= floorMinute(now) ? null : end };
}

/** Brush indices for a zoom over `data` (one bucket per minute, oldest first). */
export function zoomIndices(data: readonly MinuteBucket[], zoom: Zoom | null): { startIndex: number; endIndex: number } {
  const last = Math.max(0, data.length - 1);
  if (zoom === null) return { startIndex: 0, endIndex: last };
  const first = data[0]?.start ?? 0;
  const at = (ts: number): number => Math.max(0, Math.min(last, Math.round((ts - first) / MINUTE_MS)));
  const startIndex = at(zoom.start);
  const endIndex = zoom.end === null ? last : at(zoom.end);
  return endIndex > startIndex ? { startIndex, endIndex } : { startIndex: Math.max(0, endIndex - 1), endIndex };
}

export function timelineSummary(data: readonly MinuteBucket[], bands: readonly Band[]): string {
  const total = data.reduce((n, b) => n + b.total, 0);
  if (total === 0) return 'No requests in the last 2 hours.';
  const failures = data.reduce((n, b) => n + b.Failure, 0);
  const busiest = data.reduce((best, b) => (b.total > best.total ? b : best), data[0] as MinuteBucket);
  const cycles = bands.map((b) => `#${b.id} ${CYCLE_KIND_LABEL[b.kind].toLowerCase()} ${formatHm(b.x1)}–${b.open ? 'now' : formatHm(b.x2)}`).join(', ');
  return (
    `Requests per minute over the last 2 hours: ${formatCount(total)} requests, ${formatCount(failures)} failed; ` +
    `busiest minute ${formatHm(busiest.start)} with ${formatCount(busiest.total)}. Inferred cycles: ${cycles === '' ? 'none' : cycles}.`
  );
}
