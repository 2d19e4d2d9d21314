/**
 * Who sent a logged request (LogRow.source): Entra, or the app itself through its per-run internal tokens
 * (electron/auth/tokens.ts `internal(label)`: Connect's simulator, Live's Replay).
 *
 * The log row keeps only `token_id`; whether that token is internal lives in the `tokens` table. Both the column and
 * the filter read it without touching the query plan of the page itself (log-query.ts picks the index with
 * INDEXED BY, and every index costs every logged request, so none is added for this):
 * - the column is a correlated lookup of the token by its primary key, done only for rows the page returns;
 * - the filter compares `token_id` with the internal tokens' ids, a list SQLite builds once per statement from the
 *   small `tokens` table, and is checked row by row like the other filters the driving index does not cover.
 */

import type { LogSource } from '../../shared/api/log-types.js';
import { REPLAY_TOKEN_LABEL } from '../auth/internal-labels.js';

/** A `requests r` select-list item: the label of the row's token when it is an internal one, else NULL. */
export const INTERNAL_LABEL_COLUMN = "(SELECT t.label FROM tokens t WHERE t.id = r.token_id AND t.source = 'internal') AS internal_label";

/**
 * The sender of a row. A row linked to an original (`replay_of`) is a replay even when the admin typed another
 * token into Edit & replay; any internal token other than Replay's is the simulator's.
 */
export function sourceOf(replayOf: number | null, internalLabel: string | null | undefined): LogSource {
  if (replayOf !== null) return 'replay';
  if (internalLabel === null || internalLabel === undefined) return 'entra';
  return internalLabel === REPLAY_TOKEN_LABEL ? 'replay' : 'simulator';
}

const INTERNAL_IDS = "SELECT id FROM tokens WHERE source = 'internal'";

/** SQL on `requests r` for each sender, matching `sourceOf` exactly. */
const SOURCE_SQL: Readonly<Record<LogSource, { readonly sql: string; readonly params: readonly string[] }>> = {
  // `NOT IN` is NULL for a NULL token_id (no token, or one this monitor does not know), hence the explicit test.
  entra: { sql: `(r.replay_of IS NULL AND (r.token_id IS NULL OR r.token_id NOT IN (${INTERNAL_IDS})))`, params: [] },
  simulator: { sql: `(r.replay_of IS NULL AND r.token_id IN (${INTERNAL_IDS} AND label <> ?))`, params: [REPLAY_TOKEN_LABEL] },
  replay: { sql: `(r.replay_of IS NOT NULL OR r.token_id IN (${INTERNAL_IDS} AND label = ?))`, params: [REPLAY_TOKEN_LABEL] },
};

/** The filter for `sources` as one WHERE term, or null when it leaves nothing out (no sources, or all of them). */
export function sourceTerm(sources: readonly LogSource[] | undefined): { sql: string; params: string[] } | null {
  const wanted = [...new Set(sources ?? [])];
  if (wanted.length === 0 || wanted.length === Object.keys(SOURCE_SQL).length) return null;
  const parts = wanted.map((source) => SOURCE_SQL[source]);
  return { sql: parts.length === 1 ? parts[0]!.sql : `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => [...p.params]) };
}
