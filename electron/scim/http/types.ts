/**
 * What a SCIM route handler receives and returns. Handlers are synchronous: they run inside the SQLite
 * transaction that also writes the request's log row.
 */

import type { IncomingHttpHeaders } from 'node:http';
import type { ScimResourceType } from '../../../shared/scim/constants.js';

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
}

export type ScimHandler = (request: ScimRequest) => ScimResponse;
