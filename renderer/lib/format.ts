/**
 * Formatting of times, durations and counts, in one place so every screen says them the same way.
 * Times are shown in the viewer's local zone; tooltips carry the full ISO (UTC) stamp Entra's logs use.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `14:03:07.412`: log rows arrive many per second, so the list shows milliseconds. */
export function formatClock(ts: number): string {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `12 Mar 14:03:07` */
export function formatDateTime(ts: number | string): string {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return String(ts);
  const date = d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(d.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }) });
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export const isoUtc = (ts: number | string): string => {
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? String(ts) : d.toISOString();
};

/** `just now`, `12 s ago`, `5 min ago`, `in 35 min`, `3 h ago`, `2 d ago`. */
export function formatRelative(ts: number, now: number): string {
  const diff = ts - now;
  const abs = Math.abs(diff);
  // The page clock ticks every few seconds, so a row stamped a moment "in the future" is simply new.
  if (abs < 5_000) return 'just now';
  const [value, unit] =
    abs < 60_000 ? [Math.round(abs / 1000), 's'] : abs < 3_600_000 ? [Math.round(abs / 60_000), 'min'] : abs < 86_400_000 ? [Math.round(abs / 3_600_000), 'h'] : [Math.round(abs / 86_400_000), 'd'];
  return diff < 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
}

/** `0.8 ms`, `12 ms`, `1.4 s`, `2 min 5 s` */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export const formatCount = (n: number): string => n.toLocaleString();

/** "1 request", "3 requests" */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
