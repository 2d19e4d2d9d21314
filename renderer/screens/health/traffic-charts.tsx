/**
 * Charts computed from the bounded log sample (hooks/use-log-sample.ts: the last 24 h, at most 5 pages of 1,000
 * rows), because the MonitorApi has neither latency percentiles nor per-minute counts: response time p50/p95 per
 * cycle (slow answers risk Entra's Timeout) and requests per minute over 24 hours as a sparkline.
 */

import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure, ChartLegend, TooltipBox } from '../../components/chart-figure.js';
import type { LogSample } from '../../hooks/use-log-sample.js';
import { formatCount, formatDuration } from '../../lib/format.js';
import { floorMinute, formatHm, latencyByCycle, MINUTE_MS, perMinute, timeTicks, type CycleLatency, type MinuteBucket } from '../../lib/series.js';

export const TRAFFIC_WINDOW_MS = 24 * 60 * MINUTE_MS;

function sampleNote(sample: LogSample): string {
  return sample.completeFrom === null
    ? 'Computed from the requests of the last 24 h.'
    : `Computed from the newest ${formatCount(sample.cap)} requests (back to ${formatHm(sample.completeFrom)}); older minutes are not counted.`;
}

export function LatencyChart({ sample }: { sample: LogSample }) {
  const points = useMemo(() => latencyByCycle(sample.rows).map((p) => ({ ...p, label: `#${p.cycleId}` })), [sample.rows]);
  const worst = points.reduce((max, p) => Math.max(max, p.p95), 0);
  const summary = points.length === 0 ? 'No requests in the last 24 hours.' : `Response time per cycle over the last 24 hours: the slowest p95 is ${formatDuration(worst)}.`;
  return (
    <ChartFigure
      label="Response time per cycle, p50 and p95"
      summary={summary}
      height={200}
      overlay={points.length === 0 ? <span>No requests in the last 24 hours.</span> : undefined}
      legend={
        <ChartLegend
          label="Response time legend"
          items={[
            { label: 'p50 (median)', color: 'var(--accent)', shape: 'line' },
            { label: 'p95', color: 'var(--warning-fill)', shape: 'line' },
          ]}
        />
      }
      note={points.length === 0 ? undefined : sampleNote(sample)}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" interval="preserveStartEnd" />
          <YAxis width={52} tickFormatter={(v: number) => (v === 0 ? '0' : formatDuration(v))} />
          <Tooltip
            isAnimationActive={false}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as (CycleLatency & { label: string }) | undefined;
              if (!active || p === undefined) return null;
              const rows = [
                { label: 'p50', value: formatDuration(p.p50) },
                { label: 'p95', value: formatDuration(p.p95) },
                { label: 'Slowest', value: formatDuration(p.max) },
                { label: 'Requests', value: formatCount(p.n) },
              ];
              return <TooltipBox title={`Cycle ${p.label}`} rows={rows} />;
            }}
          />
          <Line type="linear" dataKey="p50" name="p50" stroke="var(--accent)" strokeWidth={2} dot={{ r: 2.5, fill: 'var(--accent)' }} isAnimationActive={false} />
          <Line type="linear" dataKey="p95" name="p95" stroke="var(--warning-fill)" strokeWidth={2} dot={{ r: 2.5, fill: 'var(--warning-fill)' }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function RequestsSparkline({ sample, now }: { sample: LogSample; now: number }) {
  const minute = floorMinute(now);
  const from = minute - TRAFFIC_WINDOW_MS + MINUTE_MS;
  const data = useMemo(() => perMinute(sample.rows, from, minute), [sample.rows, from, minute]);
  const ticks = useMemo(() => timeTicks(from, minute + MINUTE_MS, 7), [from, minute]);
  const total = data.reduce((n, b) => n + b.total, 0);
  const peak = data.reduce((max, b) => Math.max(max, b.total), 0);
  const summary = total === 0 ? 'No requests in the last 24 hours.' : `${formatCount(total)} requests in the last 24 hours; the busiest minute had ${formatCount(peak)}.`;
  return (
    <ChartFigure
      label="Requests per minute, last 24 hours"
      summary={summary}
      height={200}
      overlay={total === 0 ? <span>No requests in the last 24 hours.</span> : undefined}
      note={total === 0 ? undefined : `${formatCount(total)} requests · busiest minute ${formatCount(peak)} · ${sampleNote(sample)}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis type="number" dataKey="t" domain={['dataMin - 30000', 'dataMax + 30000']} ticks={ticks} tickFormatter={formatHm} />
          <YAxis allowDecimals={false} width={52} />
          <Tooltip
            isAnimationActive={false}
            content={({ active, payload }) => {
              const b = payload?.[0]?.payload as MinuteBucket | undefined;
              if (!active || b === undefined) return null;
              return <TooltipBox title={`${formatHm(b.start)}–${formatHm(b.start + MINUTE_MS)}`} rows={[{ label: 'Requests', value: formatCount(b.total) }, { label: 'Failed', value: formatCount(b.Failure) }]} />;
            }}
          />
          <Area type="step" dataKey="total" stroke="var(--accent)" fill="var(--accent)" fillOpacity={0.18} strokeWidth={1.5} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
