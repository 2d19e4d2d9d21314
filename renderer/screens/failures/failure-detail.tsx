/**
 * One failure group (screens.md Screen 4 "Detail"): what Entra will record and do about it, what our listener
 * answered and why, the facts (how often, whom, when), and every affected request with a link to Live.
 */

import { useEffect } from 'react';
import { href } from '../../app/router.js';
import { useScreenReady } from '../../app/screen-ready.js';
import { HttpStatusBadge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { CodeText } from '../../components/code-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { IdentityLinks } from '../../components/identity-links.js';
import { RelativeTime } from '../../components/relative-time.js';
import { Sparkline } from '../../components/sparkline.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { formatCount, formatDateTime } from '../../lib/format.js';
import { AffectedRequests } from './affected-requests.js';
import { describeFilters, failureQuery, filtersToQuery, isFiltered, type FailureFilters } from './failure-filters.js';
import { EntraRecordCard, ListenerCard } from './failure-explain.js';
import { SenderChips, sendersText } from './failure-senders.js';
import { CycleChips, ResolvedBadge } from './failure-table.js';

export function FailureDetail({ signature, filters }: { signature: string; filters: FailureFilters }) {
  const query = filtersToQuery(filters);
  const groups = useApi('failures.groups', failureQuery(filters, Date.now()), [JSON.stringify(query)]);
  useRefreshOn(['request-logged'], groups.refetch, 2_500);
  const group = groups.data?.find((g) => g.signature === signature);
  const sample = useApi('logs.get', { id: group?.sampleRequestId ?? 1 }, [group?.sampleRequestId], { skip: group === undefined });
  useScreenReady(groups.settled && (group === undefined || sample.settled));
  useEffect(() => {
    if (group !== undefined) document.title = `${group.title} · Failures · Provisioning Monitor`;
  }, [group]);

  const back = (
    <a className="back-link" href={href('failures', [], query)}>
      ← All failures
    </a>
  );
  if (groups.error !== undefined && groups.data === undefined) {
    return (
      <div className="page">
        {back}
        <ErrorBanner error={groups.error} onRetry={() => void groups.refetch()} />
      </div>
    );
  }
  if (groups.data === undefined) return <div className="page" aria-busy="true" />;
  if (group === undefined) {
    return (
      <div className="page">
        {back}
        <EmptyState
          title={isFiltered(filters) ? 'This failure group is outside the current filters' : 'This failure group no longer exists'}
          actions={
            <a className="button button-secondary" href={href('failures', [signature])}>
              Show it without filters
            </a>
          }
        >
          <p>{isFiltered(filters) ? `${describeFilters(filters)} do not include it.` : 'Its requests may have been pruned by the retention settings.'}</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page page-wide failure-detail" data-signature={signature}>
      <header className="page-head failure-head">
        <div>
          {back}
          <h1>{group.title}</h1>
          <div className="failure-badges">
            <HttpStatusBadge status={group.httpStatus} />
            <CodeText text={group.errorCode} className="strong" />
            <ResolvedBadge resolved={group.resolved} />
            <SenderChips group={group} />
            {isFiltered(filters) && <span className="chip">Filtered: {describeFilters(filters)}</span>}
          </div>
        </div>
      </header>
      <div className="failure-grid">
        <div className="failure-main">
          <EntraRecordCard group={group} sample={sample.data} />
          <ListenerCard group={group} sample={sample.data} error={sample.error} />
        </div>
        <Card id="at-a-glance" title="At a glance" className="failure-facts">
          <dl className="fields">
            <div className="field-row">
              <dt>Occurrences</dt>
              <dd className="strong">{formatCount(group.count)}</dd>
            </div>
            <div className="field-row">
              <dt>Sent by</dt>
              <dd>{sendersText(group.bySource)}</dd>
            </div>
            <div className="field-row">
              <dt>Identities</dt>
              <dd>
                <IdentityLinks identities={group.identities} shown={6} />
              </dd>
            </div>
            <div className="field-row">
              <dt>First seen</dt>
              <dd>
                {formatDateTime(group.firstSeen)} <span className="muted">(<RelativeTime ts={group.firstSeen} />)</span>
              </dd>
            </div>
            <div className="field-row">
              <dt>Last seen</dt>
              <dd>
                {formatDateTime(group.lastSeen)} <span className="muted">(<RelativeTime ts={group.lastSeen} />)</span>
              </dd>
            </div>
            <div className="field-row">
              <dt>Cycles</dt>
              <dd>
                <CycleChips cycles={group.cycles} />
              </dd>
            </div>
            <div className="field-row">
              <dt>Last 24 hours</dt>
              <dd>
                <Sparkline values={group.trend} label="Failures per hour, last 24 hours" width={180} height={36} />
              </dd>
            </div>
          </dl>
        </Card>
      </div>
      <AffectedRequests group={group} sample={sample.data} filters={filters} />
    </div>
  );
}
