/**
 * How long a state lasted, at the precision a person reads it: "under a second", "42 s", "12 min", "3 h 5 min",
 * "2 d 4 h". (formatDuration is for request timings, where milliseconds matter.)
 */

export function formatSpan(ms: number): string {
  if (ms < 1_000) return 'under a second';
  const s = Math.floor(ms / 1_000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}
