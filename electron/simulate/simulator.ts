/**
 * The Entra-like provisioning client: runs `cycles` provisioning cycles against a SCIM Tenant URL over real HTTP and
 * reports them the way Entra's provisioning log would (entra-behavior.md §5). Used by `provisioning-monitor
 * simulate`, by tests and by the Connect screen (MonitorApi `simulate.start`, electron/api/simulate.ts).
 */

import type { PatchDialect } from '../../shared/domain/operation.js';
import { applyCycleChanges, type CycleChanges } from './changes.js';
import { scimClient } from './client.js';
import { emptyState, type SyncState } from './context.js';
import { cycleSteps, runCycle } from './cycle.js';
import { seededRandom } from './random.js';
import { createReport, type Report } from './report.js';
import { formatSummary, totals } from './summary.js';
import { generateDirectory, type SourceDirectory } from './test-data.js';
import type { SimulationProgress } from '../../shared/api/simulate-types.js';

export interface SimulateOptions {
  /** The Tenant URL, e.g. `http://127.0.0.1:7643/scim/v2`; a `?aadOptscim062020` query selects that dialect (§1, §3.1). */
  readonly target: string;
  readonly token: string;
  readonly users?: number;
  readonly groups?: number;
  /** Defaults to the flag in the Tenant URL, else `default`. */
  readonly dialect?: PatchDialect;
  readonly concurrency?: number;
  readonly cycles?: number;
  readonly seed?: string;
  readonly timeoutMs?: number;
  /** Attempts per request while the answer is 429 (default 4). */
  readonly maxAttempts?: number;
  /** The longest Retry-After honoured, in seconds (default 60). */
  readonly maxRetryAfterSeconds?: number;
  /** Receives one line per cycle while the simulation runs. */
  readonly progress?: (line: string) => void;
  /** Receives the counts as each work item finishes (for a progress bar). */
  readonly onProgress?: (progress: SimulateProgress) => void;
  /** Stops the run between requests; the result then has `cancelled` set and reports what ran until then. */
  readonly signal?: AbortSignal;
}

/** What the simulator reports as each work item finishes; the MonitorApi publishes it as is. */
export type SimulateProgress = SimulationProgress;

export interface SimulationResult {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** The report's lines; the last is exactly `N passed, M failed`. */
  readonly summary: string[];
  readonly report: Report;
  /** The simulated tenant as it ended, and what the simulator believes the target holds. */
  readonly directory: SourceDirectory;
  readonly state: SyncState;
  readonly dialect: PatchDialect;
  /** True when `signal` stopped the run part-way. */
  readonly cancelled: boolean;
}

export const SIMULATE_DEFAULTS = { users: 10, groups: 3, concurrency: 4, cycles: 1, seed: '1' } as const;

/** The Tenant URL without query or trailing slash, and the dialect its query asks for. */
export function parseTarget(target: string): { base: string; flag: boolean } {
  const url = new URL(target);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`The target must be an http(s) URL, got "${target}".`);
  const flag = [...url.searchParams.keys()].some((key) => key.toLowerCase() === 'aadoptscim062020');
  url.search = '';
  url.hash = '';
  return { base: url.href.replace(/\/+$/, ''), flag };
}

function describeChanges(changes: CycleChanges): string {
  return `${changes.updated.length} updated, ${changes.disabled.length} disabled, ${changes.enabled.length} re-enabled, ${changes.deleted.length} hard-deleted, ${changes.removedMembers.length} member(s) removed`;
}

export async function simulate(options: SimulateOptions): Promise<SimulationResult> {
  const { base, flag } = parseTarget(options.target);
  const dialect: PatchDialect = options.dialect ?? (flag ? 'aadOptscim062020' : 'default');
  const users = options.users ?? SIMULATE_DEFAULTS.users;
  const groups = options.groups ?? SIMULATE_DEFAULTS.groups;
  const cycles = options.cycles ?? SIMULATE_DEFAULTS.cycles;
  const concurrency = options.concurrency ?? SIMULATE_DEFAULTS.concurrency;
  const seed = options.seed ?? SIMULATE_DEFAULTS.seed;
  const progress = options.progress ?? (() => undefined);
  const report = createReport();
  const client = scimClient({
    base,
    token: options.token,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxAttempts: options.maxAttempts ?? 4,
    maxRetryAfterMs: (options.maxRetryAfterSeconds ?? 60) * 1000,
    onRequest: report.requestSent,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const directory = generateDirectory(seed, users, groups);
  const state = emptyState();
  const random = seededRandom(`${seed}:probes`);

  const perCycle = cycleSteps(users, groups);
  let done = 0;
  const emit = (cycle: number): void => {
    if (!options.onProgress) return;
    const { passed, failed } = totals(report);
    const requests = [...report.requests.values()].reduce((sum, n) => sum + n, 0);
    options.onProgress({ cycle, done, total: cycles * perCycle, requests, passed, failed });
  };

  let cancelled = false;
  for (let cycle = 1; cycle <= cycles && !cancelled; cycle += 1) {
    const changes = cycle === 1 ? undefined : applyCycleChanges(directory, cycle);
    const before = report.operations.length;
    const tick = (): void => {
      done += 1;
      emit(cycle);
    };
    let result: Awaited<ReturnType<typeof runCycle>> = { cycle };
    try {
      result = await runCycle({ cycle, dialect, concurrency, client, report, directory, state, random, tick });
    } catch (error) {
      if (!options.signal?.aborted) throw error;
      cancelled = true;
    }
    // A cycle stopped by its probe skips its remaining items; the bar still ends the cycle where it should.
    if (!cancelled) {
      done = cycle * perCycle;
      emit(cycle);
    }
    const ops = report.operations.slice(before);
    const count = (status: string): number => ops.filter((op) => op.status === status).length;
    const what = changes ? `incremental; tenant changes: ${describeChanges(changes)}` : 'initial';
    progress(`Cycle ${cycle} (${what}): ${ops.length} operations, ${count('Success')} succeeded, ${count('Failure')} failed, ${count('Skipped')} skipped.`);
    if (result.stopped) progress(`  Cycle ${cycle} stopped: ${result.stopped}`);
    if (cancelled) progress(`  Cycle ${cycle} was cancelled part-way.`);
  }

  const summary = formatSummary({ target: base, cycles, users, groups, dialect, seed, concurrency }, report);
  return { ...totals(report), summary, report, directory, state, dialect, cancelled };
}
