/**
 * The link from a replayed request to the logged request it replays (Replay, issue 8).
 *
 * The app's replay service (electron/api/replay.ts) re-sends a logged request to this listener as a real HTTP
 * request and names the original in `X-Provisioning-Monitor-Replay-Of`. Anyone can send that header through the
 * tunnel, so it counts only when the request proves it came from the app: its bearer token is one of this run's
 * internal tokens (electron/auth/tokens.ts), or, when the admin typed their own Authorization value to rehearse a
 * wrong token, the internal secret travels in `X-Provisioning-Monitor-Replay-Key` instead. That key only links the
 * log row; it never authenticates the request, so a rehearsed 401 stays a 401. The key header is redacted in the
 * log like Authorization (redact.ts). From Entra's requests the header is ignored: nobody outside can forge a link.
 */

import type { IncomingHttpHeaders } from 'node:http';
import type { TokenService } from '../../auth/tokens.js';

export const REPLAY_OF_HEADER = 'x-provisioning-monitor-replay-of';
export const REPLAY_KEY_HEADER = 'x-provisioning-monitor-replay-key';

const ROW_ID = /^[1-9]\d{0,14}$/;

/** Whether a header value is the bearer secret of one of this run's internal tokens. */
function internal(tokens: TokenService, header: string | undefined): boolean {
  if (header === undefined || header === '') return false;
  const auth = tokens.authenticate(header);
  return auth.ok && tokens.isInternal(auth.token);
}

/**
 * The original's row id when the request may claim it, else undefined. A request without the header (all of
 * Entra's) costs one property lookup; one with it is authenticated here too, independently of the listener's own
 * check, which runs later and may never run (an edited path that is not under /scim/v2 is refused before it).
 */
export function replayLink(headers: IncomingHttpHeaders, tokens: TokenService): number | undefined {
  const claimed = headers[REPLAY_OF_HEADER];
  if (claimed === undefined) return undefined;
  if (typeof claimed !== 'string' || !ROW_ID.test(claimed.trim())) return undefined;
  const key = headers[REPLAY_KEY_HEADER];
  const proven = internal(tokens, headers.authorization) || (typeof key === 'string' && internal(tokens, `Bearer ${key}`));
  return proven ? Number(claimed.trim()) : undefined;
}
