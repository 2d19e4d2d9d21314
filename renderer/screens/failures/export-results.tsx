/**
 * One line per export job: its state, then its finished files as download links (sizes shown, since an
 * admin attaching them to a ticket cares).
 */

import { Badge, type Tone } from '../../components/badge.js';
import { downloadUrl, FORMAT_TEXT } from './export-api.js';
import type { JobView } from './use-export-jobs.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function stateOf(view: JobView): { tone: Tone; text: string } {
  if (view.error !== null) return { tone: 'danger', text: 'Failed' };
  if (view.phase === 'queued') return { tone: 'neutral', text: 'Waiting' };
  if (view.phase === 'skipped') return { tone: 'neutral', text: 'Cancelled' };
  const state = view.job?.state ?? 'running';
  if (state === 'done') return { tone: 'success', text: 'Ready' };
  if (state === 'failed') return { tone: 'danger', text: 'Failed' };
  if (state === 'cancelled') return { tone: 'neutral', text: 'Cancelled' };
  return { tone: 'info', text: 'Running' };
}

export function ExportResults({ jobs }: { jobs: readonly JobView[] }) {
  return (
    <ul className="export-results" aria-label="Export files">
      {jobs.map((view) => {
        const state = stateOf(view);
        const files = view.job?.state === 'done' ? view.job.files : [];
        return (
          <li key={view.format} data-format={view.format} data-state={view.error !== null ? 'failed' : (view.job?.state ?? view.phase)}>
            <span className="export-result-name strong">{FORMAT_TEXT[view.format].label}</span>
            <Badge tone={state.tone}>{state.text}</Badge>
            <span className="export-files">
              {files.map((file) => {
                const url = view.jobId === null ? null : downloadUrl(view.jobId, file.name);
                return url === null ? (
                  <span key={file.name} className="mono small">
                    {file.name}
                  </span>
                ) : (
                  <a key={file.name} href={url} download={file.name} className="export-file">
                    {file.name} <span className="muted small">({size(file.bytes)})</span>
                  </a>
                );
              })}
              {(view.error ?? view.job?.error) != null && <span className="small inline-warning">{view.error ?? view.job?.error}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
