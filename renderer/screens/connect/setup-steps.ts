/**
 * The Britive tutorial's Entra steps (screens.md §1.6, Screen 1) as checklist items whose state comes from
 * observed traffic. Pure: evidence in, steps out, so the rules are easy to read and to test.
 */

import type { CycleSummary } from '../../../shared/api/provisioning-types.js';
import { formatDateTime } from '../../lib/format.js';
import { authHelp, authReason, notFoundHelp, type Help } from './auth-help.js';
import type { SetupEvidence } from './use-setup-evidence.js';

export type StepState = 'done' | 'waiting' | 'failed' | 'optional';

export interface SetupStep {
  readonly key: 'test' | 'save' | 'scope' | 'on' | 'on-demand';
  readonly title: string;
  readonly state: StepState;
  /** What was observed, or what to do in Entra. */
  readonly detail: string;
  /** Why it failed and how to fix it (401 / 404). */
  readonly help?: Help;
  /** The request that proves the state, to open in Live. */
  readonly requestId?: number;
}

const WORK_KINDS = new Set<CycleSummary['kind']>(['initial', 'incremental']);
const at = (ts: number): string => formatDateTime(ts);

function testConnection(e: SetupEvidence, activeTokens: number): SetupStep {
  const base = { key: 'test' as const, title: 'Paste the Tenant URL and Secret Token into Entra, then Test Connection' };
  const okTs = Math.max(e.okProbe?.ts ?? 0, e.okAny?.ts ?? 0);
  if (e.last401 !== null && e.last401.ts > okTs) {
    const help = authHelp(authReason(e.last401Detail));
    return { ...base, state: 'failed', detail: `Entra's request at ${at(e.last401.ts)} was refused with 401.`, help, requestId: e.last401.id };
  }
  if (e.okProbe !== null) {
    return { ...base, state: 'done', detail: `Entra's Test Connection probe was answered ${e.okProbe.status} at ${at(e.okProbe.ts)}.`, requestId: e.okProbe.id };
  }
  if (e.okAny !== null) {
    return { ...base, state: 'done', detail: `Entra is authenticating: a request was answered ${e.okAny.status} at ${at(e.okAny.ts)}.`, requestId: e.okAny.id };
  }
  if (e.last404 !== null) {
    return { ...base, state: 'failed', detail: `Entra's request at ${at(e.last404.ts)} was answered 404.`, help: notFoundHelp(e.last404.path), requestId: e.last404.id };
  }
  const first = activeTokens === 0 ? 'Create a Secret Token first (left). Then in' : 'In';
  return {
    ...base,
    state: 'waiting',
    detail: `${first} Entra: Provisioning → Provisioning Mode Automatic → Admin Credentials. Paste both values and press Test Connection; this ticks when the probe arrives.`,
  };
}

export function setupSteps(e: SetupEvidence, activeTokens: number): SetupStep[] {
  const steps: SetupStep[] = [testConnection(e, activeTokens)];

  // Entra documents /Schemas on save for gallery apps only, so the step appears only when it was observed.
  if (e.discovery !== null) {
    steps.push({ key: 'save', title: 'Save the configuration', state: 'done', detail: `Entra read the schema at ${at(e.discovery.ts)} (it does this when you save).`, requestId: e.discovery.id });
  }

  const entries = e.scope?.entries ?? [];
  const touched = entries.filter((entry) => entry.state !== 'Not seen').length;
  steps.push({
    key: 'scope',
    title: 'Assign test users and groups, and list them here as expected',
    state: entries.length > 0 ? 'done' : 'waiting',
    detail:
      entries.length > 0
        ? `${entries.length} expected; Entra has touched ${touched} of them so far.`
        : 'In Entra: Users and groups → Add assignment. Set Scope to "Sync only assigned users and groups". Then paste the same users below, so every screen can tell you who arrived.',
  });

  const work = [...e.cycles].reverse().find((c) => WORK_KINDS.has(c.kind) && c.requests > c.probes);
  steps.push({
    key: 'on',
    title: 'Turn Provisioning Status On and save',
    state: work === undefined ? 'waiting' : 'done',
    detail:
      work === undefined
        ? 'In Entra: Settings → Provisioning Status On → Save. The initial cycle starts with that save; this ticks at its first request.'
        : `Cycle #${work.id} (${work.kind}, inferred) started at ${at(work.started)}.`,
  });

  const onDemand = e.cycles.find((c) => c.kind === 'on-demand');
  steps.push({
    key: 'on-demand',
    title: 'Provision on demand (optional)',
    state: onDemand === undefined ? 'optional' : 'done',
    detail:
      onDemand === undefined
        ? "Don't want to wait up to 40 minutes? In Entra, Provision on demand one assigned user: it takes under 30 seconds."
        : `An on-demand run (cycle #${onDemand.id}) arrived at ${at(onDemand.started)}.`,
  });
  return steps;
}
