/**
 * exports.start / get / list / cancel: export jobs for the Failures screen's "Export failure report"
 * (design/screens.md Screen 4; issue 7). A job runs in this process, reading the log in chunks and yielding between
 * them (electron/export/run.ts), so the SCIM listener keeps answering Entra while it runs. Files land in
 * `<dataDir>/exports/<jobId>/`; the admin server serves finished ones at `GET /exports/<jobId>/<file>`.
 *
 * Progress goes out as `export-progress` events, at most every PROGRESS_INTERVAL_MS, plus one when the job ends.
 */

import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportJob } from '../../shared/api/export-types.js';
import { ApiFailure } from '../../shared/api/result.js';
import { SCIM_BASE_PATH } from '../../shared/scim/constants.js';
import { defaultBaseName, exportsRoot } from '../export/files.js';
import { runExport } from '../export/run.js';
import { inferTenantUrl } from '../export/tenant-url.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

/** ~4 events a second at most (issue 7). */
export const PROGRESS_INTERVAL_MS = 250;
/** Exports running at once; each reads the log and writes files, so more would only compete with the listener. */
export const MAX_RUNNING_EXPORTS = 2;
/** Finished jobs remembered for `exports.list`; their files stay on disk either way. */
const MAX_REMEMBERED = 50;

interface Job {
  view: ExportJob;
  readonly controller: AbortController;
  done: Promise<void>;
}

export function exportHandlers(deps: ApiDeps): NamespaceHandlers<'exports'> {
  const root = exportsRoot(deps.dataDir);
  const jobs = new Map<string, Job>();
  const publish = (job: Job): void => deps.events?.publish({ type: 'export-progress', job: job.view });
  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new ApiFailure('not-found', `No export ${jobId}; exports are remembered until the monitor restarts.`);
    return job;
  };
  const forgetOld = (): void => {
    const finished = [...jobs.values()].filter((job) => job.view.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - MAX_REMEMBERED))) jobs.delete(job.view.jobId);
  };
  const tenantUrl = (): string | null => {
    const tunnel = deps.tunnel();
    if (tunnel?.state === 'online' && tunnel.publicUrl) return tunnel.publicUrl.replace(/\/+$/, '') + SCIM_BASE_PATH;
    return inferTenantUrl(deps.store.db) ?? deps.scimUrl();
  };

  return {
    'exports.start': (input) => {
      const running = [...jobs.values()].filter((job) => job.view.state === 'running').length;
      if (running >= MAX_RUNNING_EXPORTS) {
        throw new ApiFailure('conflict', `${running} exports are already running; wait for one to finish or cancel it.`);
      }
      const failuresOnly = input.failuresOnly ?? false;
      const jobId = randomUUID();
      const dir = join(root, jobId);
      const job: Job = {
        view: { jobId, format: input.format, failuresOnly, state: 'running', rowsWritten: 0, totalEstimate: 0, files: [], error: null, startedAt: deps.now(), finishedAt: null },
        controller: new AbortController(),
        done: Promise.resolve(),
      };
      jobs.set(jobId, job);
      forgetOld();
      let lastPublished = 0;
      job.done = runExport({
        db: deps.store.db,
        format: input.format,
        failuresOnly,
        query: input.query ?? {},
        dir,
        baseName: input.baseName ?? defaultBaseName(failuresOnly, deps.now()),
        sensitiveAttributes: input.sensitiveAttributes ?? [],
        tenantUrl: tenantUrl(),
        version: deps.version,
        now: deps.now,
        signal: job.controller.signal,
        onProgress: ({ rowsWritten, totalEstimate }) => {
          job.view = { ...job.view, rowsWritten, totalEstimate };
          const at = Date.now();
          if (at - lastPublished >= PROGRESS_INTERVAL_MS) {
            lastPublished = at;
            publish(job);
          }
        },
      }).then(
        (result) => {
          job.view = { ...job.view, state: 'done', rowsWritten: result.rows, totalEstimate: result.rows, files: result.files.map(({ name, bytes }) => ({ name, bytes })), finishedAt: deps.now() };
        },
        async (error: unknown) => {
          const cancelled = job.controller.signal.aborted;
          await rm(dir, { recursive: true, force: true }).catch(() => undefined);
          const message = error instanceof Error ? error.message : String(error);
          if (!cancelled) console.error(`provisioning-monitor: export ${jobId} failed:`, message);
          job.view = { ...job.view, state: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : message, files: [], finishedAt: deps.now() };
        },
      ).finally(() => publish(job));
      return { jobId };
    },
    'exports.get': ({ jobId }) => find(jobId).view,
    'exports.list': () => [...jobs.values()].map((job) => job.view).reverse(),
    'exports.cancel': async ({ jobId }) => {
      const job = find(jobId);
      if (job.view.state !== 'running') return { cancelled: false };
      job.controller.abort();
      // Resolves once the job has stopped and its partial files are gone.
      await job.done;
      return { cancelled: (job.view as ExportJob).state === 'cancelled' };
    },
  };
}
