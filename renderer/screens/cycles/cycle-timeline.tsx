/**
 * The Cycles timeline (screens.md Screen 3): requests per minute by Entra status as stacked bars, each inferred
 * cycle as a tinted band, a Brush to zoom and a line at "now". Per-minute counts come from the bounded log sample
 * (hooks/use-log-sample.ts: the last 2 hours, at most 5 pages of 1,000 rows), because the MonitorApi has no
 * per-minute aggregate; cycle bands come from `cycles.list`, which is exact.
 */

import { useMemo, useState } from 'react';
import { Bar, Brush, CartesianGrid, ComposedChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CycleSummary } from '../../../shared/api/provisioning-types.js';
import { Card } from '../../components/card.js';
import { ChartFigure, ChartLegend, TooltipBox, type LegendItem } from '../../components/chart-figure.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { CYCLE_KIND_COLOR, CYCLE_KIND_LABEL, CYCLE_KINDS } from '../../components/cycle-kind-chip.js';
import type { LogSample } from '../../hooks/use-log-sample.js';
import { formatCount } from '../../lib/format.js';
import { floorMinute, formatHm, MINUTE_MS, perMinute, STATUSES, timeTicks, type MinuteBucket } from '../../lib/series.js';
import { STATUS_COLOR } from '../../components/status-colors.js';
import { cycleBands, presetZoom, TIMELINE_WINDOW_MS, timelineSummary, zoomIndices, type Zoom, type ZoomPreset } from './timeline-data.js';

const LEGEND: readonly LegendItem[] = [
  ...STATUSES.map((s) => ({ label: s, color: STATUS_COLOR[s] })),
  ...CYCLE_KINDS.map((k) => ({ label: `${CYCLE_KIND_LABEL[k]} cycle`, color: CYCLE_KIND_COLOR[k], shape: 'band' as const })),
  { label: 'Now', color: 'var(--text-2)', shape: 'dash' },
];

const PRESETS: readonly { key: ZoomPreset; label: string }[] = [
  { key: 'fit', label: 'All activity' },
  { key: 'window', label: '2 hours' },
  { key: 'half-hour', label: '30 min' },
  { key: 'latest', label: 'Latest cycle' },
];

function MinuteTooltip({ bucket, cycle }: { bucket: MinuteBucket; cycle: number | undefined }) {
  const title = `${formatHm(bucket.start)}–${formatHm(bucket.start + MINUTE_MS)}${cycle === undefined ? '' : ` · cycle #${cycle}`}`;
  return <TooltipBox title={title} rows={[...STATUSES.filter((s) => bucket[s] > 0).map((s) => ({ label: s, value: formatCount(bucket[s]), color: STATUS_COLOR[s] })), { label: 'Total', value: formatCount(bucket.total) }]} />;
}

