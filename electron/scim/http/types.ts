/**
 * What a SCIM route handler receives and returns. Handlers are synchronous: they run inside the SQLite
 * transaction that also writes the request's log row.
 */

import type { IncomingHttpHeaders } from 'node:http';
import type { ScimResourceType } from '../../../shared/scim/constants.js';
import type { ModifiedProperty } from '../../provisioning/modified-properties.js';
import type { OperationInfo } from '../../provisioning/operation.js';
import type { StoredResource } from '../resource/types.js';

export interface ScimRequest {
  readonly method: string;
  /** Path segments after `/scim/v2`, decoded: `['Users', '<id>']`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** `http(s)://host/scim/v2`, for `meta.location` and `$ref`. */
  readonly baseUrl: string;
}

export interface ScimResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** The resource the request was about, for the log. */
  readonly resourceType?: ScimResourceType;
  readonly resourceId?: string;
  /** The resource before and after a write (null when it did not exist), for modified properties. */
  readonly change?: { readonly before: StoredResource | null; readonly after: StoredResource | null };
  /** totalResults of a list or match, so a match that finds several objects can be flagged. */
  readonly resultCount?: number;
}

export type ScimHandler = (request: ScimRequest) => ScimResponse;

/** A response plus what the pipeline learned on the way: who asked, what kind of request it was, any fault. */
export interface HandledRequest extends ScimResponse {
  readonly scimType?: string;
  readonly tokenId?: string;
  readonly info?: OperationInfo;
  readonly identity?: string | null;
  /** The name of the fault-injection rule that answered or delayed the request. */
  readonly fault?: string;
  readonly delayMs?: number;
  /** The logged request this one replays, when the app itself sent it (replay-link.ts); never set from outside. */
  readonly replayOf?: number;
  /**
   * Proxy mode only (electron/proxy/): what the pipeline learned from the exchange itself, because there is no
   * before/after `change` from a local directory. The Entra error code of a failure the proxy itself answered
   * (Timeout, WebExceptionProtocolError), the resource's externalId, and the modified properties requested.
   */
  readonly errorCode?: string;
  readonly externalId?: string | null;
  readonly modified?: readonly ModifiedProperty[];
}
