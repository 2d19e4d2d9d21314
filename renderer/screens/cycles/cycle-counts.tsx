/**
 * A cycle's request counters in Entra's words: the Actions (Create, Update, Disable, Delete) as chips, then the
 * lookups that are Entra's "Other" (match queries, Test Connection probes, reads) in a muted line.
 */

import type { CycleSummary } from '../../../shared/api/provisioning-types.js';
import { formatCount } from '../../lib/format.js';

const ACTIONS: readonly { key: keyof CycleSummary['actions']; label: string }[] = [
  { key: 'create', label: 'Create' },
  { key: 'update', label: 'Update' },
  { key: 'disable', label: 'Disable' },
  { key: 'delete', label: 'Delete' },
];

/** "Create 3 · Update 1 · 5 matches": only what happened, writes first. */
export function ActionCounts({ cycle }: { cycle: CycleSummary }) {
  const parts = ACTIONS.filter((a) => cycle.actions[a.key] > 0).map((a) => (
    <span key={a.key} className={`count-chip count-${a.key}`}>
      {a.label} <span className="num">{formatCount(cycle.actions[a.key])}</span>
    </span>
  ));
  const lookups: string[] = [];
  if (cycle.matches > 0) lookups.push(`${formatCount(cycle.matches)} ${cycle.matches === 1 ? 'match' : 'matches'}`);
  if (cycle.probes > 0) lookups.push(`${formatCount(cycle.probes)} ${cycle.probes === 1 ? 'probe' : 'probes'}`);
  // Reads, matches and probes are all "Other"; the rest of Other (reads, discovery) is what remains after those.
  const otherReads = cycle.actions.other - cycle.matches - cycle.probes;
  if (otherReads > 0) lookups.push(`${formatCount(otherReads)} other`);
  return (
    <span className="action-counts">
      {parts}
      {lookups.length > 0 && <span className="muted small">{lookups.join(' · ')}</span>}
    </span>
  );
}
