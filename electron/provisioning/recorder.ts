/**
 * Records one exchange: assigns its cycle, writes the log row with its bodies and modified properties, and notes
 * which attributes arrived. Runs inside the listener's transaction, so the log, the cycle counters and the
 * coverage can never disagree.
 */

import type { ArrivalsRepo } from '../db/arrivals-repo.js';
import type { FailuresRepo } from '../db/failures-repo.js';
import type { ModifiedPropertyRow, RequestLogBodies, RequestLogEntry, RequestLogRepo } from '../db/request-log-repo.js';
import type { Operation } from '../../shared/domain/operation.js';
import type { CycleTracker } from './cycle-tracker.js';

export interface RecordInput {
  readonly entry: RequestLogEntry;
  readonly bodies: RequestLogBodies;
  readonly modified: readonly ModifiedPropertyRow[];
  /** totalResults of a list or match. */
  readonly resultCount: number | undefined;
}

export interface Recorded {
  readonly id: number;
  readonly cycleId: number;
  readonly cycleOpened: boolean;
}

export type Recorder = (input: RecordInput) => Recorded;

/** `members[value eq "…"]` rows of a group write all count as the `members` mapping row. */
const mappingRow = (attribute: string): string => (attribute.startsWith('members[') ? 'members' : attribute);

/** The SCIM error `detail` of a failed answer (RFC 7644 §3.12), for failure grouping. */
function errorDetail(body: string | null): string | null {
  if (body === null) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    const detail = typeof parsed === 'object' && parsed !== null ? (parsed as { detail?: unknown }).detail : undefined;
    return typeof detail === 'string' ? detail : null;
  } catch {
    return null;
  }
}

/**
 * @param isInternalToken whether a token id is one of the app's internal tokens (auth/tokens.ts `isInternalId`)
 */
export function createRecorder(
  log: RequestLogRepo,
  cycles: CycleTracker,
  arrivals: ArrivalsRepo,
  failures: FailuresRepo,
  isInternalToken: (tokenId: string) => boolean,
): Recorder {
  return ({ entry, bodies, modified, resultCount }) => {
    const { cycleId, opened } = cycles.assign({
      ts: entry.ts,
      operation: (entry.operation ?? 'unknown') as Operation,
      action: entry.action ?? 'Other',
      outcome: entry.outcome ?? 'Success',
      status: entry.status,
      identity: entry.identity,
      resultCount,
      // The rule of the log's sender column (api/log-source.ts `sourceOf`): a replay, or a request with an internal
      // token, is the app's own; anything else, with no token or one the monitor does not know, counts as Entra's.
      sentByEntra: entry.replay_of === null && (entry.token_id === null || !isInternalToken(entry.token_id)),
    });
    const row = { ...entry, cycle_id: cycleId };
    const id = log.insert(row, bodies, modified);
    if (row.outcome === 'Failure') failures.recordFailure(id, row, errorDetail(bodies.res_body));
    else if (row.outcome === 'Success') failures.resolve(id, row);
    const arrived = new Set(modified.filter((m) => m.newValue !== null).map((m) => mappingRow(m.attribute)));
    for (const attribute of arrived) arrivals.record(attribute, entry.ts);
    return { id, cycleId, cycleOpened: opened };
  };
}
