/**
 * Payloads of the request log: one row per SCIM exchange, classified in Entra's words.
 */

import type { EntraAction, EntraStatus, Entity, Operation, PatchDialect } from '../domain/operation.js';

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

/** One exchange in full: what was received and answered, with secrets already redacted. */
export interface ExchangeDetail extends LogRow {
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: string | null;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string | null;
  readonly modified: readonly ModifiedProperty[];
  readonly explanation: FailureExplanation | null;
}

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
