/**
 * The detail pane of one exchange (`logs.get`): a header with the operation and result, Copy as cURL, the replay
 * row (Replay, Edit & replay and the links between a replay and its original), and the tabs Summary, Request,
 * Response, Changes, Raw, which the Edit & replay form takes the place of while it is open.
 */

import { useCallback, useState } from 'react';
import type { ReplayResult } from '../../../shared/api/replay-types.js';
import type { ExchangeDetail } from '../../../shared/api/log-types.js';
import { useStatus } from '../../app/status-context.js';
import { HttpStatusBadge, OutcomeBadge } from '../../components/badge.js';
import { CopyButton } from '../../components/copy-button.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ICONS } from '../../components/icons.js';
import { SourceChip } from '../../components/source-chip.js';
import { Tabs, type TabDef } from '../../components/tabs.js';
import { useApi } from '../../hooks/use-api.js';
import { operationLabel } from '../../lib/labels.js';
import { DetailChanges, DetailRaw, DetailResponse } from './detail-other-tabs.js';
import { DetailRequest } from './detail-request.js';
import { DetailSummary } from './detail-summary.js';
import { ReplayBar } from './replay-bar.js';
import { ReplayForm } from './replay-form.js';
import { ReplayNotice } from './replay-notice.js';
import { useReplay } from './use-replay.js';
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

export interface DetailPaneProps {
  readonly id: number;
  readonly onClose: () => void;
  /** Opens another exchange in the pane (a replay just logged), as a new history entry. */
  readonly onSelect: (id: number) => void;
  readonly hrefFor: (id: number) => string;
}

export function DetailPane({ id, onClose, onSelect, hrefFor }: DetailPaneProps) {
  const { data, error, refetch } = useApi('logs.get', { id }, [id]);
  const [tab, setTab] = useState<TabKey>('summary');
  const { status } = useStatus();
  // Until the new id's answer arrives, the previous exchange stays visible rather than flashing empty.
  const detail = data;
  // The form and a replay's result belong to the exchange they were opened on; moving elsewhere leaves them behind.
  const [editingId, setEditingId] = useState<number | null>(null);
  const [notice, setNotice] = useState<ReplayResult | null>(null);
  const [replayedId, setReplayedId] = useState<number | null>(null);
  const onReplayed = useCallback(
    (result: ReplayResult) => {
      setEditingId(null);
      setNotice(result);
      setTab('summary');
      if (result.id !== null) onSelect(result.id);
    },
    [onSelect],
  );
  const replay = useReplay(onReplayed);
  const editing = editingId === id && detail?.id === id;
  const shownNotice = notice !== null && (notice.id ?? notice.replayOf) === id && detail?.id === id ? notice : null;
  const quickError = !editing && replayedId === id && detail?.id === id ? replay.error : undefined;

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
                <SourceChip source={detail.source} />
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
      {detail !== undefined && (
        <ReplayBar
          detail={detail}
          editing={editing}
          sending={replay.sending}
          hrefFor={hrefFor}
          onReplay={() => {
            setReplayedId(detail.id);
            void replay.send(detail.id);
          }}
          onEdit={() => {
            replay.clearError();
            setEditingId(editing ? null : detail.id);
          }}
        />
      )}
      {shownNotice !== null && <ReplayNotice result={shownNotice} onDismiss={() => setNotice(null)} />}
      {quickError !== undefined && (
        <div className="replay-quick-error">
          <ErrorBanner error={quickError} compact />
        </div>
      )}
      {error !== undefined && detail?.id !== id ? (
        <div className="detail-error">
          <ErrorBanner error={error} onRetry={() => void refetch()} />
        </div>
      ) : detail === undefined ? (
        <div className="detail-loading" aria-busy="true" />
      ) : editing ? (
        <ReplayForm id={detail.id} sending={replay.sending} error={replay.error} onSend={(edit) => void replay.send(detail.id, edit)} onCancel={() => setEditingId(null)} />
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
