/**
 * Turns handler results and errors into the bytes and headers the listener sends.
 */

import { SCIM_CONTENT_TYPE } from '../../../shared/scim/constants.js';
import { ScimError, scimErrorBody } from '../errors.js';
import type { ScimResponse } from './types.js';

export interface Serialized {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** JSON text from the listener's own handlers; an upstream's bytes as received in proxy mode. */
  readonly body: string | Buffer;
  readonly scimType: string | null;
}

/** A ScimError becomes its RFC 7644 §3.12 body; anything else is a bug, answered 500 without internals. */
export function errorResponse(error: unknown): ScimResponse & { scimType?: string } {
  if (error instanceof ScimError) {
    return { status: error.status, body: error.toBody(), headers: error.headers, ...(error.scimType ? { scimType: error.scimType } : {}) };
  }
  console.error('provisioning-monitor: unexpected error while handling a SCIM request:', error);
  return { status: 500, body: scimErrorBody(500, 'The listener failed unexpectedly on this request; it is kept in the request log. Please report it.') };
}

export function serialize(response: ScimResponse & { scimType?: string }): Serialized {
  const headers: Record<string, string> = { ...response.headers };
  let body = '';
  const bodyless = response.status === 204 || response.status === 304;
  if (response.body !== undefined && !bodyless) {
    body = JSON.stringify(response.body);
    // RFC 7644 §3.1 and entra-behavior.md §1: every response carries application/scim+json.
    headers['Content-Type'] = `${SCIM_CONTENT_TYPE}; charset=utf-8`;
  }
  // RFC 9110 §8.6: no Content-Length on 204; on 304 it would describe the omitted representation.
  if (!bodyless) headers['Content-Length'] = String(Buffer.byteLength(body));
  return { status: response.status, headers, body, scimType: response.scimType ?? null };
}
