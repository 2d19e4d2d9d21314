/**
 * The two explanations of a failure group: what Entra will record and do (its error code, meaning, fix, retry,
 * and its log text for the sample request), or would, for a group the app sent itself; and what our listener
 * answered and why.
 */

import type { ExchangeDetail } from '../../../shared/api/log-types.js';
import type { FailureGroup } from '../../../shared/api/provisioning-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { href } from '../../app/router.js';
import { Badge, HttpStatusBadge, MethodBadge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { CodeText } from '../../components/code-text.js';
import { CopyButton } from '../../components/copy-button.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { templatePath } from '../../lib/labels.js';
import { reasonPhrase } from '../live/wire-text.js';
import { FieldRow } from '../../components/field-row.js';
import { messageHeading, notFromEntraNotice, partlyFromAppNote, receiver, recordTitle, sentOnlyByApp, unresolvedByAppText } from './entra-record-text.js';

/** Why this listener gives each status (its rules, in a sentence), so the admin knows whose side to fix. */
const WHY: Readonly<Record<number, string>> = {
  400: 'The request broke a SCIM rule this listener enforces (a missing or malformed value, an unknown PATCH op); the detail names the part.',
  401: 'The request carried no bearer token, or one that is not an active Secret Token of this monitor. Entra sends the Secret Token field as the bearer token.',
  403: 'The token was valid but not allowed to do this.',
  404: 'The resource or path does not exist here: an object deleted on this side, or a Tenant URL without /scim/v2.',
  409: 'Another object already holds this unique value (userName for users, displayName for groups, compared case-insensitively), so a second one was refused.',
  429: 'The request was throttled; Entra waits for Retry-After and tries again.',
  500: 'The listener failed while handling the request; the console of the monitor has the stack trace.',
};

/** The SCIM error's `detail`, read as text from the response body; null when the body is not a SCIM error. */
export function scimDetail(body: string | null): string | null {
  if (body === null || body === '') return null;
  try {
    const parsed: unknown = JSON.parse(body);
    const detail = (parsed as { detail?: unknown } | null)?.detail;
    return typeof detail === 'string' ? detail : null;
  } catch {
    return null;
  }
}

/**
 * Entra's side of the group. A group the app sent alone (simulator, Replay) says first that Entra never saw it, and
 * what follows is labelled as what Entra *would* record for the same request (entra-record-text.ts).
 */
export function EntraRecordCard({ group, sample }: { group: FailureGroup; sample: ExchangeDetail | undefined }) {
  const message = sample?.explanation?.entraMessage;
  const appOnly = sentOnlyByApp(group.bySource);
  const notice = notFromEntraNotice(group.bySource);
  const partly = partlyFromAppNote(group.bySource);
  const heading = messageHeading(sample?.source);
  return (
    <Card
      id="entra-record"
      title={recordTitle(group.bySource)}
      subtitle={
        appOnly
          ? "If Entra sent the same request: in the app's provisioning logs, for each affected object (likely code, from Microsoft's error table)."
          : "In the app's provisioning logs, for each affected object (likely code, from Microsoft's error table)."
      }
      className={appOnly ? 'entra-record-card entra-record-app' : 'entra-record-card'}
    >
      {notice !== null && (
        <p className="banner banner-info banner-compact entra-record-sender" data-testid="not-from-entra">
          {notice}
        </p>
      )}
      <p className="entra-code">
        <CodeText text={group.errorCode} className="strong" />
      </p>
      <dl className="fields">
        <FieldRow label="Meaning">{group.meaning}</FieldRow>
        <FieldRow label="Recommended action">{group.recommendedAction}</FieldRow>
        <FieldRow label={appOnly ? 'Retry behaviour, had Entra sent it' : 'Retry behaviour'}>{group.retry}</FieldRow>
        <FieldRow label="State">
          {group.resolved
            ? 'Resolved: a later request for the same identity and operation succeeded.'
            : appOnly
              ? unresolvedByAppText(group.bySource)
              : 'Unresolved: no later attempt has succeeded yet. Fix the cause, then wait for the next cycle or use Provision on demand in Entra.'}
        </FieldRow>
      </dl>
      {partly !== null && <p className="muted small entra-record-sender">{partly}</p>}
      <div className="entra-message-head">
        <p className="field-label">{heading}</p>
        {message !== undefined && <CopyButton text={message} what="Entra's log message" variant="subtle" />}
      </div>
      {message === undefined ? (
        <p className="muted small">Loading the sample request…</p>
      ) : (
        <pre className="code entra-message" aria-label="Entra's log message">
          {message}
        </pre>
      )}
    </Card>
  );
}

export function ListenerCard({ group, sample, error }: { group: FailureGroup; sample: ExchangeDetail | undefined; error: ApiError | undefined }) {
  const detail = sample === undefined ? null : scimDetail(sample.responseBody);
  return (
    <Card id="listener-answer" title="What our listener did and why" subtitle={`The answer ${receiver(sample?.source)} received, from the latest request in this group.`}>
      {error !== undefined && sample === undefined && <ErrorBanner error={error} compact />}
      <dl className="fields">
        <FieldRow label="Request">
          {sample === undefined ? (
            <span className="faint">…</span>
          ) : (
            <span className="request-inline">
              <MethodBadge method={sample.method} />
              <span className="mono wrap">{templatePath(sample.path)}</span>
            </span>
          )}
        </FieldRow>
        <FieldRow label="Our response">
          <HttpStatusBadge status={group.httpStatus} /> <span className="muted">{reasonPhrase(group.httpStatus)}</span>
          {group.scimType !== null && <span className="mono muted">· scimType {group.scimType}</span>}
        </FieldRow>
        <FieldRow label="Detail">{detail === null ? <span className="faint">{sample === undefined ? '…' : 'No SCIM error detail in the body.'}</span> : <span className="wrap">{detail}</span>}</FieldRow>
        <FieldRow label="Why">{WHY[group.httpStatus] ?? (group.httpStatus >= 500 ? WHY[500] : 'See the response body in Live.')}</FieldRow>
        {sample?.fault != null && (
          <FieldRow label="Fault injection">
            <Badge tone="warning">{`Injected by rule "${sample.fault}"`}</Badge>
          </FieldRow>
        )}
      </dl>
      {sample !== undefined && (
        <p className="card-link">
          <a href={href('live', [sample.id])}>Open this request in Live</a> <span className="muted small">(headers, bodies, raw)</span>
        </p>
      )}
    </Card>
  );
}
