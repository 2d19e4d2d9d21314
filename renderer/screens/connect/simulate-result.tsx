/**
 * A simulated run while it goes (a progress bar that counts work items, like Entra's "Current status" counts
 * objects, entra-behavior.md §7) and when it ends: the totals, Entra's provisioning-log rows by Action and Status
 * (§6.1), the exchanges by HTTP status, and the first failures with their likely Entra error codes (§4).
 */

import type { SimulationJob, SimulationSummary } from '../../../shared/api/simulate-types.js';
import { href } from '../../app/router.js';
import { HttpStatusBadge } from '../../components/badge.js';
import { ProgressBar } from '../../components/progress-bar.js';
import { Table } from '../../components/table.js';
import { formatCount, formatDuration, plural } from '../../lib/format.js';

const HEADLINE: Readonly<Record<SimulationJob['state'], string>> = {
  running: 'Running',
  done: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Could not run',
};

function Summary({ summary }: { summary: SimulationSummary }) {
  return (
    <>
      <div className="simulate-tables">
        <Table label="Operations by action and status" className="simulate-actions">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col" className="num">Success</th>
              <th scope="col" className="num">Failure</th>
              <th scope="col" className="num">Skipped</th>
            </tr>
          </thead>
          <tbody>
            {summary.byAction.map((row) => (
              <tr key={row.action}>
                <th scope="row">{row.action}</th>
                <td className="num">{formatCount(row.success)}</td>
                <td className={`num${row.failure > 0 ? ' simulate-failed' : ''}`}>{formatCount(row.failure)}</td>
                <td className="num">{formatCount(row.skipped)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <div className="simulate-statuses">
          <span className="field-label">{plural(summary.requests, 'request')} by HTTP status</span>
          <ul aria-label="Requests by HTTP status">
            {summary.byStatus.map(({ status, count }) => (
              <li key={status}>
                {status === 0 ? <span className="small muted">no answer</span> : <HttpStatusBadge status={status} />} <span className="num">×{formatCount(count)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {summary.failures.length > 0 && (
        <ul className="simulate-failures" aria-label="Failures">
          {summary.failures.map((f, i) => (
            <li key={i}>
              <span className="small muted">cycle {f.cycle}</span> <strong>{f.action}</strong> {f.entity} <span className="mono">{f.identity}</span> —{' '}
              {f.httpStatus === 0 ? 'no answer' : `HTTP ${f.httpStatus}`} <span className="mono">{f.errorCode ?? ''}</span>
              {f.detail !== null && <span className="small muted block">{f.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function SimulateResult({ job, onCancel }: { job: SimulationJob; onCancel: () => void }) {
  const { progress, summary, options } = job;
  const counts = summary ?? progress;
  const took = job.finishedAt === null ? null : formatDuration(job.finishedAt - job.startedAt);
  return (
    <div className="simulate-result" data-testid="simulate-result" data-state={job.state} aria-live="polite">
      <div className="simulate-head">
        <strong>{HEADLINE[job.state]}</strong>
        <span className="small muted">
          {plural(options.users, 'user')}, {plural(options.groups, 'group')}, {plural(options.cycles, 'cycle')}, dialect {options.dialect}
          {took === null ? '' : ` · took ${took}`}
        </span>
        <span className="simulate-spacer" />
        {job.state === 'running' && (
          <button type="button" className="button button-small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {job.state === 'running' && (
        <ProgressBar
          value={progress.done}
          max={progress.total}
          label={`Cycle ${progress.cycle} of ${options.cycles}`}
          detail={`${formatCount(progress.done)} of ${formatCount(progress.total)} steps · ${plural(progress.requests, 'request')} · ${formatCount(progress.failed)} failed`}
        />
      )}
      {job.error !== null && <p className="field-error">{job.error}</p>}
      {job.state !== 'running' && job.state !== 'failed' && (
        <p className={`simulate-total${counts.failed > 0 ? ' has-failures' : ''}`} data-testid="simulate-total">
          {formatCount(counts.passed)} passed, {formatCount(counts.failed)} failed
          {summary !== null && summary.skipped > 0 && <span className="small muted"> · {formatCount(summary.skipped)} skipped</span>}
        </p>
      )}
      {summary !== null && <Summary summary={summary} />}
      {job.state !== 'running' && (
        <p className="small simulate-links">
          See the requests in <a href={href('live')}>Live</a> and the inferred cycle in <a href={href('cycles')}>Cycles</a>
          {counts.failed > 0 && (
            <>
              ; failures in <a href={href('failures')}>Failures</a>
            </>
          )}
          .
        </p>
      )}
    </div>
  );
}
