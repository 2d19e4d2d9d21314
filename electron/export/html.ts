/**
 * Building blocks of the self-contained HTML failure report (design/screens.md Screen 4): escaping, the page shell
 * with inline CSS that prints well to PDF, and an inline SVG chart of failures per hour.
 *
 * Every string that reaches the page goes through `escapeHtml`: identities, details and bodies come from SCIM
 * requests, which anyone holding (or guessing at) the Tenant URL can send. The page also carries a CSP that forbids
 * scripts and every external resource, as a second line of defence.
 */

import { HOUR_MS } from './report-stats.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export const utc = (ts: number | null): string => (ts === null ? '—' : `${new Date(ts).toISOString().slice(0, 19).replace('T', ' ')} UTC`);

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #59636e; --line: #d1d9e0; --bad: #b42318; --ok: #1a7f37; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 13px/1.45 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--fg); margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.cover { color: var(--muted); margin: 0 0 12px; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.count { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 110px; background: var(--bg-soft); }
.count b { display: block; font-size: 20px; }
.count.bad b { color: var(--bad); }
.count.ok b { color: var(--ok); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; table-layout: fixed; }
td, th { overflow-wrap: anywhere; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
td.when { font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.note { color: var(--muted); font-style: italic; }
.tag { display: inline-block; border: 1px solid var(--muted); border-radius: 4px; padding: 0 4px; font-size: 11px; color: var(--muted); white-space: nowrap; }
svg { max-width: 100%; height: auto; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5px; }
  code, .mono { font-size: 9.5px; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .count { break-inside: avoid; }
  .count { background: none; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4 landscape; margin: 12mm; }
`;

export function pageOpening(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
`;
}

/** Column widths (percent) for a fixed-layout table, so long codes and identities wrap instead of widening it. */
export const colgroup = (widths: readonly number[]): string => `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;

export const PAGE_CLOSING = '</body>\n</html>\n';

/** At most this many bars: a month of hours is bucketed by 3 h, a year by 37 h. */
const MAX_BARS = 240;

/** Failures per hour (or per few hours over long ranges) as an inline SVG bar chart; no script, no external font. */
export function failureChart(hourly: ReadonlyMap<number, number>): string {
  if (hourly.size === 0) return '<p class="note">No failures in this range.</p>';
  const hours = [...hourly.keys()];
  const last = Math.max(...hours);
  // At least a day on the axis, so a burst within one hour reads as a bar in context, not a red wall.
  const first = Math.min(Math.min(...hours), last - 23 * HOUR_MS);
  const span = Math.round((last - first) / HOUR_MS) + 1;
  const per = Math.max(1, Math.ceil(span / MAX_BARS));
  const buckets = new Array<number>(Math.ceil(span / per)).fill(0);
  for (const [hour, n] of hourly) {
    const index = Math.floor(Math.round((hour - first) / HOUR_MS) / per);
    buckets[index] = (buckets[index] ?? 0) + n;
  }
  const max = Math.max(...buckets);
  const width = 720;
  const height = 160;
  const left = 40;
  const bottom = 20;
  const barWidth = (width - left) / buckets.length;
  const bars = buckets
    .map((n, i) => {
      if (n === 0) return '';
      const h = Math.max(1, ((height - bottom - 10) * n) / max);
      const x = left + i * barWidth;
      const label = `${utc(first + i * per * HOUR_MS)}: ${n} failure${n === 1 ? '' : 's'}`;
      return `<rect x="${x.toFixed(1)}" y="${(height - bottom - h).toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="#b42318"><title>${escapeHtml(label)}</title></rect>`;
    })
    .join('');
  const unit = per === 1 ? 'hour' : `${per} hours`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Failures per ${escapeHtml(unit)}">
<line x1="${left}" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" stroke="#8c959f"/>
<line x1="${left}" y1="10" x2="${left}" y2="${height - bottom}" stroke="#8c959f"/>
<text x="${left - 4}" y="16" font-size="10" text-anchor="end" fill="#59636e">${max}</text>
<text x="${left - 4}" y="${height - bottom}" font-size="10" text-anchor="end" fill="#59636e">0</text>
<text x="${left}" y="${height - 4}" font-size="10" fill="#59636e">${escapeHtml(utc(first))}</text>
<text x="${width}" y="${height - 4}" font-size="10" text-anchor="end" fill="#59636e">${escapeHtml(utc(last + HOUR_MS))}</text>
${bars}
</svg>
<p class="muted">Failures per ${escapeHtml(unit)} (UTC).</p>`;
}
