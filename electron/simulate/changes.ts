/**
 * What changes in the simulated tenant between two cycles (entra-behavior.md §5.2): a few attribute edits, some
 * users disabled (accountEnabled=false → PATCH active=false), earlier-disabled users re-enabled, group members
 * removed, and one user hard-deleted (→ DELETE). Deterministic per seed and cycle.
 */

import { SCHEMA_ENTERPRISE_USER } from '../../shared/scim/constants.js';
import { seededRandom } from './random.js';
import type { SourceDirectory, SourceUser } from './test-data.js';
import { DEPARTMENTS, TITLES } from './vocabulary.js';

export interface CycleChanges {
  readonly updated: number[];
  readonly disabled: number[];
  readonly enabled: number[];
  readonly deleted: number[];
  /** [group index, user index] pairs. */
  readonly removedMembers: [number, number][];
}

const EDITS: Record<string, (value: string, cycle: number) => string> = {
  title: (value, cycle) => (value.startsWith('Senior ') ? value.slice(7) : TITLES[(TITLES.indexOf(value as never) + cycle) % TITLES.length]!),
  [`${SCHEMA_ENTERPRISE_USER}:department`]: (value, cycle) => DEPARTMENTS[(DEPARTMENTS.indexOf(value as never) + cycle) % DEPARTMENTS.length]!,
  [`${SCHEMA_ENTERPRISE_USER}:costCenter`]: (value) => `CC-${(Number(value.slice(3)) % 9000) + 1000 + 1}`,
  'phoneNumbers[type eq "mobile"].value': (value, cycle) => `${value.slice(0, -4)}${String(1000 + ((Number(value.slice(-4)) + 37 * cycle) % 9000))}`,
  nickName: (value) => (value.endsWith('y') ? value.slice(0, -1) : `${value}y`),
};

/** Applies cycle `cycle`'s changes (cycle ≥ 2) to the tenant and says what changed. */
export function applyCycleChanges(directory: SourceDirectory, cycle: number): CycleChanges {
  const rng = seededRandom(`${directory.seed}:cycle:${cycle}`);
  const live = directory.users.filter((u) => !u.deleted);
  const enabledUsers = (): SourceUser[] => live.filter((u) => u.attributes.active === true && !u.deleted);
  const share = Math.max(1, Math.round(live.length / 10));

  // Re-enable the users disabled in the previous change set (from cycle 3 on).
  const enabled = live.filter((u) => u.attributes.active === false).map((u) => u.index);
  for (const index of enabled) directory.users[index]!.attributes.active = true;

  // Hard-delete one user who manages nobody still in the tenant, so no manager reference dangles.
  const managers = new Set(live.map((u) => u.manager).filter((m): m is number => m !== null));
  const deletable = enabledUsers().filter((u) => !managers.has(u.index) && !enabled.includes(u.index));
  const deleted = rng.sample(deletable, 1).map((u) => u.index);
  for (const index of deleted) directory.users[index]!.deleted = true;

  const candidates = (): SourceUser[] => enabledUsers().filter((u) => !enabled.includes(u.index));
  const disabled = rng.sample(candidates(), share).map((u) => u.index);
  for (const index of disabled) directory.users[index]!.attributes.active = false;

  const updated = rng.sample(candidates(), share).map((u) => u.index);
  for (const index of updated) {
    const user = directory.users[index]!;
    for (const path of rng.sample(Object.keys(EDITS), rng.int(2, 3))) user.attributes[path] = EDITS[path]!(String(user.attributes[path]), cycle);
  }

  const removedMembers: [number, number][] = [];
  const groups = directory.groups.filter((g) => [...g.members].filter((m) => !directory.users[m]!.deleted).length >= 2);
  for (const group of rng.sample(groups, Math.ceil(directory.groups.length / 2))) {
    const present = [...group.members].filter((m) => !directory.users[m]!.deleted);
    const member = rng.pick(present);
    group.members.delete(member);
    removedMembers.push([group.index, member]);
  }
  return { updated, disabled, enabled, deleted, removedMembers };
}
