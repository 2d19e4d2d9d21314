/**
 * The HTML failure report (design/screens.md Screen 4, "Export failure report"): a cover line (time range, Tenant
 * URL, counts), failure groups with the likely Entra error code, its meaning and the recommended action
 * (entra-behavior.md §4, §6.4), a per-identity table, failures per hour, then every failure (up to a bound) with
 * its likely code. Self-contained: inline CSS and SVG, no script, no external resource; prints to PDF.
 *
 * Requests the app sent itself (Connect's simulated cycle, Live's Replay) count like Entra's, as they do in Cycles
 * and Health, but the report says how many failures they account for and tags their rows: a report built after a
 * rehearsal goes to people who will read every failure as Entra's unless told otherwise.
 */

import { operationLabel } from '../api/failure-signature.js';
import { LOG_SOURCES, type LogSource } from '../../shared/api/log-types.js';
import { colgroup, escapeHtml as e, failureChart, PAGE_CLOSING, pageOpening, utc } from './html.js';
import { likelyCode, type ReportStats } from './report-stats.js';
import { APP_SOURCES, SENT_BY } from './sent-by.js';
import type { ExportMeta, ExportRow } from './types.js';

/** Failures listed one by one; past this the report says how many more and points to the CSV or JSON export. */
export const MAX_LISTED_FAILURES = 10_000;
const MAX_IDENTITY_ROWS = 500;

/** Rows the app sent itself (simulator, Replay); zero for a log of Entra's traffic alone. */
const appRows = (stats: ReportStats): number => APP_SOURCES.reduce((n, source) => n + stats.sources[source], 0);
const appFailures = (stats: ReportStats): number => APP_SOURCES.reduce((n, source) => n + stats.failuresBySource[source], 0);

/** The cover line's word on senders: "All sent by Entra", or the failures by sender when the app sent any rows. */
function originLine(stats: ReportStats): string {
  if (appRows(stats) === 0) return 'All sent by Entra';
  return `Failures by sender: ${LOG_SOURCES.map((source) => `${SENT_BY[source]} ${stats.failuresBySource[source]}`).join(', ')}`;
}

const APP_NOTE = ` Rows tagged ${APP_SOURCES.map((source) => SENT_BY[source]).join(' or ')} were sent by this monitor itself (Connect's simulated
cycle, Live's Replay), not by Entra; they count in the totals as they do in Cycles and Health.`;

/** A tag beside an identity the app sent a request about; nothing for Entra's rows, which are the norm. */
const sentByTag = (source: LogSource): string => (source === 'entra' ? '' : ` <span class="tag">${e(SENT_BY[source])}</span>`);

export function reportHead(meta: ExportMeta, stats: ReportStats): string {
  const title = meta.failuresOnly ? 'Provisioning failure report' : 'Provisioning report';
  const o = stats.outcomes;
  const fromApp = appRows(stats) > 0;
  const counts = [
    ['Exchanges', stats.rows, ''],
    ['Failures', o.Failure, o.Failure > 0 ? 'bad' : 'ok'],
    ...(fromApp ? [['Failures sent by the app', appFailures(stats), ''] as const] : []),
    ['Successes', o.Success, ''],
    ['Skipped', o.Skipped, ''],
    ['Identities', stats.identities.size, ''],
    ['Cycles', stats.cycles.size, ''],
  ] as const;
  const cover = [
    `${utc(stats.firstTs)} – ${utc(stats.lastTs)}`,
    `Tenant URL: ${meta.tenantUrl ?? 'not known'}`,
    `${stats.rows} exchanges, ${o.Failure} failures`,
    ...(stats.rows > 0 ? [originLine(stats)] : []),
    meta.filters ? `Filters: ${meta.filters}` : 'No filters',
  ];
  return `${pageOpening(title)}<h1>${e(title)}</h1>
<p class="cover">${cover.map(e).join(' · ')}</p>
<p class="muted">Generated ${e(utc(meta.generatedAt))} by Provisioning Monitor ${e(meta.version)}. Secrets are redacted. Error codes are what Entra ID
most likely records for each answer; Entra sends no job or cycle id to the app, so cycles are inferred from timing.${fromApp ? e(APP_NOTE) : ''}</p>
<div class="counts">${counts.map(([label, n, cls]) => `<div class="count ${cls}"><b>${n}</b>${e(label)}</div>`).join('')}</div>
<h2>Failures over time</h2>
${failureChart(stats.hourly)}
${groupsTable(stats)}
${identitiesTable(stats)}`;
}

