/**
 * One cycle (`#/cycles/<id>`): its summary and, per identity, Entra's Steps rebuilt from the wire. A running
 * cycle refreshes as `cycle-changed` events arrive; a finished one no longer changes.
 */

import type { CycleDetail, IdentityInCycle } from '../../../shared/api/provisioning-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { href } from '../../app/router.js';
import { Badge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { CycleKindChip } from '../../components/cycle-kind-chip.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { StatTile } from '../../components/stat-tile.js';
import { formatCount, formatDateTime, formatDuration, plural } from '../../lib/format.js';
import { ActionCounts } from './cycle-counts.js';
import { IdentitySteps } from './identity-steps.js';

function tally(steps: readonly IdentityInCycle[]) {
  const count = (test: (s: IdentityInCycle) => boolean): number => steps.filter(test).length;
  return {
    created: count((s) => s.action === 'Create' && s.outcome === 'Success'),
    updated: count((s) => s.action === 'Update' && s.outcome === 'Success'),
    removed: count((s) => (s.action === 'Disable' || s.action === 'Delete') && s.outcome === 'Success'),
    skipped: count((s) => s.outcome === 'Skipped'),
    failed: count((s) => s.outcome === 'Failure'),
  };
}

function Back() {
  return (
    <a className="back-link" href={href('cycles')}>
      ← All cycles
    </a>
  );
}

export function CycleDetailView({ id, detail, error, onRetry }: { id: number; detail: CycleDetail | undefined; error: ApiError | undefined; onRetry: () => void }) {
  if (detail === undefined || detail.id !== id) {
    return (
      <div className="page cycles">
        <Back />
        {error !== undefined ? <ErrorBanner error={error} onRetry={error.code === 'not-found' ? undefined : onRetry} /> : <div className="detail-loading" aria-busy="true" />}
      </div>
    );
  }
  const t = tally(detail.perIdentity);
  return (
    <div className="page cycles cycle-detail">
      <Back />
      <header className="page-head">
        <div>
          <h1>
            Cycle #{detail.id} <CycleKindChip kind={detail.kind} />{' '}
            <Badge tone="neutral" title="Entra sends no cycle id: the cycle and its kind are inferred from timing.">
              Inferred
            </Badge>{' '}
            {detail.open && <Badge tone="info">Running</Badge>}
          </h1>
          <p>
            {formatDateTime(detail.started)} → {detail.open ? 'still running' : formatDateTime(detail.ended)} · {formatDuration(detail.durationMs)} · {plural(detail.requests, 'request')}
          </p>
        </div>
        <a className="button button-secondary" href={href('live', [], { q: `cycle:${detail.id}` })}>
          Open its requests in Live
        </a>
      </header>
      {error !== undefined && <ErrorBanner error={error} onRetry={onRetry} compact />}
      <div className="stat-row">
        <StatTile label="Identities" value={formatCount(detail.perIdentity.length)} detail="Entra asked about" />
        <StatTile label="Created" value={formatCount(t.created)} tone={t.created > 0 ? 'success' : undefined} />
        <StatTile label="Updated" value={formatCount(t.updated)} />
        <StatTile label="Disabled / deleted" value={formatCount(t.removed)} />
        <StatTile label="Skipped" value={formatCount(t.skipped)} detail="looked up, no change" />
        <StatTile label="Failed" value={formatCount(t.failed)} tone={t.failed > 0 ? 'danger' : undefined} />
      </div>
      <Card
        id="cycle-steps"
        title="Steps per identity"
        subtitle="Rebuilt from the requests Entra sent, like the Steps of Entra's provisioning log: match, then act, then the result Entra records."
        aside={<ActionCounts cycle={detail} />}
      >
        {detail.perIdentity.length === 0 ? (
          <EmptyState title={detail.kind === 'test-connection' ? 'Only Test Connection in this cycle' : 'No identities in this cycle'}>
            <p>
              {detail.kind === 'test-connection'
                ? 'Entra probed the listener with a random user name and no identity was processed. The first real cycle starts when Provisioning Status is turned On and saved.'
                : 'Entra sent requests that name no user or group (discovery or unrecognised requests). Open them in Live to see what they were.'}
            </p>
          </EmptyState>
        ) : (
          <IdentitySteps cycleId={detail.id} steps={detail.perIdentity} />
        )}
      </Card>
    </div>
  );
}
