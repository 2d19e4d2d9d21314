/**
 * Summary tab: the Entra-style card (screens.md Screen 2, detail tab 1): who, what, the result, and what Entra
 * will record for it, with the change ID an admin can quote to support.
 */

import type { ReactNode } from 'react';
import type { ExchangeDetail } from '../../../shared/api/log-types.js';
import type { EntraAction, EntraStatus } from '../../../shared/domain/operation.js';
import { Badge, HttpStatusBadge, OutcomeBadge } from '../../components/badge.js';
import { CopyButton } from '../../components/copy-button.js';
import { RelativeTime } from '../../components/relative-time.js';
import { sourceSentence } from '../../components/source-chip.js';
import { formatDateTime, formatDuration } from '../../lib/format.js';
import { operationLabel } from '../../lib/labels.js';
import { ConformanceHints } from './conformance-hints.js';
import { reasonPhrase } from './wire-text.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const NOTHING = <span className="faint">—</span>;

/** What Entra logs when our answer was not a failure (its Status column in the provisioning logs). */
function okRecord(action: EntraAction, outcome: EntraStatus): string {
  if (outcome === 'Skipped') return 'Entra records this as Skipped: nothing needed to change.';
  if (outcome === 'Warning') return 'Entra records a Warning for this object.';
  if (action === 'Other') return 'Entra does not log reads and match queries as separate events; they feed the next step (create, update or skip).';
  return `Entra records ${action} · Success.`;
}

export function DetailSummary({ detail }: { detail: ExchangeDetail }) {
  const explanation = detail.explanation;
  return (
    <div className="detail-summary">
      <dl className="fields">
        <Field label="Identity">{detail.identity === null ? NOTHING : <span className="wrap strong">{detail.identity}</span>}</Field>
        <Field label="Source ID (externalId)">{detail.externalId === null ? NOTHING : <span className="mono wrap">{detail.externalId}</span>}</Field>
        <Field label="Target ID (id)">{detail.resourceId === null ? NOTHING : <span className="mono wrap">{detail.resourceId}</span>}</Field>
        <Field label="Operation">{operationLabel(detail)}</Field>
        <Field label="Action">
          <Badge tone="neutral">{detail.action}</Badge>
        </Field>
        <Field label="Status">
          <OutcomeBadge outcome={detail.outcome} />
        </Field>
        <Field label="Our response">
          <HttpStatusBadge status={detail.status} /> <span className="muted">{reasonPhrase(detail.status)}</span>
          {detail.scimType !== null && <span className="mono muted"> · scimType {detail.scimType}</span>}
          <span className="muted"> · {formatDuration(detail.durationMs)}</span>
        </Field>
        <Field label="Time">
          {formatDateTime(detail.ts)} <span className="muted">(<RelativeTime ts={detail.ts} />)</span>
        </Field>
        <Field label="Cycle">{detail.cycleId === null ? NOTHING : <span className="chip">#{detail.cycleId} (inferred)</span>}</Field>
        <Field label="Change ID">
          <span className="mono wrap">{detail.changeId}</span> <CopyButton text={detail.changeId} what="change ID" variant="subtle" />
        </Field>
        {detail.dialect !== null && <Field label="PATCH dialect">{detail.dialect === 'default' ? 'Entra default (PascalCase ops, "False" strings)' : 'aadOptscim062020 (RFC-compliant)'}</Field>}
        {detail.fault !== null && (
          <Field label="Fault injection">
            <Badge tone="warning">{detail.fault}</Badge>
          </Field>
        )}
        <Field label="Client">
          <span className="mono">{detail.forwardedFor ?? detail.clientIp ?? '—'}</span>
          {detail.forwardedFor !== null && <span className="muted"> (via tunnel from {detail.clientIp})</span>}
        </Field>
        {sourceSentence(detail.source) !== null && <Field label="Sent by">{sourceSentence(detail.source)}</Field>}
      </dl>

      <section className={`entra-record ${explanation === null ? 'entra-record-ok' : 'entra-record-failure'}`} aria-label="What Entra will record">
        <h3>What Entra will record</h3>
        {explanation === null ? (
          <p>{okRecord(detail.action, detail.outcome)}</p>
        ) : (
          <>
            <p className="entra-code">
              <span className="mono strong">{explanation.errorCode}</span>
            </p>
            <dl className="fields fields-tight">
              <Field label="Meaning">{explanation.meaning}</Field>
              <Field label="Recommended action">{explanation.recommendedAction}</Field>
              <Field label="Retry">{explanation.retry}</Field>
            </dl>
            <p className="field-label">Entra's log message</p>
            <pre className="code entra-message">{explanation.entraMessage}</pre>
          </>
        )}
      </section>
      <ConformanceHints hints={detail.hints} />
    </div>
  );
}
