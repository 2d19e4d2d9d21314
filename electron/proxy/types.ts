/**
 * Proxy mode's contract with the SCIM listener (electron/scim/http/listener.ts): the listener admits a request
 * (parses, classifies and checks Entra's bearer token against OUR tokens), then asks the proxy to forward it and,
 * inside the log transaction, to turn the upstream's answer into a log row and the bytes relayed to Entra.
 */

import type { OperationInfo } from '../provisioning/operation.js';
import type { ScimError } from '../scim/errors.js';
import type { ParsedTarget } from '../scim/http/request-context.js';
import type { Serialized } from '../scim/http/respond.js';
import type { HandledRequest, ScimRequest } from '../scim/http/types.js';

/** What the upstream did with one forwarded request. */
export type UpstreamAnswer =
  /** It answered: the status, the headers the proxy relays (lower-case names) and the body, within the size bound. */
  | { readonly kind: 'answered'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: Buffer }
  /** It could not be reached, failed TLS, timed out or answered too much: the proxy answers 502/504 itself. */
  | { readonly kind: 'failed'; readonly status: 502 | 504; readonly errorCode: string; readonly detail: string }
  /** The request was not forwarded at all (a path that would leave the upstream's base, a method fetch refuses). */
  | { readonly kind: 'refused'; readonly error: ScimError };

export interface ListenerProxy {
  /** The upstream's SCIM base URL, as configured (never with its token). */
  readonly url: string;
  /** Names the identity of a request before it is forwarded: body, filter, remembered ids, the log. */
  identify(request: ScimRequest, info: OperationInfo): string | null;
  /** Forwards an admitted request; never rejects. */
  forward(request: ScimRequest, target: ParsedTarget, body: Buffer | undefined): Promise<UpstreamAnswer>;
  /**
   * Classifies the exchange from the upstream's answer (identity, resource, result count, modified properties) and
   * serializes what Entra gets back. Synchronous: it runs inside the transaction that writes the log row.
   */
  settle(request: ScimRequest, info: OperationInfo, identity: string | null, answer: UpstreamAnswer): { readonly handled: HandledRequest; readonly serialized: Serialized };
  /** Abandons forwards still waiting on the upstream (each is answered 502 and logged); resolves once all have settled. */
  close(): Promise<void>;
}
