/**
 * Health (screens.md Screen 5): a quarantine-style status computed from local evidence, *before* Entra's own
 * thresholds, emails and once-a-day retries kick in. The status card and banner first, then the counters, the
 * per-cycle and traffic charts, credentials, the history, and what Entra's quarantine means.
 */

import { useEffect } from 'react';
import { useScreenReady } from '../../app/screen-ready.js';
import type { ScreenProps } from '../../app/screens.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { useApi } from '../../hooks/use-api.js';
import { useLogSample } from '../../hooks/use-log-sample.js';
import { useNow } from '../../hooks/use-now.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { AuthPanel } from './auth-panel.js';
import { cyclePoints, StatusMixChart, SuccessRateChart } from './cycle-charts.js';
import { HealthCounters } from './health-counters.js';
import { HealthHistory } from './health-history.js';
import { HealthBanner, HealthStatusCard } from './health-status.js';
import { QuarantineExplainer } from './quarantine-explainer.js';
import { LatencyChart, RequestsSparkline, TRAFFIC_WINDOW_MS } from './traffic-charts.js';

/** Cycles charted: about a day of Entra's ~40-minute cadence. */
const CHARTED_CYCLES = 36;

export function HealthScreen(_props: ScreenProps) {
  const now = useNow();
  const health = useApi('health.get', undefined);
  const history = useApi('health.history', { limit: 50 });
  const cycles = useApi('cycles.list', { limit: CHARTED_CYCLES });
  const sample = useLogSample(TRAFFIC_WINDOW_MS);
  // Health is judged server-side on every logged batch: its counters (last request, streaks) move with traffic.
  useRefreshOn(['health-changed', 'cycle-changed'], health.refetch, 1_000);
  // Not (only) on 'health-changed': any health.get or status.get records a transition as it judges, and then the
  // monitor publishes no event for it. A new state or reason in the fetched health is the reliable signal.
  const { state, reason, since } = health.data ?? {};
  const refetchHistory = history.refetch;
  useEffect(() => {
    if (state !== undefined) void refetchHistory();
  }, [state, reason, since, refetchHistory]);
  useRefreshOn(['cycle-changed'], cycles.refetch, 2_000);
  useScreenReady(health.settled && history.settled && cycles.settled && sample.loaded);

  const points = cyclePoints(cycles.data ?? []);
  const current = health.data;
  return (
    <div className="page health">
      <header className="page-head">
        <div>
          <h1>Health</h1>
          <p>
            Judged the way Entra judges a provisioning job, from what this listener saw: credentials refused, SCIM answers Entra cannot use, or too many failures in a cycle. Entra
            acts on these late (after thresholds, by email, once a day); this screen warns as soon as the evidence arrives.
          </p>
        </div>
      </header>
      {health.error !== undefined && <ErrorBanner error={health.error} onRetry={() => void health.refetch()} />}
      {current !== undefined && (
        <>
          <HealthBanner health={current} />
          <HealthStatusCard health={current} />
          <HealthCounters health={current} />
        </>
      )}
      <div className="chart-grid">
        <Card id="success-rate" title="Success rate per cycle" subtitle="Below the red line more than 40 % failed: Entra's quarantine share.">
          <SuccessRateChart points={points} />
        </Card>
        <Card id="status-mix" title="Status mix per cycle" subtitle="Requests per cycle by the status Entra will record.">
          <StatusMixChart points={points} />
        </Card>
        <Card id="latency" title="Response time per cycle" subtitle="Median and 95th percentile. Slow answers make Entra log Timeout and retry.">
          <LatencyChart sample={sample} />
        </Card>
        <Card id="traffic" title="Requests per minute, last 24 hours" subtitle="Each cycle is a spike; silence after failures is what quarantine looks like.">
          <RequestsSparkline sample={sample} now={now} />
        </Card>
      </div>
      {current !== undefined && <AuthPanel health={current} now={now} />}
      <HealthHistory entries={history.data ?? []} now={now} />
      <QuarantineExplainer />
    </div>
  );
}
