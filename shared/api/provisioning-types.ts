/**
 * Payloads about provisioning as a whole: cycles, failures, health, expected scope and attribute coverage.
 */

import type { EntraAction, EntraStatus, Operation } from '../domain/operation.js';
import type { LogSource } from './log-types.js';

export type CycleKind = 'initial' | 'incremental' | 'on-demand' | 'test-connection';

export interface CycleSummary {
  readonly id: number;
  readonly started: number;
  readonly ended: number;
  readonly durationMs: number;
  readonly kind: CycleKind;
  /** Cycles are inferred from timing: Entra sends no cycle id to the app. */
  readonly inferred: true;
  readonly requests: number;
  readonly actions: Readonly<Record<'create' | 'update' | 'disable' | 'delete' | 'other', number>>;
  readonly outcomes: Readonly<Record<'success' | 'failure' | 'skipped', number>>;
  readonly probes: number;
  readonly matches: number;
  readonly identities: number;
  /** Still receiving traffic (no idle gap yet). */
  readonly open: boolean;
}

/** What happened to one identity in one cycle, rebuilt from the wire like Entra's Steps. */
export interface IdentityInCycle {
  readonly identity: string;
  readonly entity: 'User' | 'Group';
  /** Results of the match query: 0, 1 or several; null when Entra did not query. */
  readonly matchResults: number | null;
  readonly action: EntraAction;
  readonly outcome: EntraStatus;
  readonly errorCode: string | null;
  readonly requestIds: readonly number[];
}

export interface CycleDetail extends CycleSummary {
  readonly perIdentity: readonly IdentityInCycle[];
}

export interface CycleProgress {
  readonly processed: number;
  readonly expected: number;
  readonly pending: readonly string[];
  /** True when no scope is set and `expected` comes from the previous cycle. */
  readonly estimated: boolean;
}

export interface CycleOverview {
  readonly current: CycleSummary | null;
  readonly progress: CycleProgress | null;
  /**
   * About 40 minutes after the last cycle in which Entra did real work started; null before the first. The app's
   * own simulated cycles and replays never set it: Entra did not schedule them.
   */
  readonly nextExpectedAt: number | null;
  readonly overdue: boolean;
  /** Set when intervals grow after failures: Entra may be backing off. */
  readonly backoffNote: string | null;
  readonly idleGapMinutes: number;
}

export interface FailureGroup {
  /** Stable key of the group: operation, HTTP status, scimType, error code and detail template. */
  readonly signature: string;
  readonly title: string;
  readonly operation: Operation;
  readonly httpStatus: number;
  readonly scimType: string | null;
  readonly errorCode: string;
  readonly meaning: string;
  readonly recommendedAction: string;
  readonly retry: string;
  readonly count: number;
  readonly identities: readonly string[];
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly cycles: readonly number[];
  /** Failures per hour over the last 24 hours, oldest first. */
  readonly trend: readonly number[];
  /** A later request for the same identity and operation succeeded. */
  readonly resolved: boolean;
  readonly sampleRequestId: number;
  /** The group's failures by who sent the request, within the query's filters (the counts add up to `count`). */
  readonly bySource: Readonly<Record<LogSource, number>>;
}

export type HealthState = 'Healthy' | 'Degraded' | 'QuarantineRisk' | 'LikelyQuarantined';

export interface Health {
  readonly state: HealthState;
  /** Entra's quarantine reason this resembles, e.g. `EncounteredQuarantineException`; null when healthy. */
  readonly reason: string | null;
  readonly message: string;
  readonly nextAction: string;
  readonly since: number | null;
  readonly consecutiveFailedCycles: number;
  readonly lastSuccessfulCycle: { readonly id: number; readonly ended: number } | null;
  readonly lastRequestAt: number | null;
  /** Share of failed writes in the last cycle with writes, 0..1. */
  readonly lastCycleFailureShare: number | null;
  readonly recentAuthFailures: number;
}

export interface HealthHistoryEntry {
  readonly state: HealthState;
  readonly reason: string | null;
  readonly detail: string | null;
  readonly began: number;
  readonly ended: number | null;
}

export type ScopeState = 'Not seen' | 'Matched only' | 'Created' | 'Updated' | 'Disabled' | 'Deleted' | 'Failed';

export interface ScopeEntry {
  readonly value: string;
  readonly kind: 'user' | 'group';
  readonly state: ScopeState;
  /** For Failed: the error code and detail. */
  readonly reason: string | null;
  readonly lastCycle: number | null;
  readonly lastSeen: number | null;
}

export interface ScopeReport {
  readonly entries: readonly ScopeEntry[];
  /** Identities Entra wrote that are not in the scope (a sign of "sync all users and groups"). */
  readonly unexpected: readonly string[];
}

export interface CoverageRow {
  /** The mapping row, as Entra's attribute-mapping blade names the target attribute. */
  readonly attribute: string;
  readonly entity: 'User' | 'Group';
  readonly mapped: boolean;
  readonly arrived: boolean;
  readonly lastSeen: number | null;
  /** Users (or groups) in the directory that hold a value for it now. */
  readonly holders: number;
}
