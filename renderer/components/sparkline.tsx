/**
 * A tiny bar trend drawn as inline SVG (no recharts: a list of failure groups draws dozens of these, and each
 * recharts chart costs a ResizeObserver and a layout pass). Bars rather than a line because failures are sparse:
 * a line from zero to one spike reads as a slope, a bar reads as "three failures in that hour". The numbers are in
 * the accessible name, since the picture alone says nothing to a screen reader.
 */

export interface SparklineProps {
  /** Values oldest first, e.g. failures per hour. */
  readonly values: readonly number[];
  /** What the bars show, e.g. "Failures per hour, last 24 hours". */
  readonly label: string;
  readonly width?: number;
  readonly height?: number;
  readonly tone?: 'danger' | 'accent';
}

export function Sparkline({ values, label, width = 96, height = 24, tone = 'danger' }: SparklineProps) {
  const total = values.reduce((sum, v) => sum + v, 0);
  const peak = Math.max(0, ...values);
  const slot = values.length > 0 ? width / values.length : width;
  const bar = Math.max(1, slot - 1);
  return (
    <svg className={`sparkline sparkline-${tone}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${total} in total, peak ${peak}`}>
      <line className="sparkline-base" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
      {values.map((v, i) =>
        v === 0 ? null : (
          // At least 3px tall, so a single failure next to a burst of fifty is still visible.
          <rect key={i} className="sparkline-bar" x={i * slot} width={bar} y={height - Math.max(3, (height * v) / Math.max(1, peak))} height={Math.max(3, (height * v) / Math.max(1, peak))} rx={0.5} />
        ),
      )}
    </svg>
  );
}
