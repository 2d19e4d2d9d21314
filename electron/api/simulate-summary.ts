/**
 * A simulated run's report as the Connect card shows it: totals, exchanges by HTTP status, Entra provisioning-log
 * rows by Action and Status (entra-behavior.md §6.1), the first failures, and the CLI's own summary lines.
 */

import type { EntraAction } from '../../shared/domain/operation.js';
import type { ActionCount, SimulationSummary } from '../../shared/api/simulate-types.js';
import type { SimulationResult } from '../simulate/simulator.js';

const ACTIONS: readonly EntraAction[] = ['Create', 'Update', 'Disable', 'Delete', 'Other'];
const MAX_FAILURES = 20;

export function simulationSummary(result: SimulationResult): SimulationSummary {
  const { report } = result;
  const statuses = new Map<number, number>();
  let requests = 0;
  for (const [key, n] of report.requests) {
    const status = Number(key.split(' ')[2]);
    statuses.set(status, (statuses.get(status) ?? 0) + n);
    requests += n;
  }
  const byAction: ActionCount[] = [];
  for (const action of ACTIONS) {
    const ops = report.operations.filter((op) => op.action === action);
    if (ops.length === 0) continue;
    const count = (status: string): number => ops.filter((op) => op.status === status).length;
    byAction.push({ action, success: count('Success'), failure: count('Failure'), skipped: count('Skipped') });
  }
  const failures = report.operations
    .filter((op) => op.status === 'Failure')
    .slice(0, MAX_FAILURES)
    .map((op) => ({
      cycle: op.cycle,
      action: op.action,
      entity: op.entity,
      identity: op.identity,
      httpStatus: op.httpStatus ?? 0,
      errorCode: op.errorCode ?? null,
      detail: op.detail ?? null,
    }));
  return {
    passed: result.passed,
    failed: result.failed,
    skipped: result.skipped,
    requests,
    byStatus: [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => ({ status, count })),
    byAction,
    failures,
    lines: result.summary,
  };
}
