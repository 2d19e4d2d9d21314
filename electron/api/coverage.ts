/**
 * The `coverage.get` method: for each row of the Britive mapping (entra-behavior.md §12), whether Entra ever sent
 * it, when last, and how many users or groups hold a value now, so an admin sees at a glance which mappings flow.
 * Attributes that arrived but are not mapping rows (a custom extension, `name.formatted`) follow, `mapped: false`.
 */

import type { CoverageRow } from '../../shared/api/provisioning-types.js';
import { BRITIVE_GROUP_ATTRIBUTES, BRITIVE_USER_ATTRIBUTES } from '../../shared/scim/britive-mapping.js';
import { arrivalsRepo, type ArrivalRow } from '../db/arrivals-repo.js';
import { countHolders, type HolderTable } from '../provisioning/attribute-holders.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

/** Unmapped attributes listed at most (each costs one column of the counting query). */
const MAX_UNMAPPED = 500;

interface Wanted {
  readonly attribute: string;
  readonly entity: 'User' | 'Group';
  readonly mapped: boolean;
}

const tableOf = (entity: 'User' | 'Group'): HolderTable => (entity === 'Group' ? 'groups' : 'users');

/** An unmapped attribute belongs to groups only when its extension URN says so; everything else Entra sends is a user's. */
const entityOf = (attribute: string): 'User' | 'Group' => (/:Group:[^:]+$/.test(attribute) ? 'Group' : 'User');

export function coverageHandlers(deps: ApiDeps): NamespaceHandlers<'coverage'> {
  const arrivals = arrivalsRepo(deps.store.db);
  return {
    'coverage.get': () => {
      const arrived = new Map<string, ArrivalRow>(arrivals.all().map((row) => [row.attribute, row]));
      const mappedPaths = new Set([...BRITIVE_USER_ATTRIBUTES, ...BRITIVE_GROUP_ATTRIBUTES].map((row) => row.path));
      const wanted: Wanted[] = [
        ...BRITIVE_USER_ATTRIBUTES.map((row) => ({ attribute: row.path, entity: 'User' as const, mapped: true })),
        ...BRITIVE_GROUP_ATTRIBUTES.map((row) => ({ attribute: row.path, entity: 'Group' as const, mapped: true })),
        ...[...arrived.keys()]
          .filter((attribute) => !mappedPaths.has(attribute))
          .slice(0, MAX_UNMAPPED)
          .map((attribute) => ({ attribute, entity: entityOf(attribute), mapped: false })),
      ];
      const holders = new Map<string, number>();
      for (const entity of ['User', 'Group'] as const) {
        const attributes = wanted.filter((w) => w.entity === entity).map((w) => w.attribute);
        const counts = countHolders(deps.store.db, tableOf(entity), attributes);
        attributes.forEach((attribute, i) => holders.set(`${entity}:${attribute}`, counts[i] ?? 0));
      }
      // Arrivals are recorded per attribute name, so `displayName` and `externalId` arrivals are shared by the User and
      // Group rows; `holders` is counted per table and tells them apart.
      return wanted.map(({ attribute, entity, mapped }): CoverageRow => {
        const arrival = arrived.get(attribute);
        return { attribute, entity, mapped, arrived: arrival !== undefined, lastSeen: arrival?.last_seen ?? null, holders: holders.get(`${entity}:${attribute}`) ?? 0 };
      });
    },
  };
}
