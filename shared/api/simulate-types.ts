/**
 * Payloads of the in-app simulator (issue 8, Connect's "Run a simulated cycle"): an Entra-like provisioning run
 * against this monitor's own listener, through the same authenticated HTTP path as Entra's requests
 * (entra-behavior.md §5), its progress and its summary in Entra's words.
 */

import type { EntraAction, PatchDialect } from '../domain/operation.js';

export type SimulationState = 'running' | 'done' | 'failed' | 'cancelled';

export interface SimulationOptions {
  readonly users: number;
  readonly groups: number;
  readonly dialect: PatchDialect;
  readonly cycles: number;
  readonly seed: string;
}

export interface SimulationProgress {
  /** The cycle being run (1-based). */
  readonly cycle: number;
  /** Work items (the probe, each user, each manager reference, each group, per cycle) finished so far. */
  readonly done: number;
  readonly total: number;
  /** HTTP exchanges sent so far, 429 retries included. */
  readonly requests: number;
  readonly passed: number;
  readonly failed: number;
}

/** One Entra provisioning-log row's worth of counts for an Action (entra-behavior.md §6.1). */
export interface ActionCount {
  readonly action: EntraAction;
  readonly success: number;
  readonly failure: number;
  readonly skipped: number;
}

export interface SimulationFailure {
  readonly cycle: number;
  readonly action: EntraAction;
  readonly entity: 'User' | 'Group';
  readonly identity: string;
  /** 0 when no answer came. */
  readonly httpStatus: number;
  readonly errorCode: string | null;
  readonly detail: string | null;
}

export interface SimulationSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly requests: number;
  /** Exchanges by HTTP status (`0`: no answer), ascending. */
  readonly byStatus: readonly { readonly status: number; readonly count: number }[];
  readonly byAction: readonly ActionCount[];
  /** The first failures (at most 20), in the order they happened. */
  readonly failures: readonly SimulationFailure[];
  /** The CLI's report, line for line; the last is `N passed, M failed`. */
  readonly lines: readonly string[];
}

export interface SimulationJob {
  readonly jobId: string;
  readonly state: SimulationState;
  readonly options: SimulationOptions;
  /** The label of the internal token its requests carry, as the log shows it. */
  readonly tokenLabel: string;
  readonly progress: SimulationProgress;
  /** Set once the run ends (done, or cancelled part-way: what ran until then). */
  readonly summary: SimulationSummary | null;
  readonly error: string | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
}

export interface SimulationStarted {
  readonly jobId: string;
}
