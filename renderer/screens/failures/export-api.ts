/**
 * The export methods of the MonitorApi (issue 7) as the Failures screen uses them: the formats as offered, the
 * Failures filters as the export's log query, and where a finished file is downloaded.
 */

import { exportDownloadPath } from '../../../shared/api/admin-http.js';
import type { MethodInput } from '../../../shared/api/contract.js';
import type { ExportFormat } from '../../../shared/api/export-types.js';
import { getBackend } from '../../api/client.js';
import { inStatusClassRange, rangeBounds, senderQuery, type FailureFilters } from './failure-filters.js';

/** How each format is offered: its name and what it is for. */
export const FORMAT_TEXT: Readonly<Record<ExportFormat, { label: string; hint: string }>> = {
  csv: { label: 'CSV trio', hint: "Entra's download: operations, steps, modified properties, joined on Change ID" },
  json: { label: 'JSON', hint: 'Graph provisioningObjectSummary objects' },
  ndjson: { label: 'NDJSON', hint: 'one exchange per line, for scripts' },
  har: { label: 'HAR 1.2', hint: 'the HTTP exchanges; opens in browser devtools' },
  html: { label: 'HTML report', hint: 'summary, groups and fixes; prints to PDF' },
};

export type ExportQuery = NonNullable<MethodInput<'exports.start'>['query']>;

/** Where the admin server hands out a finished file; null in the desktop window, which has no admin server. */
export function downloadUrl(jobId: string, name: string): string | null {
  return getBackend().kind === 'http' ? exportDownloadPath(jobId, name) : null;
}

/**
 * The Failures filters as a log query. "Unresolved only" has no log-query equivalent (resolution belongs to a
 * failure group, not to a request), so exports leave it out and the panel says so.
 */
export function exportQuery(filters: FailureFilters, failuresOnly: boolean, now: number): ExportQuery {
  return {
    ...rangeBounds(filters.range, now),
    ...(filters.cycle === null ? {} : { cycleId: filters.cycle }),
    ...(filters.identity.trim() === '' ? {} : { identity: filters.identity.trim() }),
    ...inStatusClassRange(filters.statusClass),
    ...senderQuery(filters.sender),
    ...(failuresOnly ? { outcome: ['Failure' as const] } : {}),
  };
}
