/**
 * The simulator's closing report: requests sent, operations by Entra Action and Status, failures with HTTP status
 * and SCIM detail (and what became of them in later cycles), ending with the plain `N passed, M failed` line.
 */

import { OPERATIONS, type EntraAction, type EntraStatus } from '../../shared/domain/operation.js';
import type { OperationRecord, Report } from './report.js';

export interface SummaryHeader {
  readonly target: string;
  readonly cycles: number;
  readonly users: number;
  readonly groups: number;
  readonly dialect: string;
  readonly seed: string;
  readonly concurrency: number;
}

const ACTIONS: readonly EntraAction[] = ['Create', 'Update', 'Disable', 'Delete', 'Other'];
const STATUSES: readonly EntraStatus[] = ['Success', 'Failure', 'Skipped'];

export function totals(report: Report): { passed: number; failed: number; skipped: number } {
  const count = (status: EntraStatus): number => report.operations.filter((op) => op.status === status).length;
  return { passed: count('Success'), failed: count('Failure'), skipped: count('Skipped') };
}

function requestLines(report: Report): string[] {
  const entries = [...report.requests.entries()].map(([key, n]) => {
    const [operation = '', method = '', status = ''] = key.split(' ');
    return { operation, method, status, n };
  });
  entries.sort((a, b) => OPERATIONS.indexOf(a.operation as never) - OPERATIONS.indexOf(b.operation as never) || a.method.localeCompare(b.method) || a.status.localeCompare(b.status));
  const sent = entries.reduce((sum, e) => sum + e.n, 0);
  const throttled = entries.filter((e) => e.status === '429').reduce((sum, e) => sum + e.n, 0);
  return [
    `Requests: ${sent} sent${throttled > 0 ? ` (${throttled} answered 429 Too Many Requests)` : ''}`,
    ...entries.map((e) => `  ${e.operation.padEnd(16)} ${e.method.padEnd(6)} ${e.status === '0' ? 'no answer' : e.status} ×${e.n}`),
  ];
}

function actionLines(report: Report): string[] {
  const lines = ['Operations (one Entra provisioning-log row each), by action and status:'];
  for (const action of ACTIONS) {
    const ofAction = report.operations.filter((op) => op.action === action);
    if (ofAction.length === 0) continue;
    const parts = STATUSES.map((status) => [status, ofAction.filter((op) => op.status === status).length] as const).filter(([, n]) => n > 0);
    lines.push(`  ${action.padEnd(8)} ${parts.map(([status, n]) => `${n} ${status}`).join(', ')}`);
  }
  return lines;
}

/** What happened to a failed object in later cycles. */
function fate(report: Report, failure: OperationRecord): string {
  const later = report.operations.filter((op) => op.key === failure.key && op.cycle > failure.cycle);
  const next = later[0];
  if (next) return `retried in cycle ${next.cycle}: ${next.status}`;
  return report.escrow.get(failure.key) === failure ? 'in escrow: the next cycle retries it' : 'not retried';
}

function failureLines(report: Report): string[] {
  const failures = report.operations.filter((op) => op.status === 'Failure');
  if (failures.length === 0) return ['Failures: none'];
  const lines = [`Failures: ${failures.length}`];
  for (const f of failures) {
    const http = f.httpStatus === undefined || f.httpStatus === 0 ? 'no answer' : `HTTP ${f.httpStatus}`;
    const what = f.kind === f.action.toLowerCase() ? f.action : `${f.action} (${f.kind})`;
    lines.push(`  cycle ${f.cycle}  ${what}  ${f.entity} "${f.identity}"  ${http} ${f.errorCode ?? ''}: ${f.detail ?? ''} → ${fate(report, f)}`);
  }
  if (failures.some((f) => f.httpStatus === 401)) {
    lines.push('  A 401 means invalid or expired credentials: Entra quarantines the job (EncounteredQuarantineException) and backs off to daily retries.');
  }
  return lines;
}

/** Skipped rows grouped by reason (the text before the first colon) and entity, with a few names each. */
function skippedLines(skipped: readonly OperationRecord[]): string[] {
  if (skipped.length === 0) return [];
  const groups = new Map<string, OperationRecord[]>();
  for (const op of skipped) {
    const key = `${(op.detail ?? 'Skipped').split(':')[0]!}: ${op.entity}`;
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  const lines = [`Skipped: ${skipped.length}`];
  for (const [key, ops] of groups) {
    const names = [...new Set(ops.map((op) => op.identity))];
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, … ${names.length - 5} more` : '');
    lines.push(`  ${key} ×${ops.length} (${shown})`);
  }
  return lines;
}

export function formatSummary(header: SummaryHeader, report: Report): string[] {
  const { passed, failed } = totals(report);
  const skipped = report.operations.filter((op) => op.status === 'Skipped');
  return [
    `Simulated ${header.cycles} cycle(s) against ${header.target}: ${header.users} users, ${header.groups} groups, dialect ${header.dialect}, seed ${header.seed}, concurrency ${header.concurrency}`,
    ...requestLines(report),
    ...actionLines(report),
    ...skippedLines(skipped),
    ...failureLines(report),
    `${passed} passed, ${failed} failed`,
  ];
}
