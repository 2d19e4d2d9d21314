/**
 * Which cycles Entra worked in: `entra_work` counts the requests of a cycle that Entra sent other than Test
 * Connection probes and schema reads (the same "work" as api/cycle-work.ts, with Entra as the sender).
 *
 * Cycles are inferred from all traffic, so a rehearsal with the in-app simulator (or a Replay) makes cycles too, and
 * health must see them (a rehearsal shows quarantine risk). Entra's ~40-minute cadence (entra-behavior.md §5.2) is
 * another matter: "next cycle expected", "overdue" and the back-off note (provisioning/cycle-overview.ts,
 * api/status.ts) may only follow cycles Entra itself ran, or the app announces cycles Entra never scheduled.
 *
 * The counter is kept in the request's own transaction, in the same UPDATE as the other counters (cycles-repo.ts).
 * Existing cycles are counted from the log, by the rule of api/log-source.ts (`SOURCE_SQL.entra`): not a replay, and
 * no token or one that is not internal. A cycle whose rows retention already pruned has nothing left to tell, and
 * stays at 0: not knowing is better than expecting a cycle Entra may never have run.
 */

export const sql = `
ALTER TABLE cycles ADD COLUMN entra_work INTEGER NOT NULL DEFAULT 0;
UPDATE cycles SET entra_work = (
  SELECT count(*) FROM requests r
  WHERE r.cycle_id = cycles.id
    AND coalesce(r.operation, 'unknown') NOT IN ('test-connection', 'discovery')
    AND r.replay_of IS NULL
    AND (r.token_id IS NULL OR r.token_id NOT IN (SELECT id FROM tokens WHERE source = 'internal'))
);
`;