function groupsTable(stats: ReportStats): string {
  const groups = [...stats.groups.values()].sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen);
  if (groups.length === 0) return '<h2>Failure groups</h2>\n<p class="note">No failures.</p>';
  const rows = groups.map(
    (g) => `<tr><td>${e(g.title)}${g.sampleDetail ? `<div class="muted mono">${e(g.sampleDetail.slice(0, 300))}</div>` : ''}</td>
<td class="code"><code>${e(g.errorCode)}</code></td><td class="num">${g.count}${g.appSent > 0 ? `<div class="muted">${g.appSent} sent by the app</div>` : ''}</td>
<td>${[...g.identities].slice(0, 10).map(e).join(', ')}${g.identities.size > 10 ? ', …' : ''}</td>
<td class="when">${e(utc(g.firstSeen))}<br>${e(utc(g.lastSeen))}</td>
<td>${e(g.meaning)}</td><td>${e(g.recommendedAction)}<div class="muted">${e(g.retry)}</div></td></tr>`,
  );
  const more = stats.ungrouped > 0 ? `<p class="note">${stats.ungrouped} more failures fell into further groups not shown.</p>` : '';
  return `<h2>Failure groups</h2>
<table>${colgroup([20, 15, 6, 17, 12, 15, 15])}<thead><tr><th>Failure</th><th>Entra error code (likely)</th><th>Count</th><th>Identities affected</th><th>First / last seen</th><th>Meaning</th><th>Recommended action</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${more}`;
}

function identitiesTable(stats: ReportStats): string {
  const all = [...stats.identities.values()].sort((a, b) => b.failures - a.failures || b.lastTs - a.lastTs);
  if (all.length === 0) return '<h2>Per identity</h2>\n<p class="note">No identities in this range.</p>';
  const shown = all.slice(0, MAX_IDENTITY_ROWS);
  const rows = shown.map(
    (who) => `<tr><td>${e(who.identity)}</td><td class="num">${who.exchanges}</td><td class="num">${who.failures}</td><td>${e(who.lastOutcome)}</td>
<td>${[...who.codes].map((c) => `<code>${e(c)}</code>`).join(' ')}</td><td>${e(utc(who.lastTs))}</td></tr>`,
  );
  const more = all.length > shown.length || stats.untrackedIdentityRows > 0 ? `<p class="note">${all.length - shown.length} more identities not shown.</p>` : '';
  return `<h2>Per identity</h2>
<table>${colgroup([30, 10, 10, 10, 25, 15])}<thead><tr><th>Identity</th><th>Exchanges</th><th>Failures</th><th>Last status</th><th>Entra error codes (likely)</th><th>Last seen</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${more}`;
}

export const FAILURES_OPENING = `<h2>Failures</h2>
<table>${colgroup([12, 14, 16, 16, 6, 14, 22])}<thead><tr><th>Time (UTC)</th><th>Change ID</th><th>Operation</th><th>Identity</th><th>HTTP</th><th>Entra error code (likely)</th><th>Detail</th></tr></thead>
<tbody>
`;

export function failureRows(rows: readonly ExportRow[]): string {
  return rows
    .map(
      (row) => `<tr><td class="when">${e(utc(row.ts))}</td><td class="mono">${e(row.changeId)}</td><td>${e(operationLabel(row.entity, row.operation))}<div class="muted mono">${e(row.method)} ${e(row.path)}</div></td>
<td>${e(row.identity ?? '')}${sentByTag(row.source)}</td><td class="num">${row.status}</td><td class="code"><code>${e(likelyCode(row))}</code></td><td>${e((row.detail ?? '').slice(0, 500))}</td></tr>\n`,
    )
    .join('');
}

export function failuresClosing(listed: number, total: number): string {
  const none = total === 0 ? '<tr><td colspan="7" class="note">No failures.</td></tr>\n' : '';
  const more = total > listed ? `<p class="note">${total - listed} more failures are not listed here; export CSV or JSON for all of them.</p>\n` : '';
  return `${none}</tbody></table>\n${more}${PAGE_CLOSING}`;
}
