/**
 * The detail pane of one exchange (`logs.get`): a header with the operation and result, Copy as cURL, and the
 * tabs Summary, Request, Response, Changes, Raw.
 */

import { useState } from 'react';
import type { ExchangeDetail } from '../../../shared/api/log-types.js';
import { useStatus } from '../../app/status-context.js';
import { HttpStatusBadge, OutcomeBadge } from '../../components/badge.js';
import { CopyButton } from '../../components/copy-button.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ICONS } from '../../components/icons.js';
import { Tabs, type TabDef } from '../../components/tabs.js';
import { useApi } from '../../hooks/use-api.js';
import { operationLabel } from '../../lib/labels.js';
import { DetailChanges, DetailRaw, DetailResponse } from './detail-other-tabs.js';
import { DetailRequest } from './detail-request.js';
import { DetailSummary } from './detail-summary.js';
import { curlCommand } from './wire-text.js';

type TabKey = 'summary' | 'request' | 'response' | 'changes' | 'raw';

function tabsFor(detail: ExchangeDetail | undefined): TabDef<TabKey>[] {
  const changes = detail?.modified.length ?? 0;
  return [
    { key: 'summary', label: 'Summary' },
    { key: 'request', label: 'Request' },
    { key: 'response', label: 'Response' },
    { key: 'changes', label: changes > 0 ? `Changes (${changes})` : 'Changes' },
    { key: 'raw', label: 'Raw' },
  ];
}

export function DetailPane({ id, onClose }: { id: number; onClose: () => void }) {
  const { data, error, refetch } = useApi('logs.get', { id }, [id]);
  const [tab, setTab] = useState<TabKey>('summary');
  const { status } = useStatus();
  // Until the new id's answer arrives, the previous exchange stays visible rather than flashing empty.
  const detail = data;

  return (
    <aside className="detail" aria-label="Request detail" data-detail-id={detail?.id}>
      <header className="detail-head">
        <div className="detail-title">
          {detail === undefined ? (
            <h2>Request #{id}</h2>
          ) : (
            <>
              <h2 className="truncate" title={detail.identity ?? undefined}>
                {operationLabel(detail)}
                {detail.identity !== null && <span className="detail-identity"> · {detail.identity}</span>}
              </h2>
              <div className="detail-badges">
                <HttpStatusBadge status={detail.status} />
                <OutcomeBadge outcome={detail.outcome} />
                {detail.errorCode !== null && <span className="mono small">{detail.errorCode}</span>}
              </div>
            </>
          )}
        </div>
        <div className="detail-actions">
          {detail !== undefined && status !== undefined && <CopyButton text={curlCommand(detail, status.scimUrl)} label="Copy as cURL" />}
          <button type="button" className="button button-subtle icon-button" aria-label="Close detail (Esc)" title="Close (Esc)" onClick={onClose}>
            {ICONS.close}
          </button>
        </div>
      </header>
      {error !== undefined && detail?.id !== id ? (
        <div className="detail-error">
          <ErrorBanner error={error} onRetry={() => void refetch()} />
        </div>
      ) : detail === undefined ? (
        <div className="detail-loading" aria-busy="true" />
      ) : (
        <Tabs tabs={tabsFor(detail)} active={tab} onChange={setTab} label="Request detail">
          {tab === 'summary' && <DetailSummary detail={detail} />}
          {tab === 'request' && <DetailRequest detail={detail} />}
          {tab === 'response' && <DetailResponse detail={detail} />}
          {tab === 'changes' && <DetailChanges detail={detail} />}
          {tab === 'raw' && <DetailRaw detail={detail} />}
        </Tabs>
      )}
    </aside>
  );
}
