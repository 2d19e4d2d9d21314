/**
 * The `cycles.*` methods: inferred provisioning cycles, the current one's progress, and one cycle's per-identity
 * steps (design/screens.md Screen 3, §1.2). Entra sends no cycle id, so every cycle here says `inferred: true`.
 */

import { ApiFailure } from '../../shared/api/result.js';
import { cycleOutlookQueries } from '../provisioning/cycle-overview.js';
import { cycleSteps } from '../provisioning/cycle-steps.js';
import { isOpen, toCycleSummary } from './cycle-summary.js';
import { cycleWorkFilter } from './cycle-work.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

const DEFAULT_LIMIT = 50;

export function cycleHandlers(deps: ApiDeps): NamespaceHandlers<'cycles'> {
  const { cycles, db } = deps.store;
  const outlook = cycleOutlookQueries(db);
  const steps = cycleSteps(db);
  const workFrom = cycleWorkFilter(db);
  const gapMinutes = (): number => deps.settings.get().cycleIdleGapMinutes;

  return {
    'cycles.overview': () => {
      const now = deps.now();
      const idleGapMinutes = gapMinutes();
      const latest = cycles.latest();
      const open = latest !== undefined && isOpen(latest, now, idleGapMinutes);
      return {
        current: latest ? toCycleSummary(latest, open) : null,
        ...outlook.outlook(latest, now, open),
        idleGapMinutes,
      };
    },

    'cycles.list': (input) => {
      const latestId = cycles.latest()?.id;
      const now = deps.now();
      const idleGapMinutes = gapMinutes();
      // Keyset paging on the id: newest first, `before` is the smallest id of the previous page.
      let rows = cycles.list(input?.limit ?? DEFAULT_LIMIT, input?.before);
      // `limit` bounds the cycles looked at, so a filtered page may hold fewer (the checklist reads one page).
      if (input?.workFrom !== undefined) rows = workFrom(rows, input.workFrom);
      return rows.map((row) => toCycleSummary(row, row.id === latestId && isOpen(row, now, idleGapMinutes)));
    },

    'cycles.get': ({ id }) => {
      const row = cycles.get(id);
      if (!row) throw new ApiFailure('not-found', `There is no cycle #${id}; it may have been pruned with old log rows.`);
      const open = row.id === cycles.latest()?.id && isOpen(row, deps.now(), gapMinutes());
      return { ...toCycleSummary(row, open), perIdentity: steps(row.id) };
    },
  };
}
