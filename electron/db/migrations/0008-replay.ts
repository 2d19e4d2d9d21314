/**
 * Replay (issue 8): a request re-sent from the log is logged like any other and points at its original.
 *
 * `replay_of` is the id of the logged request it replays; NULL for everything Entra (or anyone else) sent. It is
 * set only for requests that proved they came from the app itself (electron/scim/http/replay-link.ts), and it has
 * no foreign key: retention may prune an original before its replays, and a replay still says what it replayed.
 *
 * Both indexes are partial, so the ~all rows that are not replays never enter them (the insert path stays as cheap
 * as before, see 0006/0007 on what every index and trigger costs each logged request):
 * - `requests_replay_of` finds the replays of one request (the detail pane's "Replays of this request");
 * - `requests_replay` pages "replays only" in time order, as `requests_fault` does for injected faults.
 */

export const sql = `
ALTER TABLE requests ADD COLUMN replay_of INTEGER;
CREATE INDEX requests_replay_of ON requests (replay_of) WHERE replay_of IS NOT NULL;
CREATE INDEX requests_replay ON requests (ts) WHERE replay_of IS NOT NULL;
`;
