/**
 * simulate.start / get / cancel (issue 8, Connect's "Run a simulated cycle"): the Entra-like simulator
 * (electron/simulate/, entra-behavior.md §5) run against this monitor's own listener, through the real HTTP path:
 * its requests carry a per-run internal token labelled "Simulator (in-app)" (never listed, revoked at the next
 * start), so they are authenticated, fault-injected and logged exactly like Entra's.
 *
 * One run at a time: two interleaved runs would provision the same seeded users and make each other's summaries
 * meaningless. Progress goes out as `simulate-progress` events, at most every PROGRESS_INTERVAL_MS, plus one at the end.
 */

import { randomUUID } from 'node:crypto';
import type { SimulationJob, SimulationOptions, SimulationProgress } from '../../shared/api/simulate-types.js';
import { ApiFailure } from '../../shared/api/result.js';
import { SIMULATOR_TOKEN_LABEL } from '../auth/internal-labels.js';
import { cycleSteps } from '../simulate/cycle.js';
import { simulate, SIMULATE_DEFAULTS, type SimulationResult } from '../simulate/simulator.js';
import { hostPort, loopbackTargetOf } from '../tunnel/types.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';
import { simulationSummary } from './simulate-summary.js';

/** The label of the simulator's internal token: what the log and the token's owner say these requests came from. */
export { SIMULATOR_TOKEN_LABEL };
/** ~4 events a second at most, like exports. */
export const PROGRESS_INTERVAL_MS = 250;
/** Finished runs remembered for `simulate.get`. */
const MAX_REMEMBERED = 10;

interface Job {
  view: SimulationJob;
  readonly controller: AbortController;
  done: Promise<void>;
}

const emptyProgress = (total: number): SimulationProgress => ({ cycle: 1, done: 0, total, requests: 0, passed: 0, failed: 0 });

/** The listener's own URL, reachable from this process even when it binds every address (`--host 0.0.0.0`). */
function selfUrl(scimUrl: string): string {
  const url = new URL(scimUrl);
  return `${url.protocol}//${hostPort(loopbackTargetOf(scimUrl))}${url.pathname}`.replace(/\/+$/, '');
}

export function simulateHandlers(deps: ApiDeps): NamespaceHandlers<'simulate'> {
  const jobs = new Map<string, Job>();
  let latest: Job | undefined;
  const publish = (job: Job): void => deps.events?.publish({ type: 'simulate-progress', job: job.view });
  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new ApiFailure('not-found', `No simulated run ${jobId}; runs are remembered until the monitor restarts.`);
    return job;
  };
  const forgetOld = (): void => {
    const ids = [...jobs.keys()];
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_REMEMBERED))) jobs.delete(id);
  };

  return {
    'simulate.start': (input) => {
      if (latest?.view.state === 'running') {
        throw new ApiFailure('conflict', `A simulated run is already going (${latest.view.progress.done} of ${latest.view.progress.total} steps done); wait for it to finish or cancel it.`);
      }
      const options: SimulationOptions = { users: input.users, groups: input.groups, dialect: input.dialect, cycles: input.cycles, seed: input.seed ?? SIMULATE_DEFAULTS.seed };
      const jobId = randomUUID();
      const job: Job = {
        view: {
          jobId,
          state: 'running',
          options,
          tokenLabel: SIMULATOR_TOKEN_LABEL,
          progress: emptyProgress(options.cycles * cycleSteps(options.users, options.groups)),
          summary: null,
          error: null,
          startedAt: deps.now(),
          finishedAt: null,
        },
        controller: new AbortController(),
        done: Promise.resolve(),
      };
      jobs.set(jobId, job);
      latest = job;
      forgetOld();
      publish(job);
      let lastPublished = Date.now();
      const finish = (patch: Partial<SimulationJob>): void => {
        job.view = { ...job.view, ...patch, finishedAt: deps.now() };
      };
      job.done = simulate({
        target: selfUrl(deps.scimUrl()),
        token: deps.store.tokens.internal(SIMULATOR_TOKEN_LABEL),
        ...options,
        signal: job.controller.signal,
        onProgress: (progress) => {
          job.view = { ...job.view, progress };
          const at = Date.now();
          if (at - lastPublished >= PROGRESS_INTERVAL_MS) {
            lastPublished = at;
            publish(job);
          }
        },
      })
        .then(
          (result: SimulationResult) => finish({ state: result.cancelled ? 'cancelled' : 'done', summary: simulationSummary(result) }),
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            console.error(`provisioning-monitor: simulated run ${jobId} failed:`, message);
            finish({ state: 'failed', error: message });
          },
        )
        .finally(() => publish(job));
      return { jobId };
    },
    'simulate.get': (input) => ({ job: (input?.jobId === undefined ? latest : find(input.jobId))?.view ?? null }),
    'simulate.cancel': async ({ jobId }) => {
      const job = find(jobId);
      if (job.view.state !== 'running') return { cancelled: false };
      job.controller.abort();
      // Resolves once the run has stopped sending requests and its partial summary is in.
      await job.done;
      return { cancelled: (job.view as SimulationJob).state === 'cancelled' };
    },
  };
}
