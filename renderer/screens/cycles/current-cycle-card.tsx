/**
 * The current cycle, like Entra's "Current status" progress bar but counting *your* users, not pages
 * (entra-behavior.md §7): "4 of 5 expected users processed; carol@contoso.com pending", elapsed time, when the next
 * cycle is due, and what to do when waiting is not an option (Provision on demand).
 */

import type { CycleOverview, CycleProgress, ScopeReport } from '../../../shared/api/provisioning-types.js';
import { href } from '../../app/router.js';
import { Badge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { CycleKindChip } from '../../components/cycle-kind-chip.js';
import { ProgressBar } from '../../components/progress-bar.js';
import { RelativeTime } from '../../components/relative-time.js';
import { formatDateTime, formatDuration, plural } from '../../lib/format.js';
import { formatHm } from '../../lib/series.js';

/** "users", "groups" or "users and groups", from what the admin listed as expected. */
function noun(scope: ScopeReport | undefined): string {
  const kinds = new Set(scope?.entries.map((e) => e.kind));
  if (kinds.has('group') && kinds.has('user')) return 'users and groups';
  return kinds.has('group') ? 'groups' : 'users';
}

function pendingText(pending: readonly string[], total: number): string {
  if (total === 0) return 'none pending';
  const shown = pending.slice(0, 2).join(', ');
  const more = total - Math.min(2, pending.length);
  return more > 0 ? `${shown} and ${more} more pending` : `${shown} pending`;
}

function Progress({ progress, scope, running }: { progress: CycleProgress; scope: ScopeReport | undefined; running: boolean }) {
  const pendingCount = progress.expected - progress.processed;
  const what = progress.estimated ? 'identities' : `expected ${noun(scope)}`;
  const label = `${progress.processed} of ${progress.expected} ${what} ${running ? 'processed so far' : 'processed'}`;
  return (
    <div className="cycle-progress">
      <p className="cycle-headline" data-testid="cycle-progress">
        <strong>{label}</strong>
        {pendingCount > 0 ? `; ${pendingText(progress.pending, pendingCount)}` : '; all done'}
      </p>
      <ProgressBar
        value={progress.processed}
        max={progress.expected}
        label={`Processed, counted in ${progress.estimated ? 'identities' : noun(scope)} (Entra's own bar counts pages)`}
        detail={`${progress.processed} of ${progress.expected} · ${Math.round((progress.processed / Math.max(1, progress.expected)) * 100)} %`}
      />
      <p className="small muted cycle-estimate">
        {progress.estimated ? (
          <>
            Estimated from the previous cycle, because no expected users are listed. <a href={href('connect')}>List the users you assigned</a> for an exact count.
          </>
        ) : (
          'Processed means Entra matched or wrote the identity in this cycle.'
        )}
      </p>
    </div>
  );
}

function NextCycle({ overview }: { overview: CycleOverview }) {
  const next = overview.nextExpectedAt;
  if (next === null) return null;
  return (
    <div className="next-cycle">
      <p>
        <strong>Next cycle expected ~{formatHm(next)}</strong> <span className="muted">(<RelativeTime ts={next} />)</span> — Entra runs incremental cycles roughly every 20–40 min, and a cycle with
        nothing to change sends no requests at all.
      </p>
      {overview.overdue && (
        <p className="banner banner-warning banner-compact" role="status">
          Overdue: it was due around {formatHm(next)}. Either nothing changed in Entra (quiet cycles send nothing), or the job is paused or quarantined: check the Provisioning page in Entra.
        </p>
      )}
      {overview.backoffNote !== null && (
        <p className="banner banner-warning banner-compact" role="status">
          {overview.backoffNote}. See <a href={href('health')}>Health</a> for the reason.
        </p>
      )}
      <p className="small muted">
        Don't want to wait? In Entra, open the app's <strong>Provisioning</strong> page and use <strong>Provision on demand</strong> for one user: it typically takes under 30 seconds and shows
        up here as an on-demand cycle.
      </p>
    </div>
  );
}

export function CurrentCycleCard({ overview, scope, now }: { overview: CycleOverview; scope: ScopeReport | undefined; now: number }) {
  const current = overview.current;
  if (current === null) return null;
  const running = current.open;
  // The page clock ticks every 5 s, so it can lag the cycle's newest request: never show less than that.
  const elapsed = running ? Math.max(now, current.ended) - current.started : current.durationMs;
  const probesOnly = current.kind === 'test-connection';
  return (
    <Card
      id="current-cycle"
      className="current-cycle"
      title={
        <>
          {running ? 'Current cycle' : 'Latest cycle'} <a href={href('cycles', [current.id])}>#{current.id}</a>
        </>
      }
      subtitle={running ? `Running: requests are still arriving (a cycle ends after ${overview.idleGapMinutes} min of silence).` : 'Finished.'}
      aside={
        <>
          <CycleKindChip kind={current.kind} />
          <Badge tone="neutral" title="Entra sends no cycle id: cycles are inferred from bursts of traffic.">
            Inferred
          </Badge>
          <Badge tone={running ? 'info' : 'success'}>{running ? 'Running' : 'Finished'}</Badge>
        </>
      }
    >
      <dl className="cycle-facts">
        <div>
          <dt>Started</dt>
          <dd>{formatDateTime(current.started)}</dd>
        </div>
        <div>
          <dt>{running ? 'Elapsed' : 'Duration'}</dt>
          <dd data-testid="cycle-elapsed">{formatDuration(elapsed)}</dd>
        </div>
        <div>
          <dt>Requests</dt>
          <dd>{plural(current.requests, 'request')}</dd>
        </div>
        <div>
          <dt>Failures</dt>
          <dd className={current.outcomes.failure > 0 ? 'text-danger' : ''}>{current.outcomes.failure}</dd>
        </div>
      </dl>
      {overview.progress !== null ? (
        <Progress progress={overview.progress} scope={scope} running={running} />
      ) : (
        <p className="cycle-headline">
          {probesOnly
            ? 'Only Test Connection so far. Entra starts the first cycle when you turn Provisioning Status On and save.'
            : 'No progress to count yet: list the users you assigned on Connect, or wait for a second cycle to compare with.'}
        </p>
      )}
      <NextCycle overview={overview} />
    </Card>
  );
}
