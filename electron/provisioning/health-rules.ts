/**
 * Health rules, modelled on Graph's synchronizationStatus and Entra's quarantine rules (entra-behavior.md §4, §7, §9;
 * design/screens.md Screen 5). First match wins:
 * 1. QuarantineRisk `EncounteredQuarantineException`: 401/403 answers after the last successful request.
 * 2. QuarantineRisk "SCIM compliance (HTTP 404 on a query)": a 404 on a list/filter query since the latest work
 *    cycle began.
 * 3. QuarantineRisk `EncounteredEscrowProportionThreshold`: > 40 % of the writes failed in the last cycle with
 *    writes, given at least 3 writes (Entra: ≥ 5,000 failures; scaled down and labelled so).
 *    Any of 1–3 followed by more than 1.5 × 40 min of silence (once a work cycle was seen) becomes
 *    LikelyQuarantined, keeping the reason.
 * 4. Degraded `PersistentServerErrors`: 5xx/timeouts in the latest work cycle and in the one before it.
 * 5. Degraded `EntryLevelErrors`: failed writes in the last cycle with writes, or failed requests other than
 *    401/403 in the latest work cycle.
 * 6. Healthy.
 */

import type { Health, HealthState } from '../../shared/api/provisioning-types.js';
import { BEYOND_CADENCE_MS } from './cycle-overview.js';
import type { HealthEvidence } from './health-evidence.js';

/** Entra quarantines above this share of failed provisioning events (entra-behavior.md §9). */
export const ESCROW_SHARE = 0.4;
/** Scaled-down stand-in for Entra's 5,000-failure floor: a share of one or two writes says little. */
export const ESCROW_MIN_WRITES = 3;
export const LIKELY_QUARANTINED_MESSAGE = 'Entra may have quarantined or paused this job; check the Provisioning page; restart provisioning after fixing';

export const REASONS = {
  credentials: 'EncounteredQuarantineException',
  notFound: 'SCIM compliance (HTTP 404 on a query)',
  escrow: 'EncounteredEscrowProportionThreshold',
  serverErrors: 'PersistentServerErrors',
  entryErrors: 'EntryLevelErrors',
} as const;

export type Judgement = Omit<Health, 'since'>;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const percent = (share: number): string => `${Math.round(share * 100)} %`;

function verdict(e: HealthEvidence, state: HealthState, reason: string | null, message: string, nextAction: string): Judgement {
  const w = e.lastWriteCycle;
  return {
    state,
    reason,
    message,
    nextAction,
    consecutiveFailedCycles: e.consecutiveFailedCycles,
    lastSuccessfulCycle: e.lastSuccessfulCycle,
    lastRequestAt: e.lastRequestAt,
    lastCycleFailureShare: w && w.writes > 0 ? w.failed / w.writes : null,
    recentAuthFailures: e.recentAuthFailures,
  };
}

/** Rules 1–3: what would make Entra quarantine the job. */
function quarantineRisk(e: HealthEvidence): Judgement | null {
  if (e.recentAuthFailures > 0) {
    return verdict(
      e,
      'QuarantineRisk',
      REASONS.credentials,
      `Credentials are failing: ${plural(e.recentAuthFailures, 'request', 'requests')} from Entra got 401/403 since the last successful one. In a cycle Entra quarantines the job for this (EncounteredQuarantineException).`,
      'Create or re-create a Secret Token, update Entra, Test Connection, Restart provisioning',
    );
  }
  if (e.notFoundLists) {
    return verdict(
      e,
      'QuarantineRisk',
      REASONS.notFound,
      `SCIM compliance issue: ${plural(e.notFoundLists.count, 'list or filter query', 'list or filter queries')} got HTTP 404 instead of 200 with an empty ListResponse since cycle #${e.notFoundLists.cycleId}. Entra can quarantine the job for this.`,
      'Answer filter queries that match nothing with 200 and an empty ListResponse, check that the Tenant URL ends in /scim/v2, then Restart provisioning',
    );
  }
  const w = e.lastWriteCycle;
  if (w && w.writes >= ESCROW_MIN_WRITES && w.failed / w.writes > ESCROW_SHARE) {
    return verdict(
      e,
      'QuarantineRisk',
      REASONS.escrow,
      `${w.failed} of ${w.writes} writes (${percent(w.failed / w.writes)}) failed in cycle #${w.cycleId}, over the 40 % share at which Entra quarantines the job. Entra applies this at ≥ 5,000 failures; scaled down for a small test tenant.`,
      'Open Failures, fix the most common error, then Restart provisioning',
    );
  }
  return null;
}

