/**
 * Summary tab: the Entra-style card (screens.md Screen 2, detail tab 1): who, what, the result, and what Entra
 * will record for it, with the change ID an admin can quote to support.
 */

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
import { FieldRow } from '../../components/field-row.js';

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
        <FieldRow label="Identity">{detail.identity === null ? NOTHING : <span className="wrap strong">{detail.identity}</span>}</FieldRow>
        <FieldRow label="Source ID (externalId)">{detail.externalId === null ? NOTHING : <span className="mono wrap">{detail.externalId}</span>}</FieldRow>
        <FieldRow label="Target ID (id)">{detail.resourceId === null ? NOTHING : <span className="mono wrap">{detail.resourceId}</span>}</FieldRow>
        <FieldRow label="Operation">{operationLabel(detail)}</FieldRow>
        <FieldRow label="Action">
          <Badge tone="neutral">{detail.action}</Badge>
        </FieldRow>
        <FieldRow label="Status">
          <OutcomeBadge outcome={detail.outcome} />
        </FieldRow>
        <FieldRow label="Our response">
          <HttpStatusBadge status={detail.status} /> <span className="muted">{reasonPhrase(detail.status)}</span>
          {detail.scimType !== null && <span className="mono muted"> · scimType {detail.scimType}</span>}
          <span className="muted"> · {formatDuration(detail.durationMs)}</span>
        </FieldRow>
        <FieldRow label="Time">
          {formatDateTime(detail.ts)} <span className="muted">(<RelativeTime ts={detail.ts} />)</span>
        </FieldRow>
        <FieldRow label="Cycle">{detail.cycleId === null ? NOTHING : <span className="chip">#{detail.cycleId} (inferred)</span>}</FieldRow>
        <FieldRow label="Change ID">
          <span className="mono wrap">{detail.changeId}</span> <CopyButton text={detail.changeId} what="change ID" variant="subtle" />
        </FieldRow>
        {detail.dialect !== null && <FieldRow label="PATCH dialect">{detail.dialect === 'default' ? 'Entra default (PascalCase ops, "False" strings)' : 'aadOptscim062020 (RFC-compliant)'}</FieldRow>}
        {detail.fault !== null && (
          <FieldRow label="Fault injection">
            <Badge tone="warning">{detail.fault}</Badge>
          </FieldRow>
        )}
        <FieldRow label="Client">
          <span className="mono">{detail.forwardedFor ?? detail.clientIp ?? '—'}</span>
          {detail.forwardedFor !== null && <span className="muted"> (via tunnel from {detail.clientIp})</span>}
        </FieldRow>
        {sourceSentence(detail.source) !== null && <FieldRow label="Sent by">{sourceSentence(detail.source)}</FieldRow>}
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
              <FieldRow label="Meaning">{explanation.meaning}</FieldRow>
              <FieldRow label="Recommended action">{explanation.recommendedAction}</FieldRow>
              <FieldRow label="Retry">{explanation.retry}</FieldRow>
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
