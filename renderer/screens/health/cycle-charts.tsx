/**
 * Per-cycle charts from `cycles.list` (exact counters): the success rate with a line at 60 % (Entra quarantines
 * when more than 40 % of events fail), and the status mix as stacked bars. Oldest cycle on the left.
 */

import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CycleSummary } from '../../../shared/api/provisioning-types.js';
import { ChartFigure, ChartLegend, TooltipBox } from '../../components/chart-figure.js';
import { CYCLE_KIND_LABEL } from '../../components/cycle-kind-chip.js';
import { STATUS_COLOR } from '../../components/status-colors.js';
import { formatCount } from '../../lib/format.js';

export interface CyclePoint {
  readonly label: string;
  readonly id: number;
  readonly kind: CycleSummary['kind'];
  readonly rate: number;
  readonly Success: number;
  readonly Failure: number;
  readonly Skipped: number;
  readonly requests: number;
}

export function cyclePoints(cycles: readonly CycleSummary[]): CyclePoint[] {
  return cycles
    .filter((c) => c.requests > 0)
    .map((c) => {
      const { success, failure, skipped } = c.outcomes;
      const judged = success + failure + skipped;
      return { label: `#${c.id}`, id: c.id, kind: c.kind, rate: judged === 0 ? 100 : Math.round((success / judged) * 1000) / 10, Success: success, Failure: failure, Skipped: skipped, requests: c.requests };
    })
    .reverse();
}

const tooltipTitle = (p: CyclePoint): string => `Cycle ${p.label} · ${CYCLE_KIND_LABEL[p.kind].toLowerCase()}`;
const NO_CYCLES = <span>No cycles yet: the first appears with Entra's first request.</span>;

export function SuccessRateChart({ points }: { points: readonly CyclePoint[] }) {
  const below = points.filter((p) => p.rate < 60).length;
  const summary =
    points.length === 0
      ? 'No cycles yet.'
      : `Success rate of the last ${points.length} cycles, from ${points[0]?.rate} % to ${points.at(-1)?.rate} %; ${below} below the 60 % line (more than 40 % failed).`;
  return (
    <ChartFigure
      label="Success rate per cycle"
      summary={summary}
      height={200}
      overlay={points.length === 0 ? NO_CYCLES : undefined}
      legend={
        <ChartLegend
          label="Success rate legend"
          items={[
            { label: 'Success rate', color: 'var(--accent)', shape: 'line' },
            { label: "60 % (Entra's 40 % failure line)", color: 'var(--danger)', shape: 'dash' },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points as CyclePoint[]} margin={{ top: 10, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" interval="preserveStartEnd" />
          <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} unit=" %" width={52} />
          <ReferenceLine y={60} stroke="var(--danger)" strokeDasharray="5 4" ifOverflow="extendDomain" />
          <Tooltip
            isAnimationActive={false}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as CyclePoint | undefined;
              if (!active || p === undefined) return null;
              return <TooltipBox title={tooltipTitle(p)} rows={[{ label: 'Succeeded', value: `${p.rate} %` }, { label: 'Requests', value: formatCount(p.requests) }]} />;
            }}
          />
          <Line type="linear" dataKey="rate" name="Success rate" stroke="var(--accent)" strokeWidth={2} dot={{ r: 3, fill: 'var(--accent)' }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

const MIX = ['Success', 'Failure', 'Skipped'] as const;

export function StatusMixChart({ points }: { points: readonly CyclePoint[] }) {
  const failures = points.reduce((n, p) => n + p.Failure, 0);
  const summary = points.length === 0 ? 'No cycles yet.' : `Requests by Entra status in the last ${points.length} cycles: ${formatCount(failures)} failures in total.`;
  return (
    <ChartFigure
      label="Status mix per cycle"
      summary={summary}
      height={200}
      overlay={points.length === 0 ? NO_CYCLES : undefined}
      legend={<ChartLegend label="Status mix legend" items={MIX.map((s) => ({ label: s, color: STATUS_COLOR[s] }))} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points as CyclePoint[]} margin={{ top: 10, right: 16, bottom: 0, left: 0 }} barCategoryGap="25%">
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" interval="preserveStartEnd" />
          <YAxis allowDecimals={false} width={52} />
          <Tooltip
            cursor={{ fill: 'var(--surface-hover)', fillOpacity: 0.6 }}
            isAnimationActive={false}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as CyclePoint | undefined;
              if (!active || p === undefined) return null;
              return <TooltipBox title={tooltipTitle(p)} rows={MIX.map((s) => ({ label: s, value: formatCount(p[s]), color: STATUS_COLOR[s] }))} />;
            }}
          />
          {MIX.map((s) => (
            <Bar key={s} dataKey={s} stackId="mix" fill={STATUS_COLOR[s]} maxBarSize={36} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
