/**
 * The in-app simulated run (issue 8): the latest job from `simulate.get`, followed by `simulate-progress` events,
 * with a slow poll while it runs in case the event stream is down (the bar must not freeze at 40 %).
 */

import { useEffect, useState } from 'react';
import type { SimulationJob } from '../../../shared/api/simulate-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import type { MethodInput } from '../../../shared/api/contract.js';
import { getBackend } from '../../api/client.js';
import { useApi } from '../../hooks/use-api.js';
import { useEvents } from '../../hooks/use-events.js';

const POLL_MS = 2_000;

/** Answers and events can cross: a finished job, or one further along, is never replaced by an older view of it. */
export function newer(current: SimulationJob | null, next: SimulationJob | null): SimulationJob | null {
  if (next === null) return current;
  if (current === null || current.jobId !== next.jobId) return current !== null && next.startedAt < current.startedAt ? current : next;
  if (current.state !== 'running') return current;
  return next.state !== 'running' || next.progress.done >= current.progress.done ? next : current;
}

export interface Simulation {
  readonly job: SimulationJob | null;
  readonly loaded: boolean;
  start(input: MethodInput<'simulate.start'>): Promise<ApiError | null>;
  cancel(): Promise<void>;
}

export function useSimulation(): Simulation {
  const initial = useApi('simulate.get', undefined);
  const [job, setJob] = useState<SimulationJob | null>(null);
  const merge = (next: SimulationJob | null): void => setJob((current) => newer(current, next));
  useEffect(() => {
    if (initial.data !== undefined) merge(initial.data.job);
  }, [initial.data]);
  useEvents('simulate-progress', (event) => merge(event.job));

  const running = job?.state === 'running' ? job.jobId : null;
  useEffect(() => {
    if (running === null) return;
    const timer = setInterval(() => {
      void getBackend()
        .call('simulate.get', { jobId: running })
        .then((result) => result.ok && merge(result.value.job));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  return {
    job,
    loaded: initial.settled,
    async start(input) {
      const result = await getBackend().call('simulate.start', input);
      if (!result.ok) return result.error;
      const view = await getBackend().call('simulate.get', { jobId: result.value.jobId });
      if (view.ok) merge(view.value.job);
      return null;
    },
    async cancel() {
      if (running !== null) await getBackend().call('simulate.cancel', { jobId: running });
    },
  };
}