/** Rules 4–5: failures Entra keeps in escrow and retries without quarantining. */
function degraded(e: HealthEvidence): Judgement | null {
  const [latest, previous] = e.works;
  if (latest && previous && latest.server_errors > 0 && previous.server_errors > 0) {
    return verdict(
      e,
      'Degraded',
      REASONS.serverErrors,
      `HTTP 5xx answers or timeouts in cycle #${latest.id} (${latest.server_errors}) and in cycle #${previous.id} (${previous.server_errors}). Entra logs InternalServerError or Timeout and retries each about 40 minutes later.`,
      "Look at the failing requests and the app's own logs; make the app answer without errors and faster",
    );
  }
  const w = e.lastWriteCycle;
  const otherFailures = latest ? latest.failures - latest.auth_failures : 0;
  if ((w && w.failed > 0) || otherFailures > 0) {
    const what =
      w && w.failed > 0
        ? `${w.failed} of ${w.writes} writes (${percent(w.failed / w.writes)}) failed in cycle #${w.cycleId}`
        : `${plural(otherFailures, 'request', 'requests')} failed in cycle #${latest?.id ?? 0}`;
    return verdict(
      e,
      'Degraded',
      REASONS.entryErrors,
      `${what}, below the share at which Entra quarantines. Entra keeps failed objects in escrow and retries them on later cycles.`,
      'Open Failures to see the Entra error codes and fix them; Entra retries on its next cycle',
    );
  }
  return null;
}

export function judgeHealth(e: HealthEvidence): Judgement {
  const risk = quarantineRisk(e);
  if (risk) {
    // §9: a quarantined job retries at +6 h, +12 h, +24 h, so silence well past the cadence after a risk means
    // Entra most likely quarantined (or someone paused) the job.
    // A failed Test Connection alone (no work cycle yet) has no job to quarantine.
    const silent = e.works.length > 0 && e.lastRequestAt !== null && e.now - e.lastRequestAt > BEYOND_CADENCE_MS;
    return silent ? { ...risk, state: 'LikelyQuarantined', message: LIKELY_QUARANTINED_MESSAGE } : risk;
  }
  const problem = degraded(e);
  if (problem) return problem;
  if (!e.latest) {
    return verdict(e, 'Healthy', null, "Waiting for Entra's first request", 'Paste the Tenant URL and Secret Token into Entra and press Test Connection');
  }
  const [latest] = e.works;
  let message = 'Test Connection succeeded; waiting for the first provisioning cycle.';
  if (latest && latest.failures === 0) message = `No failures in the latest cycle (#${latest.id}, ${latest.kind}).`;
  // Only 401/403 failures can remain here, and a successful request since has cleared them (rule 1).
  else if (latest) message = `Requests succeed again since the 401/403 answers of cycle #${latest.id}.`;
  return verdict(e, 'Healthy', null, message, 'Nothing to do.');
}

/** When the judged state began, for the history: LikelyQuarantined starts when the silence crossed the line. */
export function transitionTime(judgement: Judgement, e: HealthEvidence): number {
  if (e.lastRequestAt === null) return e.now;
  if (judgement.state === 'LikelyQuarantined') return Math.min(e.now, e.lastRequestAt + BEYOND_CADENCE_MS);
  return Math.min(e.now, e.lastRequestAt);
}
