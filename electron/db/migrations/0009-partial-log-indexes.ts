/**
 * Three of the request log's indexes become partial (issue "Performance"): every logged request paid for an entry in
 * each index of 0003/0004, and the three below were only ever searched for the rare values.
 *
 * - `requests_outcome_ts` serves "Failure", "Skipped" and "Warning" pages; "Success" is most of the log, so a
 *   Success page walks `requests_ts` and finds its rows at once.
 * - `requests_operation_ts` serves writes and the rare reads (test-connection, discovery); match, read and list are
 *   most of what Entra sends (entra-behavior.md §5: every cycle matches each in-scope user), so their pages walk
 *   `requests_ts` too.
 * - `requests_status_ts` serves the health check's count of 401/403 answers (provisioning/health-evidence.ts).
 *
 * A partial index is used only by a statement whose WHERE repeats the index's condition word for word
 * (sqlite.org/partialindex.html §2), so each statement that needs one of these indexes carries its condition as a literal term
 * (api/log-query.ts `Driver.implies`, provisioning/health-evidence.ts).
 */

export const sql = `
DROP INDEX requests_outcome_ts;
CREATE INDEX requests_outcome_ts ON requests (outcome, ts) WHERE outcome <> 'Success';
DROP INDEX requests_operation_ts;
CREATE INDEX requests_operation_ts ON requests (operation, ts) WHERE operation NOT IN ('match', 'read', 'list');
DROP INDEX requests_status_ts;
CREATE INDEX requests_status_ts ON requests (status, ts) WHERE status >= 400;
`;
