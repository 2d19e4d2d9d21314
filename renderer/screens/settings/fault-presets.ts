/**
 * One-click starting points for the rehearsals admins ask for (screens.md Screen 7 "Response behaviour"). A preset
 * fills the form; nothing reaches Entra until the rule is saved.
 */

import type { FaultRuleSpec } from '../../../shared/api/fault-types.js';

export interface FaultPreset {
  readonly label: string;
  /** What Entra does with this answer, with the section of entra-behavior.md that says so. */
  readonly why: string;
  readonly rule: FaultRuleSpec;
}

export const FAULT_PRESETS: readonly FaultPreset[] = [
  {
    label: '429 with Retry-After',
    why: 'Entra pauses for Retry-After and retries only the throttled requests (entra-behavior.md §4).',
    rule: { name: 'throttle-429', match: {}, count: 3, respond: { status: 429, retryAfter: 5 } },
  },
  {
    label: '500 on create',
    why: 'InternalServerError: the user stays in escrow and is retried at the next cycle, about 40 minutes later (§4).',
    rule: { name: 'create-500', match: { operation: 'create' }, respond: { status: 500 } },
  },
  {
    label: '401 everything',
    why: 'Invalid credentials: Entra quarantines the job (EncounteredQuarantineException) and backs off to daily retries (§4, §9).',
    rule: { name: 'all-401', match: {}, respond: { status: 401 } },
  },
  {
    label: '2 s latency',
    why: 'Slow answers: Entra publishes no timeout; one slow enough is logged as Timeout and retried at the next cycle (§4).',
    rule: { name: 'slow-2s', match: {}, latencyMs: 2000 },
  },
];

/** A name not yet taken: `all-401`, then `all-401-2`, `all-401-3`… */
export function freeName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let n = 2;
  while (taken.includes(`${name}-${n}`)) n += 1;
  return `${name}-${n}`;
}
