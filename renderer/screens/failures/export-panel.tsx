/**
 * "Export failure report" (screens.md Screen 4; issue 7): choose formats and scope, export with the current
 * filters, watch the progress, cancel, and download the files. Secrets are redacted by the monitor, not here.
 */

import { useId, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api/export-types.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ProgressBar } from '../../components/progress-bar.js';
import { formatCount } from '../../lib/format.js';
import { exportQuery, FORMAT_TEXT } from './export-api.js';
import { ExportResults } from './export-results.js';
import { describeExportFilters, type FailureFilters } from './failure-filters.js';
import { useExportJobs } from './use-export-jobs.js';


export function ExportPanel({ filters, onClose }: { filters: FailureFilters; onClose: () => void }) {
  const ids = useId();
  const [formats, setFormats] = useState<ReadonlySet<ExportFormat>>(new Set(['csv', 'html']));
  const [failuresOnly, setFailuresOnly] = useState(true);
  const exports = useExportJobs();
  const toggle = (format: ExportFormat, on: boolean) => setFormats((set) => new Set([...set].filter((f) => f !== format).concat(on ? [format] : [])));
  const chosen = EXPORT_FORMATS.filter((f) => formats.has(f));
  const done = exports.jobs.filter((v) => v.job !== undefined && v.job.state !== 'running').length;
  const current = exports.jobs.find((v) => v.job?.state === 'running')?.job;
  const share = current === undefined || current.totalEstimate === 0 ? 0 : Math.min(1, current.rowsWritten / current.totalEstimate);
  const steps = exports.jobs.filter((v) => v.phase !== 'skipped').length;
  const started = exports.jobs.length > 0;

  return (
    <Card
      id="failure-export"
      title="Export failure report"
      subtitle="Evidence to hand to the app vendor or Microsoft support. The Authorization header and secrets are redacted."
      aside={
        <button type="button" className="button button-subtle" onClick={onClose} disabled={exports.running}>
          Close
        </button>
      }
    >
      <form
        className="export-form"
        aria-label="Export failure report"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen.length > 0) exports.start(chosen, failuresOnly, exportQuery(filters, failuresOnly, Date.now()));
        }}
      >
        <fieldset className="export-formats" disabled={exports.running}>
          <legend className="field-label">Formats</legend>
          {EXPORT_FORMATS.map((format) => (
            <label key={format} className="checkbox export-format">
              <input type="checkbox" checked={formats.has(format)} onChange={(e) => toggle(format, e.target.checked)} />
              <span>
                <span className="strong">{FORMAT_TEXT[format].label}</span> <span className="muted small">{FORMAT_TEXT[format].hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="export-scope" disabled={exports.running}>
          <legend className="field-label">Rows</legend>
          <label className="checkbox">
            <input type="radio" name={`${ids}-scope`} checked={failuresOnly} onChange={() => setFailuresOnly(true)} />
            Failures only
          </label>
          <label className="checkbox">
            <input type="radio" name={`${ids}-scope`} checked={!failuresOnly} onChange={() => setFailuresOnly(false)} />
            All operations
          </label>
          <p className="small muted export-filters">
            Filters applied: <span className="strong">{describeExportFilters(filters)}</span>
            {filters.unresolved && ' (“unresolved only” applies to groups, not to exported requests)'}
          </p>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={exports.running || chosen.length === 0}>
            {started && !exports.running ? 'Export again' : 'Start export'}
          </button>
          {exports.running && (
            <button type="button" className="button button-secondary" onClick={() => void exports.cancel()}>
              Cancel export
            </button>
          )}
          {chosen.length === 0 && <span className="small inline-warning">Choose at least one format.</span>}
        </div>
      </form>
      {exports.error !== undefined && <ErrorBanner error={exports.error} compact />}
      {started && (
        <div className="export-progress">
          <ProgressBar
            label={exports.running ? 'Exporting…' : 'Export finished'}
            value={exports.running ? Math.round((done + share) * 100) : steps * 100}
            max={Math.max(steps, 1) * 100}
            detail={`${done} of ${steps} ${steps === 1 ? 'format' : 'formats'}${current === undefined ? '' : ` · ${formatCount(current.rowsWritten)} of ${formatCount(current.totalEstimate)} rows`}`}
          />
          <ExportResults jobs={exports.jobs} />
        </div>
      )}
    </Card>
  );
}
