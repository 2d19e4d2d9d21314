/**
 * What happened to each identity in one cycle, rebuilt from the wire like the Steps of Entra's provisioning log
 * (entra-behavior.md §5.3; design/screens.md Screen 3 "Cycle detail"): the match and its result count, the write
 * Entra exported, and how it ended.
 *
 * Reads one cycle's rows through the (cycle_id, ts) index; the bodies table is touched only for match answers.
 */

import type { IdentityInCycle } from '../../shared/api/provisioning-types.js';
import type { EntraAction, EntraStatus } from '../../shared/domain/operation.js';
import type { Db } from '../db/open.js';

/** Rows read from one cycle, at most: a bound for a pathological cycle, far above any test tenant's. */
const MAX_ROWS = 50_000;
const MAX_REQUEST_IDS = 200;

const WRITES: ReadonlySet<string> = new Set(['create', 'update', 'disable', 'enable', 'delete', 'add-members', 'remove-members']);

/** Which action names an identity's row: a create outranks the reference PATCHes that follow it in the same cycle. */
const RANK: Readonly<Record<EntraAction, number>> = { Create: 5, Delete: 4, StagedDelete: 4, Disable: 3, Update: 2, Other: 1 };

interface StepRow {
  readonly id: number;
  readonly entity: string;
  readonly operation: string;
  readonly action: string | null;
  readonly outcome: string | null;
  readonly identity: string;
  readonly error_code: string | null;
  readonly match_results: number | null;
}

interface Accumulator {
  identity: string;
  entity: 'User' | 'Group';
  matchResults: number | null;
  lastWrite: StepRow | undefined;
  bestSuccessfulWrite: EntraAction | undefined;
  lastLookup: StepRow | undefined;
  requestIds: number[];
}

const actionOf = (row: StepRow): EntraAction => (row.action ?? 'Other') as EntraAction;

function finish(acc: Accumulator): IdentityInCycle {
  const { lastWrite, lastLookup } = acc;
  if (lastWrite) {
    // The final write decides the outcome; the action is the most significant one that succeeded, if any did.
    return {
      identity: acc.identity,
      entity: acc.entity,
      matchResults: acc.matchResults,
      action: acc.bestSuccessfulWrite ?? actionOf(lastWrite),
      outcome: (lastWrite.outcome ?? 'Success') as EntraStatus,
      errorCode: lastWrite.error_code,
      requestIds: acc.requestIds,
    };
  }
  // Asked about but not acted on: Entra's "Other", shown as Skipped (no change) unless the lookup itself failed.
  const failed = lastLookup?.outcome === 'Failure';
  return {
    identity: acc.identity,
    entity: acc.entity,
    matchResults: acc.matchResults,
    action: 'Other',
    outcome: failed ? 'Failure' : 'Skipped',
    errorCode: failed ? (lastLookup?.error_code ?? null) : null,
    requestIds: acc.requestIds,
  };
}

export type CycleSteps = (cycleId: number) => IdentityInCycle[];

export function cycleSteps(db: Db): CycleSteps {
  const rows = db.prepare<[number, number], StepRow>(
    `SELECT r.id, r.entity, r.operation, r.action, r.outcome, r.identity, r.error_code,
       CASE WHEN r.operation = 'match' AND r.status BETWEEN 200 AND 299 THEN
         (SELECT CASE WHEN json_valid(b.res_body) THEN json_extract(b.res_body, '$.totalResults') END
          FROM request_bodies b WHERE b.request_id = r.id)
       END AS match_results
     FROM requests r
     WHERE r.cycle_id = ? AND r.identity IS NOT NULL AND r.entity IN ('User', 'Group') AND r.operation <> 'test-connection'
     ORDER BY r.ts, r.id LIMIT ?`,
  );
  return (cycleId) => {
    const byKey = new Map<string, Accumulator>();
    for (const row of rows.all(cycleId, MAX_ROWS)) {
      const key = `${row.entity}:${row.identity.toLowerCase()}`;
      let acc = byKey.get(key);
      if (!acc) {
        acc = { identity: row.identity, entity: row.entity as 'User' | 'Group', matchResults: null, lastWrite: undefined, bestSuccessfulWrite: undefined, lastLookup: undefined, requestIds: [] };
        byKey.set(key, acc);
      }
      if (acc.requestIds.length < MAX_REQUEST_IDS) acc.requestIds.push(row.id);
      if (row.operation === 'match' && typeof row.match_results === 'number') acc.matchResults = row.match_results;
      if (WRITES.has(row.operation)) {
        acc.lastWrite = row;
        const action = actionOf(row);
        if (row.outcome === 'Success' && (acc.bestSuccessfulWrite === undefined || RANK[action] > RANK[acc.bestSuccessfulWrite])) acc.bestSuccessfulWrite = action;
      } else {
        acc.lastLookup = row;
      }
    }
    return [...byKey.values()].map(finish);
  };
}
