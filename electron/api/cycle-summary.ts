/**
 * Maps `cycles` rows to the MonitorApi's CycleSummary. Every number comes from the counters the recorder keeps in
 * the request's own transaction, so a summary never reads the log.
 */

import type { CycleKind, CycleSummary } from '../../shared/api/provisioning-types.js';
import type { CycleRow } from '../db/cycles-repo.js';

const KINDS: ReadonlySet<string> = new Set<CycleKind>(['initial', 'incremental', 'on-demand', 'test-connection']);

const kindOf = (kind: string): CycleKind => (KINDS.has(kind) ? (kind as CycleKind) : 'incremental');

/**
 * @param open whether the cycle still receives traffic: only the latest cycle can, and only until the idle gap
 *   that ends a cycle has passed (design/screens.md Screen 3, "Cycle inference").
 */
export function toCycleSummary(row: CycleRow, open: boolean): CycleSummary {
  return {
    id: row.id,
    started: row.started,
    ended: row.ended,
    durationMs: row.ended - row.started,
    kind: kindOf(row.kind),
    inferred: true,
    requests: row.requests,
    actions: { create: row.creates, update: row.updates, disable: row.disables, delete: row.deletes, other: row.others },
    outcomes: { success: row.successes, failure: row.failures, skipped: row.skipped },
    probes: row.probes,
    matches: row.matches,
    identities: row.identities,
    open,
  };
}

/** True while `now` is within the idle gap after the cycle's last request. */
export const isOpen = (row: CycleRow, now: number, idleGapMinutes: number): boolean => now - row.ended <= idleGapMinutes * 60_000;
