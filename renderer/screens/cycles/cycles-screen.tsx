/**
 * Cycles (screens.md Screen 3): the current cycle counted in expected users, a timeline of requests per minute
 * with the inferred cycles as bands, and the cycle list; `#/cycles/<id>` opens one cycle's per-identity steps.
 *
 * Entra sends no cycle id, so every cycle here is inferred from timing, and the screen says so wherever it shows
 * one. Data stays on screen while it refreshes; the list and the header move with `cycle-changed` events.
 */

import { useEffect } from 'react';
import { useScreenReady } from '../../app/screen-ready.js';
import type { ScreenProps } from '../../app/screens.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { WaitingForEntra } from '../../components/waiting-for-entra.js';
import { useApi } from '../../hooks/use-api.js';
import { useLogSample } from '../../hooks/use-log-sample.js';
import { useNow } from '../../hooks/use-now.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { CurrentCycleCard } from './current-cycle-card.js';
import { CycleDetailView } from './cycle-detail.js';
import { CycleListTable } from './cycle-list.js';
import { CycleTimeline } from './cycle-timeline.js';
import { TIMELINE_WINDOW_MS } from './timeline-data.js';
import { useCycleList } from './use-cycle-list.js';

const parseId = (param: string | undefined): number | null => (param !== undefined && /^\d+$/.test(param) && Number(param) > 0 ? Number(param) : null);

export function CyclesScreen({ route }: ScreenProps) {
  const detailId = parseId(route.params[0]);
  const now = useNow();
  const overview = useApi('cycles.overview', undefined);
  const scope = useApi('scope.get', undefined);
  const list = useCycleList();
  const sample = useLogSample(TIMELINE_WINDOW_MS);
  const detail = useApi('cycles.get', { id: detailId ?? 1 }, [detailId], { skip: detailId === null });
  // The overview's progress and next-cycle estimate are computed server-side: refetch them (throttled) as cycles
  // change. The detail only changes while its cycle is still running.
  useRefreshOn(['cycle-changed'], overview.refetch, 1_500);
  useRefreshOn(['cycle-changed'], () => (detail.data?.open === true ? detail.refetch() : undefined), 1_500);
  const detailStale = detail.data?.open === true && now - detail.data.ended > (overview.data?.idleGapMinutes ?? 5) * 60_000 + 2_000;
  const refetchDetail = detail.refetch;
  useEffect(() => {
    if (detailStale) void refetchDetail();
  }, [detailStale, refetchDetail]);

  // A cycle ends after an idle gap, and silence sends no event: once the gap has passed, ask again.
  const gapMs = (overview.data?.idleGapMinutes ?? 5) * 60_000;
  const current = overview.data?.current;
  const staleOpen = current?.open === true && now - current.ended > gapMs + 2_000;
  const refetchOverview = overview.refetch;
  const reloadList = list.reload;
  useEffect(() => {
    if (!staleOpen) return;
    void refetchOverview();
    reloadList();
  }, [staleOpen, refetchOverview, reloadList]);

  const listReady = overview.settled && list.loaded && sample.loaded && scope.settled;
  useScreenReady(detailId === null ? listReady : detail.settled);

  if (detailId !== null) return <CycleDetailView id={detailId} detail={detail.data} error={detail.error} onRetry={() => void detail.refetch()} />;

  const expected = scope.data?.entries.length ?? 0;
  const noTraffic = list.loaded && list.rows.length === 0;
  return (
    <div className="page cycles">
      <header className="page-head">
        <div>
          <h1>Cycles</h1>
          <p>
            Entra provisions in cycles: an initial one that matches every assigned user, then incremental ones roughly every 20–40 minutes. Entra sends no cycle id, so these cycles are{' '}
            <strong>inferred</strong> from bursts of requests separated by {overview.data?.idleGapMinutes ?? 5} minutes of silence.
          </p>
        </div>
      </header>
      {overview.error !== undefined && <ErrorBanner error={overview.error} onRetry={() => void overview.refetch()} compact />}
      {noTraffic ? (
        <Card id="no-cycles" title="No cycles yet">
          <WaitingForEntra />
          <p className="small muted center">
            The first cycle appears here when Entra's first request arrives. Test Connection counts as its own short cycle; the initial cycle starts when you turn Provisioning Status On and
            save.
          </p>
        </Card>
      ) : (
        <>
          {overview.data !== undefined && <CurrentCycleCard overview={overview.data} scope={scope.data} now={now} />}
          <CycleTimeline sample={sample} cycles={list.rows} now={now} />
          <Card id="cycle-list" title="All cycles" subtitle="Newest first. Open a cycle to see what happened to each identity, step by step.">
            <CycleListTable list={list} expected={expected} />
          </Card>
        </>
      )}
    </div>
  );
}
