/**
 * The CSV trio, mirroring Entra's download (entra-behavior.md §11): `<base>_ProvisioningLogs.csv` (one row per
 * exchange), `<base>_ProvisioningSteps.csv` and `<base>_ModifiedProperties.csv`, joined on Change ID, with the
 * suggested headers of §11 (a few columns of our own at the end).
 *
 * `Sent by` (Entra, Simulator, Replay: sent-by.ts) would read best beside Identity, but it is ours, not Entra's, so it
 * goes last with the others: the Entra-shaped columns keep the positions of Entra's download, and a sheet or script
 * that reads them by position (or pastes ours under Entra's) still lines up.
 *
 * RFC 4180: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled. A UTF-8 BOM makes
 * Excel read the file as UTF-8. Text that could start a spreadsheet formula (= + - @, tab, CR) gets a leading `'`:
 * SCIM bodies are attacker-controlled, and a cell like `=HYPERLINK(…)` must stay text (OWASP "CSV injection").
 */

import { explainExported } from './failure-info.js';
import { SENT_BY } from './sent-by.js';
import { provisioningSteps } from './steps.js';
import type { ExportRow } from './types.js';
import { SOURCE_SYSTEM, TARGET_SYSTEM } from './types.js';

export const BOM = '\uFEFF';
const CRLF = '\r\n';

export const LOGS_HEADER = [
  'Date (UTC)', 'Job ID', 'Cycle ID', 'Change ID', 'Action', 'Status', 'Identity', 'Source ID', 'Target ID', 'Source System',
  'Target System', 'Identity type', 'Error code', 'Status reason', 'Duration (ms)', 'HTTP method', 'Request path', 'HTTP status',
  'Recommended action', 'Request ID', 'Sent by',
] as const;
export const STEPS_HEADER = ['Change ID', 'Step #', 'Step name', 'Step type', 'Step status', 'Description', 'Details'] as const;
export const MODIFIED_HEADER = ['Change ID', 'Property', 'Old value', 'New value'] as const;

/** Either a formula start or a character that needs quotes: one test decides whether a cell can go out as is. */
const SPECIAL = /^[=+\-@\t\r]|[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const QUOTE = /"/g;

/** One field: numbers as they are; text guarded against formulas, then quoted when RFC 4180 requires it. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (!SPECIAL.test(value)) return value;
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(QUOTE, '""')}"` : guarded;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i += 1) line += (i === 0 ? '' : ',') + csvCell(cells[i]);
  return line + CRLF;
}

export const csvHeader = (cells: readonly string[]): string => BOM + csvLine(cells);

const iso = (ts: number): string => new Date(ts).toISOString();

/** The main file's row: every field except steps and modified properties (entra-behavior.md §11). */
export function logsCsvLine(row: ExportRow): string {
  const explanation = explainExported(row);
  return csvLine([
    iso(row.ts), '', row.cycleId === null ? '' : String(row.cycleId), row.changeId, row.action, row.outcome, row.identity, row.externalId,
    row.resourceId, SOURCE_SYSTEM, TARGET_SYSTEM, row.entity, explanation?.errorCode ?? '', explanation?.entraMessage ?? '', Math.round(row.durationMs), row.method,
    row.path + (row.query ? `?${row.query}` : ''), row.status, explanation?.recommendedAction ?? '', row.id, SENT_BY[row.source],
  ]);
}

const detailsText = (details: Readonly<Record<string, string>>): string =>
  Object.entries(details).map(([key, value]) => `${key}: ${value}`).join('; ');

export function stepsCsvLines(row: ExportRow): string {
  return provisioningSteps(row)
    .map((step, i) => csvLine([row.changeId, i + 1, step.name, step.provisioningStepType, step.status, step.description, detailsText(step.details)]))
    .join('');
}

export function modifiedCsvLines(row: ExportRow): string {
  return row.modified.map((p) => csvLine([row.changeId, p.attribute, p.oldValue, p.newValue])).join('');
}
