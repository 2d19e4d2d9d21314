/**
 * Runs the in-app simulator through the MonitorApi (`simulate.start`, as Connect does) and polls `simulate.get`
 * until the run has ended, so a test can read what it left in the log, the cycles and the health.
 */

import type { MethodInput } from '../../shared/api/contract.js';
import type { SimulationJob } from '../../shared/api/simulate-types.js';
import type { TestApp } from './app.js';

/** How long a run may take before the test gives up; a guard against a hang, not a timing assertion. */
const GIVE_UP_MS = 60_000;

export async function runSimulation(t: TestApp, input: MethodInput<'simulate.start'>): Promise<SimulationJob> {
  const started = await t.api('simulate.start', input);
  if (!started.ok) throw new Error(`simulate.start failed: ${started.error.message}`);
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const job = (await t.api('simulate.get', { jobId: started.value.jobId })).value.job as SimulationJob;
    if (job.state !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`The simulated run was still going after ${GIVE_UP_MS / 1000} s: ${JSON.stringify(job.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
