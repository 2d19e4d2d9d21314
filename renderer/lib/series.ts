/**
 * Chart series computed in the browser from a bounded sample of log rows (see hooks/use-log-sample.ts): requests
 * per minute by Entra status, and latency percentiles per cycle. Pure functions, so the charts stay dumb.
 *
 * They exist because the MonitorApi has no aggregate for either (no per-minute counts, no percentiles); once it
 * does, the charts should read those instead and these helpers go away.
 */

import type { LogRow } from '../../shared/api/log-types.js';
import type { EntraStatus } from '../../shared/domain/operation.js';

export const MINUTE_MS = 60_000;

export const STATUSES: readonly EntraStatus[] = ['Success', 'Failure', 'Skipped', 'Warning'];

export interface MinuteBucket {
  /** The middle of the minute: bars centred on it fill their minute exactly on a numeric time axis. */
  readonly t: number;
  readonly start: number;
  readonly Success: number;
  readonly Failure: number;
  readonly Skipped: number;
  readonly Warning: number;
  readonly total: number;
}

type Counts = { -readonly [K in EntraStatus | 'total']: number };

export const floorMinute = (ts: number): number => Math.floor(ts / MINUTE_MS) * MINUTE_MS;

/** One bucket per minute from `from` to `to` (both floored), zeros included, so bars are evenly spaced. */
export function perMinute(rows: readonly LogRow[], from: number, to: number, stepMs = MINUTE_MS): MinuteBucket[] {
  const first = Math.floor(from / stepMs) * stepMs;
  const last = Math.floor(to / stepMs) * stepMs;
  const counts = new Map<number, Counts>();
  for (const row of rows) {
    if (row.ts < first || row.ts >= last + stepMs) continue;
    const key = Math.floor(row.ts / stepMs) * stepMs;
    let c = counts.get(key);
    if (c === undefined) counts.set(key, (c = { Success: 0, Failure: 0, Skipped: 0, Warning: 0, total: 0 }));
    c[row.outcome]++;
    c.total++;
  }
  const out: MinuteBucket[] = [];
  for (let start = first; start <= last; start += stepMs) {
    const c = counts.get(start);
    out.push({ t: start + stepMs / 2, start, Success: c?.Success ?? 0, Failure: c?.Failure ?? 0, Skipped: c?.Skipped ?? 0, Warning: c?.Warning ?? 0, total: c?.total ?? 0 });
  }
  return out;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export interface CycleLatency {
  readonly cycleId: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly n: number;
}

/** p50/p95 of response durations per cycle, oldest cycle first, for the cycles the sample covers. */
export function latencyByCycle(rows: readonly LogRow[]): CycleLatency[] {
  const byCycle = new Map<number, number[]>();
  for (const row of rows) {
    if (row.cycleId === null) continue;
    let list = byCycle.get(row.cycleId);
    if (list === undefined) byCycle.set(row.cycleId, (list = []));
    list.push(row.durationMs);
  }
  return [...byCycle.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cycleId, durations]) => {
      const sorted = durations.sort((a, b) => a - b);
      return { cycleId, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0, n: sorted.length };
    });
}

/** `14:05` in local time, for chart ticks. */
export function formatHm(ts: number): string {
  const d = new Date(ts);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** `14:05:09` in local time. */
export const formatHms = (ts: number): string => `${formatHm(ts)}:${String(new Date(ts).getSeconds()).padStart(2, '0')}`;

/** Tick positions on whole `step` boundaries between two times (charts on a numeric time axis need them given). */
export function timeTicks(from: number, to: number, maxTicks = 9): number[] {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360].map((m) => m * MINUTE_MS);
  const step = steps.find((s) => (to - from) / s <= maxTicks) ?? 720 * MINUTE_MS;
  const ticks: number[] = [];
  // Ticks fall on local wall-clock boundaries (14:00, 14:15), not UTC ones.
  const offset = new Date(from).getTimezoneOffset() * MINUTE_MS;
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) ticks.push(t);
  return ticks;
}
