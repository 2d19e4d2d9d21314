/**
 * replay.draft and replay.resend (issue 8): re-send a logged request to the listener, as it was or edited, the way
 * ngrok's inspector replays a request. A replay is how an admin rehearses Entra's retry of a failed export now
 * instead of in ~40 minutes (entra-behavior.md §4, §5.2: failures stay in escrow and are retried on later cycles).
 *
 * The replay is a real HTTP request to the listener's local address, so it is authenticated, answered and logged
 * exactly like Entra's. It names its original in a header that the listener honours only from the app itself
 * (electron/scim/http/replay-link.ts), and the new row's `replay_of` is the link both ways.
 *
 * Replays run one at a time: the row a replay was logged as is then the first row linked to the original after the
 * log's highest id before it was sent (the listener commits a request's row before it answers).
 */

import type { ReplayResult } from '../../shared/api/replay-types.js';
import { ApiFailure } from '../../shared/api/result.js';
import { REPLAY_TOKEN_LABEL } from '../auth/internal-labels.js';
import type { LoggedRequest } from '../db/request-log-repo.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';
import { replayDraft, replayRequest } from './replay-request.js';
import { sendReplay } from './replay-send.js';

/** The label of the internal token replays authenticate with (electron/auth/tokens.ts: never listed, one per run). */
export { REPLAY_TOKEN_LABEL };

export function replayHandlers(deps: ApiDeps, send: typeof sendReplay = sendReplay): NamespaceHandlers<'replay'> {
  const { log, tokens } = deps.store;
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const original = (id: number): LoggedRequest => {
    const found = log.get(id);
    if (!found) throw new ApiFailure('not-found', `No logged request ${id} to replay; it may have been pruned by retention.`);
    return found;
  };

  return {
    'replay.draft': ({ id }) => replayDraft(original(id)),
    'replay.resend': ({ id, edit }) =>
      oneAtATime(async (): Promise<ReplayResult> => {
        const replay = replayRequest(original(id), edit, tokens.internal(REPLAY_TOKEN_LABEL));
        const before = log.maxId();
        const status = await send(deps.scimUrl(), replay);
        const logged = log.replayAfter(id, before) ?? null;
        const warnings = logged === null ? [...replay.warnings, `The listener answered ${status} but did not record the replay, so it changed nothing.`] : replay.warnings;
        return { id: logged, replayOf: id, method: replay.method, path: replay.path, status, auth: replay.auth, warnings };
      }),
  };
}
