/**
 * Secret Token card (Britive's token page, entra-behavior.md §12): create, reveal once, list, revoke, re-create.
 * The secret exists only in this component's state until "I've copied it"; lists carry only the last four.
 */

import { useState } from 'react';
import type { CreatedTokenResult, TokenSummary } from '../../../shared/api/admin-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { getBackend } from '../../api/client.js';
import { useStatus } from '../../app/status-context.js';
import { Badge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { RelativeTime } from '../../components/relative-time.js';
import { Table } from '../../components/table.js';
import { useApi } from '../../hooks/use-api.js';
import { formatDateTime } from '../../lib/format.js';
import { SecretReveal, TokenCreateForm } from './token-create.js';

function tokenState(t: TokenSummary): { tone: 'success' | 'neutral' | 'danger'; text: string } {
  if (t.revoked !== null) return { tone: 'neutral', text: 'Revoked' };
  if (t.expires !== null && Date.parse(t.expires) <= Date.now()) return { tone: 'danger', text: 'Expired' };
  return { tone: 'success', text: 'Active' };
}

const shortDate = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function TokenRow({ token, busy, onRevoke, onRecreate }: { token: TokenSummary; busy: boolean; onRevoke: () => void; onRecreate: () => void }) {
  const [confirm, setConfirm] = useState<'revoke' | 'recreate' | null>(null);
  const state = tokenState(token);
  const active = token.revoked === null;
  return (
    <>
      <tr className={active ? '' : 'is-dim'}>
        <td>
          <span className="strong block-line">{token.label}</span>
          <span className="muted small">
            <span className="mono">…{token.last4}</span> · <span title={formatDateTime(token.created)}>created {shortDate(token.created)}</span>
          </span>
        </td>
        <td>
          <Badge tone={state.tone}>{state.text}</Badge>
        </td>
        <td className="nowrap">{token.expires === null ? <span className="muted">Never</span> : <RelativeTime ts={token.expires} />}</td>
        <td className="nowrap">
          <RelativeTime ts={token.lastUsed} fallback="Never" />
        </td>
        <td className="actions">
          {confirm === null && (
            <>
              <button type="button" className="button button-small" disabled={busy} onClick={() => setConfirm('recreate')} aria-label={`Re-create ${token.label}`}>
                Re-create
              </button>
              {active && (
                <button type="button" className="button button-small button-danger" disabled={busy} onClick={() => setConfirm('revoke')} aria-label={`Revoke ${token.label}`}>
                  Revoke
                </button>
              )}
            </>
          )}
        </td>
      </tr>
      {confirm !== null && (
        <tr className="confirm-row">
          <td colSpan={5}>
            <span className="confirm" role="group" aria-label="Confirm">
              <span>
                {confirm === 'revoke'
                  ? `Revoke “${token.label}”? Entra's next request with it gets 401, and a cycle then quarantines the job.`
                  : `Re-create “${token.label}”? It is revoked and a new token with the same label and validity is shown once.`}
              </span>
              <button
                type="button"
                className={`button button-small ${confirm === 'revoke' ? 'button-danger-solid' : 'button-primary'}`}
                onClick={() => {
                  setConfirm(null);
                  if (confirm === 'revoke') onRevoke();
                  else onRecreate();
                }}
              >
                {confirm === 'revoke' ? 'Revoke' : 'Re-create'}
              </button>
              <button type="button" className="button button-small" onClick={() => setConfirm(null)}>
                Cancel
              </button>
            </span>
          </td>
        </tr>
      )}
    </>
  );
}

export function TokenCard() {
  const tokens = useApi('tokens.list', undefined);
  const { refetch: refetchStatus } = useStatus();
  const [created, setCreated] = useState<CreatedTokenResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const act = async (run: () => Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }>, reveal: boolean) => {
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    if (reveal) setCreated(result.value as CreatedTokenResult);
    void tokens.refetch();
    void refetchStatus();
  };
  const api = getBackend();
  const list = tokens.data ?? [];

  return (
    <Card id="secret-token" title="Secret Token" subtitle="Entra sends it as Authorization: Bearer on every request.">
      {error !== undefined && <ErrorBanner error={error} compact />}
      {created !== null ? (
        <SecretReveal created={created} onDone={() => setCreated(null)} />
      ) : (
        <TokenCreateForm busy={busy} onCreate={(label, days) => void act(() => api.call('tokens.create', { label, days }), true)} />
      )}
      {tokens.error !== undefined && <ErrorBanner error={tokens.error} onRetry={() => void tokens.refetch()} compact />}
      {list.length > 0 && (
        <Table label="Secret Tokens" className="token-table">
          <thead>
            <tr>
              <th>Token</th>
              <th>State</th>
              <th>Expires</th>
              <th>Last used</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                busy={busy}
                onRevoke={() => void act(() => api.call('tokens.revoke', { id: token.id }), false)}
                onRecreate={() => void act(() => api.call('tokens.recreate', { id: token.id }), true)}
              />
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
