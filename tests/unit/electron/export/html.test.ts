/**
 * The HTML failure report's building blocks: every string escaped (SCIM bodies are attacker-controlled), no script
 * and no external resource, a chart that is plain SVG, and print styles.
 */

import { describe, expect, it } from 'vitest';
import { escapeHtml, failureChart, pageOpening, REPORT_CSP } from '../../../../electron/export/html.js';
import { FAILURES_OPENING, failureRows, failuresClosing, reportHead } from '../../../../electron/export/report.js';
import { addToReport, HOUR_MS, newReportStats } from '../../../../electron/export/report-stats.js';
import { exportRow } from './fixtures.js';

const SCRIPT = '<script>alert("pwned")</script>';
const meta = { generatedAt: Date.UTC(2025, 5, 2), version: '1.2.3', tenantUrl: 'https://x.ngrok.app/scim/v2"><script>', failuresOnly: true, filters: `identity starting "${SCRIPT}"` };

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('the report', () => {
  const rows = [
    exportRow({ identity: SCRIPT, detail: `userName "${SCRIPT}" is already used` }),
    exportRow({ id: 8, ts: Date.UTC(2025, 5, 1, 10, 30), status: 404, operation: 'read', action: 'Other', errorCode: 'InvalidAnchor', scimType: null, identity: 'bob', detail: 'User "x" does not exist' }),
    exportRow({ id: 9, outcome: 'Success', status: 201, errorCode: null, scimType: null, identity: 'carol', detail: null }),
  ];
  const stats = newReportStats();
  for (const row of rows) addToReport(stats, row);
  const page = reportHead(meta, stats) + FAILURES_OPENING + failureRows(rows.slice(0, 2)) + failuresClosing(2, stats.outcomes.Failure);

  it('counts by status and groups failures with the likely Entra code, meaning and action', () => {
    expect(stats.outcomes).toMatchObject({ Failure: 2, Success: 1 });
    expect([...stats.groups.values()].map((g) => g.errorCode).sort()).toEqual(['EntryConflict', 'InvalidAnchor']);
    expect(page).toContain('EntryConflict');
    expect(page).toContain('InvalidAnchor');
    expect(page).toContain('Correct the conflicting attribute value');
    expect(page).toContain('Restore the object in the app');
    expect(page).toContain(rows[0]!.changeId);
  });

  it('escapes identities, details, filters and the Tenant URL', () => {
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(page).toContain('https://x.ngrok.app/scim/v2&quot;&gt;&lt;script&gt;');
  });

  it('is self-contained: no script, no external resource, a CSP that forbids both', () => {
    expect(page).toContain(`content="${escapeHtml(REPORT_CSP)}"`);
    expect(REPORT_CSP).toMatch(/default-src 'none'/);
    for (const forbidden of ['<script', '<link', '<img', '<iframe', ' src=', ' href=', '@import', 'url(']) expect(page).not.toContain(forbidden);
    expect(page).toContain('@media print');
    expect(page.trim().endsWith('</html>')).toBe(true);
  });

  it('draws failures per hour as inline SVG', () => {
    const svg = failureChart(stats.hourly);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(failureChart(new Map())).toContain('No failures');
    const long = new Map(Array.from({ length: 24 * 60 }, (_, i) => [i * HOUR_MS, 1] as const));
    expect((failureChart(long).match(/<rect /g) ?? []).length).toBeLessThanOrEqual(240);
  });

  it('says an all-Entra log is all Entra’s, with no tags and no app count', () => {
    expect(stats.sources).toEqual({ entra: 3, simulator: 0, replay: 0 });
    expect(page).toContain('All sent by Entra');
    expect(page).not.toContain('class="tag"');
    expect(page).not.toContain('sent by the app');
  });

  it('says how many failures were not listed', () => {
    expect(failuresClosing(10, 25)).toContain('15 more failures');
    expect(failuresClosing(0, 0)).toContain('No failures.');
    expect(pageOpening('<t>')).toContain('<title>&lt;t&gt;</title>');
  });
});

describe('a report after a rehearsal', () => {
  const rows = [
    exportRow(),
    exportRow({ id: 10, source: 'simulator', identity: 'sim@contoso.com' }),
    exportRow({ id: 11, source: 'simulator', identity: 'sim2@contoso.com' }),
    exportRow({ id: 12, replayOf: 7, source: 'replay' }),
    exportRow({ id: 13, source: 'simulator', outcome: 'Success', status: 201, errorCode: null, scimType: null }),
  ];
  const stats = newReportStats();
  for (const row of rows) addToReport(stats, row);
  const failures = rows.filter((row) => row.outcome === 'Failure');
  const page = reportHead({ ...meta, filters: '' }, stats) + FAILURES_OPENING + failureRows(failures) + failuresClosing(failures.length, stats.outcomes.Failure);

  it('counts rows and failures by sender', () => {
    expect(stats.sources).toEqual({ entra: 1, simulator: 3, replay: 1 });
    expect(stats.failuresBySource).toEqual({ entra: 1, simulator: 2, replay: 1 });
    expect([...stats.groups.values()].map((g) => [g.count, g.appSent])).toEqual([[4, 3]]);
  });

  it('says how many failures the app sent, on the cover, in the counts and per group', () => {
    expect(page).toContain('Failures by sender: Entra 1, Simulator 2, Replay 1');
    expect(page).toContain('<div class="count "><b>3</b>Failures sent by the app</div>');
    expect(page).toContain('<b>4</b>Failures</div>');
    expect(page).toContain('<div class="muted">3 sent by the app</div>');
    expect(page).toContain('were sent by this monitor itself');
  });

  it('tags the app’s failures beside the identity and leaves Entra’s untagged', () => {
    const listed = failureRows(failures).split('</tr>').slice(0, -1);
    expect(listed.map((tr) => /<span class="tag">(\w+)<\/span>/.exec(tr)?.[1] ?? null)).toEqual([null, 'Simulator', 'Simulator', 'Replay']);
    expect(page).toContain('<td>sim@contoso.com <span class="tag">Simulator</span></td>');
  });
});
