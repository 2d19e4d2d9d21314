/**
 * Small coloured labels in Entra's status colours: Success green, Failure red, Skipped grey, Warning amber,
 * and HTTP status classes in the same palette so a 409 and a "Failure" read alike.
 */

import type { ReactNode } from 'react';
import type { HealthState } from '../../shared/api/provisioning-types.js';
import type { EntraStatus } from '../../shared/domain/operation.js';

export type Tone = 'success' | 'danger' | 'warning' | 'neutral' | 'info' | 'accent';

export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const OUTCOME_TONE: Readonly<Record<EntraStatus, Tone>> = { Success: 'success', Failure: 'danger', Skipped: 'neutral', Warning: 'warning' };

export function OutcomeBadge({ outcome }: { outcome: EntraStatus }) {
  return <Badge tone={OUTCOME_TONE[outcome]}>{outcome}</Badge>;
}

export function httpTone(status: number): Tone {
  if (status >= 500) return 'danger';
  if (status >= 400) return status === 429 ? 'warning' : 'danger';
  if (status >= 300) return 'info';
  if (status >= 200) return 'success';
  return 'neutral';
}

export function HttpStatusBadge({ status }: { status: number }) {
  return (
    <span className={`http-status http-${httpTone(status)}`} title={`HTTP ${status}`}>
      {status}
    </span>
  );
}

export function MethodBadge({ method }: { method: string }) {
  return <span className={`method method-${method.toLowerCase()}`}>{method}</span>;
}

const HEALTH: Readonly<Record<HealthState, { tone: Tone; label: string }>> = {
  Healthy: { tone: 'success', label: 'Healthy' },
  Degraded: { tone: 'warning', label: 'Degraded' },
  QuarantineRisk: { tone: 'danger', label: 'Quarantine risk' },
  LikelyQuarantined: { tone: 'danger', label: 'Likely quarantined' },
};

export const healthLabel = (state: HealthState): string => HEALTH[state].label;

export function HealthBadge({ state }: { state: HealthState }) {
  return (
    <Badge tone={HEALTH[state].tone}>
      <span className="badge-dot" aria-hidden="true" />
      {HEALTH[state].label}
    </Badge>
  );
}
