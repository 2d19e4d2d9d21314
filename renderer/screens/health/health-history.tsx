/**
 * The health history as a vertical timeline, newest first: each stretch of one state and reason, when it began
 * and ended and how long it lasted. Entra keeps the same story as "Quarantine" entries in its audit log.
 */

import type { HealthHistoryEntry } from '../../../shared/api/provisioning-types.js';
import { HealthBadge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { formatDateTime } from '../../lib/format.js';
import { formatSpan } from '../../lib/format-span.js';
import { STATE_META } from './health-text.js';

export function HealthHistory({ entries, now }: { entries: readonly HealthHistoryEntry[]; now: number }) {
  return (
    <Card id="health-history" title="History" subtitle="Every change of state, newest first. Entra's audit log records its own quarantines as “Quarantine” activities.">
      {entries.length === 0 ? (
        <p className="muted">No history yet: the first entry is written when Entra's first request arrives.</p>
      ) : (
        <ol className="history" aria-label="Health history, newest first">
          {entries.map((entry) => {
            const ended = entry.ended;
            const lasted = (ended ?? Math.max(now, entry.began)) - entry.began;
            return (
              <li key={`${entry.began}-${entry.state}-${entry.reason ?? ''}`} className={`history-item tone-${STATE_META[entry.state].tone}`}>
                <span className="history-dot" aria-hidden="true" />
                <div className="history-body">
                  <div className="history-head">
                    <HealthBadge state={entry.state} />
                    {entry.reason !== null && <code className="small">{entry.reason}</code>}
                    {ended === null && <span className="chip">Current</span>}
                  </div>
                  {entry.detail !== null && <p className="small history-detail">{entry.detail}</p>}
                  <p className="small muted history-time">
                    {formatDateTime(entry.began)} → {ended === null ? 'now' : formatDateTime(ended)} · {ended === null ? `${formatSpan(lasted)} so far` : `lasted ${formatSpan(lasted)}`}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
