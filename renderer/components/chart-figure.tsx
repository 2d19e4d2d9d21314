/**
 * The frame every chart sits in: a figure with an accessible name, a text summary for screen readers (an SVG of
 * bars says nothing to them), an HTML legend, and a note line for caveats such as "from a sample".
 *
 * Chart colours are CSS variables (`var(--success)`), passed as SVG paint, so light and dark follow the OS
 * without a re-render. Charts inside must set `isAnimationActive={false}` (deterministic screenshots).
 */

import type { ReactNode } from 'react';

export interface LegendItem {
  readonly label: string;
  /** A CSS colour, usually `var(--…)`. */
  readonly color: string;
  /** `bar` (filled square), `band` (tinted area), `line` (stroke), `dash` (dashed stroke). */
  readonly shape?: 'bar' | 'band' | 'line' | 'dash';
}

export function ChartLegend({ label, items }: { label: string; items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <span className={`legend-swatch legend-${item.shape ?? 'bar'}`} style={{ color: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

export function ChartFigure({
  label,
  summary,
  height,
  legend,
  note,
  overlay,
  children,
  className = '',
}: {
  label: string;
  /** What the chart shows, in words: read by screen readers instead of the SVG. */
  summary: string;
  height: number;
  legend?: ReactNode;
  note?: ReactNode;
  /** Centred over the plot, e.g. "No requests in this window". */
  overlay?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <figure className={`chart ${className}`} aria-label={label}>
      <p className="visually-hidden">{summary}</p>
      {/* Not aria-hidden: recharts makes the plot keyboard-explorable (←/→ move the tooltip), and a Brush is focusable. */}
      <div className="chart-plot" style={{ height }}>
        {children}
        {overlay !== undefined && <div className="chart-overlay">{overlay}</div>}
      </div>
      {(legend !== undefined || note !== undefined) && (
        <figcaption className="chart-caption">
          {legend}
          {note !== undefined && <span className="chart-note">{note}</span>}
        </figcaption>
      )}
    </figure>
  );
}

/** The box a custom recharts tooltip renders: a title line and label/value rows with colour swatches. */
export function TooltipBox({ title, rows }: { title: ReactNode; rows: readonly { readonly label: string; readonly value: ReactNode; readonly color?: string }[] }) {
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{title}</div>
      {rows.map((row) => (
        <div key={row.label} className="chart-tooltip-row">
          {row.color !== undefined && <span className="legend-swatch legend-bar" style={{ color: row.color }} aria-hidden="true" />}
          <span>{row.label}</span>
          <span className="num">{row.value}</span>
        </div>
      ))}
    </div>
  );
}
