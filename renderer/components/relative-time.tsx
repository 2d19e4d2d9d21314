/**
 * "12 s ago" / "in 35 min", kept current by the page clock, with the exact UTC time on hover.
 */

import { formatRelative, isoUtc } from '../lib/format.js';
import { useNow } from '../hooks/use-now.js';

export function RelativeTime({ ts, fallback = '—' }: { ts: number | string | null | undefined; fallback?: string }) {
  const now = useNow();
  if (ts === null || ts === undefined) return <span className="muted">{fallback}</span>;
  const ms = typeof ts === 'number' ? ts : Date.parse(ts);
  if (Number.isNaN(ms)) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={isoUtc(ms)} title={isoUtc(ms)}>
      {formatRelative(ms, now)}
    </time>
  );
}
