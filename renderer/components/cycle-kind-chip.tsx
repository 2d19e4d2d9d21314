/**
 * The kind of an inferred cycle (initial, incremental, on demand, Test Connection) as a chip in the cycle's tint,
 * the same tint as its band on the Cycles timeline. Entra sends no cycle id, so the kind is a heuristic and the
 * chip says so on hover.
 */

import type { CycleKind } from '../../shared/api/provisioning-types.js';

export const CYCLE_KIND_LABEL: Readonly<Record<CycleKind, string>> = {
  initial: 'Initial',
  incremental: 'Incremental',
  'on-demand': 'On demand',
  'test-connection': 'Test connection',
};

/** The CSS colour of each kind: chart bands, legend swatches and chips share it. */
export const CYCLE_KIND_COLOR: Readonly<Record<CycleKind, string>> = {
  initial: 'var(--cycle-initial)',
  incremental: 'var(--cycle-incremental)',
  'on-demand': 'var(--cycle-on-demand)',
  'test-connection': 'var(--cycle-test)',
};

const WHY: Readonly<Record<CycleKind, string>> = {
  initial: 'Inferred: the first cycle with work, or one that matched most existing users again (after Restart provisioning).',
  incremental: 'Inferred: a burst of changes on the usual ~40-minute cadence.',
  'on-demand': 'Inferred: one identity, away from the ~40-minute cadence (Provision on demand).',
  'test-connection': 'Inferred: nothing but Test Connection probes.',
};

export const CYCLE_KINDS: readonly CycleKind[] = ['initial', 'incremental', 'on-demand', 'test-connection'];

export function CycleKindChip({ kind }: { kind: CycleKind }) {
  return (
    <span className={`kind-chip kind-${kind}`} title={WHY[kind]} style={{ color: CYCLE_KIND_COLOR[kind] }}>
      <span className="kind-dot" aria-hidden="true" />
      <span className="kind-text">{CYCLE_KIND_LABEL[kind]}</span>
    </span>
  );
}
