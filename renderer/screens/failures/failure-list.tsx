/**
 * The grouped list with its filters, counts and the export action; empty states say what will appear and why.
 */

import { useCallback, useMemo, useState } from 'react';
import { href, navigate } from '../../app/router.js';
import { useScreenReady } from '../../app/screen-ready.js';
import { useStatus } from '../../app/status-context.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ICONS } from '../../components/icons.js';
import { WaitingForEntra } from '../../components/waiting-for-entra.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { formatCount, plural } from '../../lib/format.js';
import { ExportPanel } from './export-panel.js';
import { FailureFilterBar } from './failure-filter-bar.js';
import { applyStatusClass, describeFilters, failureQuery, filtersToQuery, isFiltered, NO_FILTERS, type FailureFilters } from './failure-filters.js';
import { FailureTable } from './failure-table.js';
import { useGroupDetails } from './use-group-details.js';

export function FailureList({ filters }: { filters: FailureFilters }) {
  const query = filtersToQuery(filters);
  const key = JSON.stringify(query);
  const groups = useApi('failures.groups', failureQuery(filters, Date.now()), [key]);
  useRefreshOn(['request-logged'], groups.refetch, 2_500);
  const { status } = useStatus();
  const [exporting, setExporting] = useState(false);
  useScreenReady(groups.settled);

  const shown = useMemo(() => applyStatusClass(groups.data ?? [], filters.statusClass), [groups.data, filters.statusClass]);
  const details = useGroupDetails(shown);
  const events = shown.reduce((n, g) => n + g.count, 0);
  const open = shown.filter((g) => !g.resolved).length;
  const setFilters = useCallback((next: FailureFilters) => navigate(href('failures', [], filtersToQuery(next)), { replace: true }), []);
  const noTraffic = (status?.requestCount ?? 0) === 0;

  return (
    <div className="page page-wide failures">
      <header className="page-head">
        <div>
          <h1>Failures</h1>
          <p>Failed requests grouped by cause, with the error code Entra will likely record in its provisioning logs, what it means and what to do.</p>
        </div>
        <button type="button" className="button button-primary" aria-expanded={exporting} aria-controls="failure-export" onClick={() => setExporting(!exporting)}>
          Export failure report…
        </button>
      </header>
      {exporting && <ExportPanel filters={filters} onClose={() => setExporting(false)} />}
      <FailureFilterBar filters={filters} onChange={setFilters} />
      {groups.error !== undefined && <ErrorBanner error={groups.error} onRetry={() => void groups.refetch()} />}
      <p className="list-summary muted" aria-live="polite">
        {groups.data === undefined ? '\u00a0' : `${plural(shown.length, 'group')} · ${plural(events, 'failed request')} · ${formatCount(open)} unresolved`}
      </p>
      {groups.data === undefined ? (
        <div className="list-loading" aria-busy="true" />
      ) : shown.length > 0 ? (
        <FailureTable groups={shown} query={query} details={details} />
      ) : noTraffic ? (
        <WaitingForEntra />
      ) : isFiltered(filters) ? (
        <EmptyState
          title="No failures match these filters"
          actions={
            <button type="button" className="button button-secondary" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </button>
          }
        >
          <p>{describeFilters(filters)}: none logged. New failures appear here as Entra's requests arrive.</p>
        </EmptyState>
      ) : (
        <EmptyState
          title="No failures yet"
          icon={ICONS.check}
          actions={
            <a className="button button-secondary" href={href('live')}>
              Watch requests in Live
            </a>
          }
        >
          <p>
            Every request Entra sent was answered successfully. When one fails (a 409 conflict, a 400 your app rejects, a 401 for a wrong token), it appears here
            grouped by cause, with the error code Entra will record and the fix.
          </p>
        </EmptyState>
      )}
    </div>
  );
}
