/**
 * Replay (issue 8): re-send a logged request to the listener, as it was or edited first, the way ngrok's inspector
 * replays a request. The replayed exchange is logged like any other and linked to its original (`replayOf`).
 */

/** The methods the edit form offers: SCIM's (RFC 7644 §3.1; Entra uses all five, entra-behavior.md §2). */
export const REPLAY_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type ReplayMethod = (typeof REPLAY_METHODS)[number];

/** The text the log stores in place of a password (electron/scim/http/redact.ts). */
export const REDACTED_MARKER = '[redacted]';

export interface ReplayHeader {
  readonly name: string;
  readonly value: string;
}

/**
 * What "Replay" would send for a logged request: its method, target, the headers worth re-sending and its body,
 * as the edit form starts from. Authorization appears as the log's mask (`Bearer ••••last4`); kept like that, the
 * replay authenticates with the monitor's own replay token.
 */
export interface ReplayDraft {
  readonly id: number;
  readonly method: string;
  /** Path and query as received, e.g. `/scim/v2/Users?filter=…`. */
  readonly path: string;
  readonly headers: readonly ReplayHeader[];
  readonly body: string | null;
  /** The logged body had a password replaced by REDACTED_MARKER: "Replay" refuses it, "Edit & replay" warns. */
  readonly redactedPassword: boolean;
  /** Why the replay may not be the original request byte for byte (dropped headers, a body that was not logged). */
  readonly notes: readonly string[];
}

/** Changes to a logged request before it is re-sent; an absent field keeps the logged value. */
export interface ReplayEdit {
  readonly method?: ReplayMethod;
  readonly path?: string;
  /** The complete header list to send (replaces the draft's). */
  readonly headers?: readonly ReplayHeader[];
  /** The body text, sent as is (null: no body). */
  readonly body?: string | null;
}

/** How the replay authenticated: the monitor's replay token, the admin's own Authorization value, or none. */
export type ReplayAuth = 'replay-token' | 'edited' | 'none';

export interface ReplayResult {
  /** The new log row, or null when the listener could not record it (it then answered 503 and changed nothing). */
  readonly id: number | null;
  readonly replayOf: number;
  readonly method: string;
  readonly path: string;
  /** The listener's HTTP status for the replay. */
  readonly status: number;
  readonly auth: ReplayAuth;
  /** Things the admin should know about what was sent, e.g. a body that still held REDACTED_MARKER. */
  readonly warnings: readonly string[];
}
