/**
 * SCIM errors (RFC 7644 §3.12): thrown by parsers and handlers, turned into an error body by the router.
 */

import { MESSAGE_ERROR, type ScimErrorBody, type ScimErrorType } from '../../shared/scim/constants.js';

/** An error that becomes a SCIM error response with this status, scimType and detail. */
export class ScimError extends Error {
  readonly status: number;
  readonly scimType: ScimErrorType | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, detail: string, scimType?: ScimErrorType, headers: Record<string, string> = {}) {
    super(detail);
    this.name = 'ScimError';
    this.status = status;
    this.scimType = scimType;
    this.headers = headers;
  }

  /** The RFC 7644 §3.12 body; `status` is a string there, and Entra quotes this body in its logs. */
  toBody(): ScimErrorBody {
    return scimErrorBody(this.status, this.message, this.scimType);
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimErrorType): ScimErrorBody {
  return scimType === undefined
    ? { schemas: [MESSAGE_ERROR], status: String(status), detail }
    : { schemas: [MESSAGE_ERROR], status: String(status), scimType, detail };
}

export const badRequest = (scimType: ScimErrorType, detail: string): ScimError => new ScimError(400, detail, scimType);
export const notFound = (detail: string): ScimError => new ScimError(404, detail);
export const conflict = (detail: string): ScimError => new ScimError(409, detail, 'uniqueness');
export const notImplemented = (detail: string): ScimError => new ScimError(501, detail);
