/**
 * The vertical timeline of an identity: one step per request, its meaning in Entra's words, our answer, the
 * cycle, and a link to the exchange in Live. Failed steps carry the likely Entra error code.
 */

import type { LogRow } from '../../../shared/api/log-types.js';
import { href } from '../../app/router.js';
import { HttpStatusBadge, OutcomeBadge } from '../../components/badge.js';
import { RelativeTime } from '../../components/relative-time.js';
import { formatDateTime, isoUtc } from '../../lib/format.js';
import { operationLabel } from '../../lib/labels.js';

export function IdentityTimelineList({ events }: { events: readonly LogRow[] }) {
  if (events.length === 0) return <p className="muted">No requests about this identity are in the log (retention may have pruned them).</p>;
  return (
    <ol className="timeline" aria-label="Operations on this identity, newest first">
      {events.map((row) => (
        <li key={row.id} className={`timeline-step outcome-${row.outcome.toLowerCase()}`} data-request-id={row.id} data-operation={row.operation}>
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-line">
              <a className="timeline-op" href={href('live', [row.id])} aria-label={`${operationLabel(row)}, ${row.outcome}: open request ${row.id} in Live`}>
                {operationLabel(row)}
              </a>
              <HttpStatusBadge status={row.status} />
              <OutcomeBadge outcome={row.outcome} />
              {row.cycleId !== null && (
                <a className="chip chip-link" href={href('cycles', [row.cycleId])} aria-label={`Cycle ${row.cycleId}`}>
                  #{row.cycleId}
                </a>
              )}
            </div>
            <div className="timeline-meta small muted">
              <time dateTime={isoUtc(row.ts)} title={isoUtc(row.ts)}>
                {formatDateTime(row.ts)}
              </time>{' '}
              (<RelativeTime ts={row.ts} />) · {row.method} · Action {row.action}
              {row.errorCode !== null && (
                <>
                  {' · '}
                  <span className="mono timeline-error">{row.errorCode}</span>
                </>
              )}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
