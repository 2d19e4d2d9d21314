/**
 * The counters under the status card, each the local stand-in for a field Entra or Graph keeps: consecutive failed
 * cycles (≈ countSuccessiveCompleteFailures), the last successful cycle (≈ lastSuccessfulExecution), the last
 * request received, and the failure share of the last cycle with writes against Entra's 40 % quarantine line.
 */

import type { Health } from '../../../shared/api/provisioning-types.js';
import { href } from '../../app/router.js';
import { RelativeTime } from '../../components/relative-time.js';
import { StatTile } from '../../components/stat-tile.js';
import { formatDateTime } from '../../lib/format.js';

/** Entra quarantines above this share of failed provisioning events (entra-behavior.md §9). */
const ESCROW_LINE = 0.4;

function ShareMeter({ share }: { share: number }) {
  return (
    <div className="share-meter" role="img" aria-label={`${Math.round(share * 100)} % failed; the quarantine line is 40 %`}>
      <div className={`share-fill${share > ESCROW_LINE ? ' over' : ''}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
      <div className="share-line" style={{ left: `${ESCROW_LINE * 100}%` }} title="40 %: Entra's quarantine line" />
    </div>
  );
}

export function HealthCounters({ health }: { health: Health }) {
  const share = health.lastCycleFailureShare;
  const last = health.lastSuccessfulCycle;
  return (
    <div className="stat-row health-counters">
      <StatTile
        label="Consecutive failed cycles"
        value={health.consecutiveFailedCycles}
        tone={health.consecutiveFailedCycles > 0 ? 'danger' : undefined}
        detail="failed and wrote nothing (Graph: countSuccessiveCompleteFailures)"
      />
      <StatTile
        label="Last successful cycle"
        value={
          last === null ? (
            <span className="muted">None yet</span>
          ) : (
            <a href={href('cycles', [last.id])} className="plain-link">
              #{last.id}
            </a>
          )
        }
        detail={last === null ? 'a cycle with work and no failures' : <span title={formatDateTime(last.ended)}>ended <RelativeTime ts={last.ended} /></span>}
      />
      <StatTile
        label="Last request received"
        value={<RelativeTime ts={health.lastRequestAt} fallback="None yet" />}
        detail={health.lastRequestAt === null ? "Entra hasn't called yet" : formatDateTime(health.lastRequestAt)}
      />
      <StatTile
        label="Failed writes, last cycle"
        value={share === null ? <span className="muted">—</span> : `${Math.round(share * 100)} %`}
        tone={share === null ? undefined : share > ESCROW_LINE ? 'danger' : share > 0 ? 'warning' : 'success'}
        detail={share === null ? 'no writes yet' : 'line: 40 %, where Entra quarantines (401/403 not counted)'}
      >
        {share !== null && <ShareMeter share={share} />}
      </StatTile>
    </div>
  );
}
