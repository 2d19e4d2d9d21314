/**
 * What each health state means, in the words of Graph's synchronizationStatus (entra-behavior.md §7) and Entra's
 * quarantine (§9), and where the one recommended next action is done.
 */

import type { Health, HealthState } from '../../../shared/api/provisioning-types.js';
import { href } from '../../app/router.js';
import type { Tone } from '../../components/badge.js';

export interface StateMeta {
  readonly tone: Tone;
  readonly title: string;
  /** The closest Graph `synchronizationStatus.code` (NotConfigured | NotRun | Active | Paused | Quarantine). */
  readonly graphCode: string;
  /** One sentence under the title: what Entra is doing about it. */
  readonly entraView: string;
}

export const STATE_META: Readonly<Record<HealthState, StateMeta>> = {
  Healthy: { tone: 'success', title: 'Healthy', graphCode: 'Active', entraView: 'Entra should be running its cycles normally.' },
  Degraded: {
    tone: 'warning',
    title: 'Degraded',
    graphCode: 'Active (EntryLevelErrors)',
    entraView: 'Entra keeps the failed objects in escrow and retries them on later cycles; the job is not quarantined.',
  },
  QuarantineRisk: {
    tone: 'danger',
    title: 'Quarantine risk',
    graphCode: 'Active (quarantine likely next)',
    entraView: 'If this continues through a cycle, Entra quarantines the job and slows it to daily retries.',
  },
  LikelyQuarantined: {
    tone: 'danger',
    title: 'Likely quarantined',
    graphCode: 'Quarantine (probably)',
    entraView: 'Entra has gone quiet well past its ~40-minute cadence after failures: it has most likely quarantined or paused the job.',
  },
};

/** Where the next action is done: the screen that fixes the cause, named for the button. */
export function actionLink(health: Health): { readonly label: string; readonly href: string } | null {
  if (health.state === 'Healthy') return null;
  const reason = health.reason ?? '';
  if (reason === 'EncounteredQuarantineException') return { label: 'Manage Secret Tokens', href: `${href('connect')}` };
  if (reason.startsWith('SCIM compliance')) return { label: 'See the 404 answers in Live', href: href('live', [], { q: 'status:404' }) };
  return { label: 'Open Failures', href: href('failures') };
}

/** Entra's own wording for the reason, when it is one of Graph's `quarantine.reason` codes. */
export const REASON_TEXT: Readonly<Record<string, string>> = {
  EncounteredQuarantineException: 'Invalid credentials: the app refused Entra’s Secret Token (401/403).',
  EncounteredEscrowProportionThreshold: 'More than 40 % of provisioning events failed (Entra applies this from 5,000 failures; scaled down here).',
  PersistentServerErrors: 'The app answered 5xx or timed out in two cycles in a row.',
  EntryLevelErrors: 'Some objects failed; Entra retries them on later cycles.',
};
