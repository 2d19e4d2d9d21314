/**
 * Runs one export job per chosen format, one after another (the monitor runs at most two exports at once, and
 * each competes with the listener for the log), and follows them with the `export-progress` event; a slow poll of
 * `exports.get` backs the event up, since an event missed during a reconnect would leave the bar stuck.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportFormat, ExportJob } from '../../../shared/api/export-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { getBackend } from '../../api/client.js';
import { useEvents } from '../../hooks/use-events.js';
import type { ExportQuery } from './export-api.js';

const POLL_MS = 1_000;

export interface JobView {
  readonly format: ExportFormat;
  /** `queued` waits its turn; `skipped` was cancelled before it started. */
  readonly phase: 'queued' | 'starting' | 'started' | 'skipped';
  readonly jobId: string | null;
  readonly job: ExportJob | undefined;
  readonly error: string | null;
}

export interface ExportJobs {
  readonly jobs: readonly JobView[];
  readonly running: boolean;
  readonly error: ApiError | undefined;
  start(formats: readonly ExportFormat[], failuresOnly: boolean, query: ExportQuery): void;
  cancel(): Promise<void>;
}

const active = (v: JobView): boolean => v.error === null && (v.phase === 'starting' || (v.phase === 'started' && (v.job === undefined || v.job.state === 'running')));

export function useExportJobs(): ExportJobs {
  const [jobs, setJobs] = useState<readonly JobView[]>([]);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const request = useRef<{ failuresOnly: boolean; query: ExportQuery } | null>(null);
  const running = jobs.some((v) => active(v) || v.phase === 'queued');

  const update = useCallback((format: ExportFormat, patch: Partial<JobView>) => setJobs((views) => views.map((v) => (v.format === format ? { ...v, ...patch } : v))), []);

  // Start the next queued format once nothing is running.
  useEffect(() => {
    if (jobs.some(active) || request.current === null) return;
    const next = jobs.find((v) => v.phase === 'queued');
    if (next === undefined) return;
    const { failuresOnly, query } = request.current;
    update(next.format, { phase: 'starting' });
    void getBackend()
      .call('exports.start', { format: next.format, failuresOnly, query })
      .then((result) => {
        if (result.ok) update(next.format, { phase: 'started', jobId: result.value.jobId });
        else {
          update(next.format, { phase: 'started', error: result.error.message });
          setError(result.error);
        }
      });
  }, [jobs, update]);

  useEvents('export-progress', (event) => setJobs((views) => views.map((v) => (v.jobId === event.job.jobId ? { ...v, job: event.job } : v))));

  const poll = useCallback(async () => {
    for (const view of jobs.filter((v) => active(v) && v.jobId !== null)) {
      const result = await getBackend().call('exports.get', { jobId: view.jobId ?? '' });
      setJobs((views) => views.map((v) => (v.jobId !== view.jobId ? v : result.ok ? { ...v, job: result.value } : { ...v, error: result.error.message })));
    }
  }, [jobs]);
  const pollRef = useRef(poll);
  pollRef.current = poll;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void pollRef.current(), POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  const start = useCallback((formats: readonly ExportFormat[], failuresOnly: boolean, query: ExportQuery) => {
    request.current = { failuresOnly, query };
    setError(undefined);
    setJobs(formats.map((format) => ({ format, phase: 'queued', jobId: null, job: undefined, error: null })));
  }, []);

  const cancel = useCallback(async () => {
    setJobs((views) => views.map((v) => (v.phase === 'queued' ? { ...v, phase: 'skipped' } : v)));
    for (const view of jobs.filter((v) => active(v) && v.jobId !== null)) await getBackend().call('exports.cancel', { jobId: view.jobId ?? '' });
    await pollRef.current();
  }, [jobs]);

  return { jobs, running, error, start, cancel };
}