export function CycleTimeline({ sample, cycles, now }: { sample: LogSample; cycles: readonly CycleSummary[]; now: number }) {
  const minute = floorMinute(now);
  const from = minute - TIMELINE_WINDOW_MS + MINUTE_MS;
  const data = useMemo(() => perMinute(sample.rows, from, minute), [sample.rows, from, minute]);
  const bands = useMemo(() => cycleBands(cycles, from, minute + MINUTE_MS), [cycles, from, minute]);
  // A preset is recomputed as data arrives (the latest cycle moves on); a range dragged with the brush stays put.
  const [preset, setPreset] = useState<ZoomPreset | null>('fit');
  const [dragged, setDragged] = useState<Zoom | null>(null);
  const zoom = preset === null ? dragged : presetZoom(preset, now, cycles[0], bands);
  const { startIndex, endIndex } = zoomIndices(data, zoom);
  const visibleFrom = data[startIndex]?.start ?? from;
  const visibleTo = (data[endIndex]?.start ?? minute) + MINUTE_MS;
  const ticks = useMemo(() => timeTicks(visibleFrom, visibleTo), [visibleFrom, visibleTo]);
  const empty = data.every((b) => b.total === 0);

  const choose = (key: ZoomPreset) => setPreset(key);
  const onBrush = ({ startIndex: s, endIndex: e }: { startIndex?: number; endIndex?: number }) => {
    if (s === undefined || e === undefined) return;
    setPreset(null);
    setDragged({ start: data[s]?.start ?? from, end: e >= data.length - 1 ? null : (data[e]?.start ?? null) });
  };
  const cycleAt = (ts: number): number | undefined => bands.find((b) => ts >= b.x1 && ts < b.x2)?.id;

  const note =
    sample.completeFrom !== null ? `Only the newest ${formatCount(sample.cap)} requests are counted: minutes before ${formatHm(sample.completeFrom)} may be incomplete.` : undefined;

  const zoomButtons = (
    <div className="segmented" role="group" aria-label="Zoom the timeline">
      {PRESETS.map((p) => (
        <button key={p.key} type="button" className="button button-small" aria-pressed={preset === p.key} onClick={() => choose(p.key)}>
          {p.label}
        </button>
      ))}
    </div>
  );

  return (
    <Card
      id="timeline"
      title="Requests per minute"
      subtitle="Stacked by the status Entra will record; each inferred cycle is a tinted band. Zoom with the buttons, or drag the handles under the chart (or focus one and press ← / →)."
      aside={zoomButtons}
    >
      {sample.error !== undefined && <ErrorBanner error={sample.error} onRetry={sample.reload} compact />}
      <ChartFigure
        label="Requests per minute by Entra status, with inferred cycles"
        summary={timelineSummary(data, bands)}
        height={300}
        legend={<ChartLegend label="Timeline legend" items={LEGEND} />}
        note={note}
        overlay={empty ? <span>No requests in the last 2 hours{cycles[0] === undefined ? '' : ` (the latest cycle, #${cycles[0].id}, ended ${formatHm(cycles[0].ended)})`}.</span> : undefined}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 18, right: 18, bottom: 0, left: 0 }} barCategoryGap="12%">
            <CartesianGrid vertical={false} />
            <XAxis type="number" dataKey="t" domain={['dataMin - 30000', 'dataMax + 30000']} ticks={ticks} tickFormatter={formatHm} allowDataOverflow />
            <YAxis allowDecimals={false} width={40} tickFormatter={(v: number) => formatCount(v)} />
            {bands.map((band) => (
              <ReferenceArea
                key={band.id}
                x1={band.x1}
                x2={band.x2}
                ifOverflow="hidden"
                fill={CYCLE_KIND_COLOR[band.kind]}
                fillOpacity={0.13}
                stroke={CYCLE_KIND_COLOR[band.kind]}
                strokeOpacity={0.45}
                label={{ value: `#${band.id}`, position: 'top', className: 'band-label' }}
              />
            ))}
            <Tooltip
              cursor={{ fill: 'var(--surface-hover)', fillOpacity: 0.6 }}
              isAnimationActive={false}
              content={({ active, payload }) => {
                const bucket = payload?.[0]?.payload as MinuteBucket | undefined;
                return active && bucket !== undefined ? <MinuteTooltip bucket={bucket} cycle={cycleAt(bucket.start)} /> : null;
              }}
            />
            {STATUSES.map((status) => (
              <Bar key={status} dataKey={status} name={status} stackId="status" fill={STATUS_COLOR[status]} isAnimationActive={false} maxBarSize={22} />
            ))}
            {/* No text label: it would collide with the newest band's; the legend names the dashed line. */}
            <ReferenceLine x={now} stroke="var(--text-2)" strokeDasharray="4 3" ifOverflow="hidden" />
            <Brush
              dataKey="t"
              height={26}
              startIndex={startIndex}
              endIndex={endIndex}
              onChange={onBrush}
              tickFormatter={(t: number) => formatHm(t)}
              travellerWidth={9}
              ariaLabel="Zoom: drag or use ←/→ on the handles"
              className="timeline-brush"
            >
              {/* A panorama of the whole window inside the brush, so the bursts are findable while zoomed in. */}
              <ComposedChart data={data}>
                <Bar dataKey="total" fill="var(--text-3)" isAnimationActive={false} />
              </ComposedChart>
            </Brush>
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFigure>
    </Card>
  );
}
