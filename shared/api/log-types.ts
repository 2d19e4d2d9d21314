/**
 * Payloads of the request log: one row per SCIM exchange, classified in Entra's words.
 */

import type { EntraAction, EntraStatus, Entity, Operation, PatchDialect } from '../domain/operation.js';

/**
 * Who sent a logged request: `entra` for anything from outside the app (Entra, or an admin's own client, including
 * requests with a wrong or missing token), `simulator` for Connect's "Run a simulated cycle" and `replay` for Live's
 * Replay. The app's own requests authenticate with its per-run internal tokens, which is how they are told apart.
 */
export type LogSource = 'entra' | 'simulator' | 'replay';
export const LOG_SOURCES: readonly LogSource[] = ['entra', 'simulator', 'replay'];

/** One logged exchange, as lists show it (no bodies). */
export interface LogRow {
  readonly id: number;
  /** Milliseconds since the epoch (UTC). */
  readonly ts: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  readonly durationMs: number;
  readonly entity: Entity;
  readonly operation: Operation;
  readonly action: EntraAction;
  readonly outcome: EntraStatus;
  readonly identity: string | null;
  readonly externalId: string | null;
  readonly resourceId: string | null;
  readonly changeId: string;
  readonly cycleId: number | null;
  readonly errorCode: string | null;
  readonly scimType: string | null;
  readonly memberCount: number | null;
  readonly dialect: PatchDialect | null;
  /** The fault-injection rule that answered or delayed this request. */
  readonly fault: string | null;
  readonly clientIp: string | null;
  readonly forwardedFor: string | null;
  /** The logged request this one replays (Live's Replay, sent by the app itself); null for Entra's own requests. */
  readonly replayOf: number | null;
  /** Who sent it: Entra (or anything else outside the app), or the app itself (simulator, replay). */
  readonly source: LogSource;
}

export interface ModifiedProperty {
  readonly attribute: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/** What Entra will likely record for a failed exchange, and what to do about it. */
export interface FailureExplanation {
  readonly errorCode: string;
  readonly meaning: string;
  readonly recommendedAction: string;
  readonly retry: string;
  /** Entra's log text for this failure, in the format admins see in the portal (entra-behavior.md §4). */
  readonly entraMessage: string;
}

/**
 * An answer Entra is likely to reject or mishandle, found in one exchange (the conformance hints panel). Computed from
 * the stored request and response, so it works for old rows and for both the built-in target and proxy mode.
 */
export interface ConformanceHint {
  /** Stable name of the check, e.g. `members-despite-excluded`. */
  readonly id: string;
  /** `error`: Entra fails or quarantines on this; `warning`: it may cope, but the answer is off-spec. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Where the expectation is written down, e.g. `entra-behavior.md §2.2`. */
  readonly source: string;
}

/** One exchange in full: what was received and answered, with secrets already redacted. */
export interface ExchangeDetail extends LogRow {
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: string | null;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string | null;
  readonly modified: readonly ModifiedProperty[];
  readonly explanation: FailureExplanation | null;
  /** What in the answer Entra will likely reject; empty when nothing was found. */
  readonly hints: readonly ConformanceHint[];
  /** Replays of this exchange, newest first (at most REPLAYS_SHOWN); empty when it was never replayed. */
  readonly replays: readonly ReplayRef[];
}

/** One replay of a logged exchange, as the original's detail lists it. */
export interface ReplayRef {
  readonly id: number;
  readonly ts: number;
  readonly status: number;
  readonly outcome: EntraStatus;
}

/** How many replays an exchange's detail lists. */
export const REPLAYS_SHOWN = 20;

/** A log query; every field narrows the result, and all of them combine with AND. */
export interface LogQuery {
  /** Inclusive lower and exclusive upper bounds on `ts`. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly outcome?: readonly EntraStatus[] | undefined;
  readonly action?: readonly EntraAction[] | undefined;
  readonly operation?: readonly Operation[] | undefined;
  readonly entity?: readonly Entity[] | undefined;
  readonly method?: readonly string[] | undefined;
  readonly statusMin?: number | undefined;
  readonly statusMax?: number | undefined;
  /** Prefix match on the identity (case-insensitive): `alice` finds `alice@contoso.com`. */
  readonly identity?: string | undefined;
  readonly resourceId?: string | undefined;
  readonly cycleId?: number | undefined;
  readonly errorCode?: string | undefined;
  readonly changeId?: string | undefined;
  readonly faultOnly?: boolean | undefined;
  /** Only requests replayed from the log (Live's Replay). */
  readonly replayOnly?: boolean | undefined;
  /** Only requests from these senders, e.g. `['entra']` to leave out the app's own simulator and replay traffic. */
  readonly source?: readonly LogSource[] | undefined;
  /** Free text, searched in identity, path, query and error code. */
  readonly text?: string | undefined;
  /** Keyset paging: rows with an id below this (the previous page's `nextBefore`). */
  readonly before?: number | undefined;
  readonly limit?: number | undefined;
}

export interface LogPage {
  /** Newest first. */
  readonly rows: readonly LogRow[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  readonly nextBefore: number | null;
}
