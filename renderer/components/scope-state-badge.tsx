/**
 * The expected-users checklist badge (screens.md Screen 6): Not seen, Matched only, Created, Updated, Disabled,
 * Deleted, Failed, in Entra's status colours, with what each means on hover.
 */

import type { ScopeState } from '../../shared/api/provisioning-types.js';
import { Badge, type Tone } from './badge.js';

const STATE: Readonly<Record<ScopeState, { tone: Tone; meaning: string }>> = {
  'Not seen': { tone: 'neutral', meaning: 'No request has mentioned this identity yet.' },
  'Matched only': { tone: 'info', meaning: 'Entra asked whether it exists, but has not created it.' },
  Created: { tone: 'success', meaning: 'The create succeeded.' },
  Updated: { tone: 'success', meaning: 'An update succeeded.' },
  Disabled: { tone: 'warning', meaning: 'Entra deactivated it (active=false): unassigned or soft-deleted in Entra.' },
  Deleted: { tone: 'neutral', meaning: 'Entra deleted it (a hard delete in Entra, usually 30 days after a soft delete).' },
  Failed: { tone: 'danger', meaning: 'The last write for this identity failed.' },
};

export const scopeStateMeaning = (state: ScopeState): string => STATE[state].meaning;

export function ScopeStateBadge({ state }: { state: ScopeState }) {
  return (
    <Badge tone={STATE[state].tone} title={STATE[state].meaning}>
      {state}
    </Badge>
  );
}
