/**
 * The top of Health, modelled on Graph's synchronizationStatus: state with colour and icon, the reason code, the
 * message, ONE recommended next action and since when. A banner above it repeats the reason and the action when
 * the state is not Healthy, so it is the first thing read (Entra shows its quarantine on the progress bar, late).
 */

import type { Health } from '../../../shared/api/provisioning-types.js';
import { Badge } from '../../components/badge.js';
import { ICONS } from '../../components/icons.js';
import { RelativeTime } from '../../components/relative-time.js';
import { formatDateTime } from '../../lib/format.js';
import { actionLink, REASON_TEXT, STATE_META } from './health-text.js';

const ICON = { success: ICONS.check, warning: ICONS.failures, danger: ICONS.cross } as const;

function iconFor(tone: string) {
  return tone === 'success' ? ICON.success : tone === 'warning' ? ICON.warning : ICON.danger;
}

export function HealthBanner({ health }: { health: Health }) {
  if (health.state === 'Healthy') return null;
  const meta = STATE_META[health.state];
  return (
    <div className={`banner banner-${meta.tone === 'warning' ? 'warning' : 'danger'} health-banner`} role="alert" data-testid="health-banner">
      <span className={`health-banner-icon tone-${meta.tone}`} aria-hidden="true">
        {iconFor(meta.tone)}
      </span>
      <div className="banner-text">
        <strong>{meta.title}</strong>
        {health.reason !== null && (
          <>
            {' '}
            · <code>{health.reason}</code>
          </>
        )}
        <span className="block">Next: {health.nextAction}.</span>
      </div>
    </div>
  );
}

export function HealthStatusCard({ health }: { health: Health }) {
  const meta = STATE_META[health.state];
  const link = actionLink(health);
  // Before Entra's first request there is no job to judge: Graph would say NotRun.
  const quiet = health.lastRequestAt === null;
  return (
    <section className={`health-card tone-${meta.tone}`} aria-labelledby="health-state" data-state={health.state}>
      <div className="health-card-main">
        <span className="health-icon" aria-hidden="true">
          {iconFor(meta.tone)}
        </span>
        <div className="health-card-text">
          <p className="health-kicker">Provisioning health · inferred from what this listener saw</p>
          <h2 id="health-state" className="health-state">
            {meta.title}
          </h2>
          <p className="health-since">
            {health.since === null ? (
              'No traffic yet'
            ) : (
              <>
                Since {formatDateTime(health.since)} (<RelativeTime ts={health.since} />)
              </>
            )}
          </p>
        </div>
        <dl className="health-graph">
          <div>
            <dt>Reason code</dt>
            <dd>{health.reason === null ? <span className="muted">None</span> : <code data-testid="health-reason">{health.reason}</code>}</dd>
          </div>
          <div>
            <dt title="Graph synchronizationJob.status.code">Graph status (closest)</dt>
            <dd>
              <Badge tone={quiet ? 'neutral' : meta.tone}>{quiet ? 'NotRun' : meta.graphCode}</Badge>
            </dd>
          </div>
        </dl>
      </div>
      <p className="health-message" data-testid="health-message">
        {health.message}
      </p>
      {health.reason !== null && REASON_TEXT[health.reason] !== undefined && <p className="small muted">{REASON_TEXT[health.reason]}</p>}
      <p className="small muted">{quiet ? 'Nothing to judge yet: Entra has not called this listener.' : meta.entraView}</p>
      <div className="next-action" role="group" aria-label="Recommended next action">
        <span className="next-action-label">Recommended next action</span>
        <span className="next-action-text" data-testid="health-next-action">
          {health.nextAction}
        </span>
        {link !== null && (
          <a className="button button-primary" href={link.href}>
            {link.label}
          </a>
        )}
      </div>
    </section>
  );
}
