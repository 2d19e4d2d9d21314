/**
 * The listener's fault-injection hook: lets an admin rehearse how Entra reacts to throttling, server errors,
 * conflicts and slow answers (entra-behavior.md §4, §14 item 10) without touching a real app.
 */

import type { OperationInfo } from '../../provisioning/operation.js';
import type { ScimRequest } from './types.js';

/** What a matching rule does to one request. */
export interface FaultDecision {
  /** The rule's name, stored in the request's log row so injected answers are never mistaken for real ones. */
  readonly rule: string;
  /** Answer with this instead of handling the request (the directory is not touched). */
  readonly response?: { readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> };
  /** Wait this long before answering (the request is handled normally unless `response` is set). */
  readonly delayMs?: number;
}

/** Asked once per authenticated request, before it is handled; returns undefined to leave the request alone. */
export type FaultInjector = (request: ScimRequest, info: OperationInfo, identity: string | null) => FaultDecision | undefined;
