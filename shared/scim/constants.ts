/**
 * SCIM 2.0 protocol constants shared by the listener and the UI.
 *
 * URNs are quoted exactly from RFC 7643 (core schemas) and RFC 7644 (messages).
 */

export const SCHEMA_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCHEMA_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const SCHEMA_ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * The malformed enterprise URN (no colon before `User`) seen in an older Microsoft example.
 *
 * entra-behavior.md §2.1: tolerate it and never answer 400 for it; we read it as the real URN.
 */
export const SCHEMA_ENTERPRISE_USER_MALFORMED = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User';

/** Microsoft's extra group schema URI on Entra's group create body (entra-behavior.md §2.2): accepted and ignored. */
export const SCHEMA_MICROSOFT_ADSCIM_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

export const MESSAGE_LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const MESSAGE_PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const MESSAGE_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const MESSAGE_SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

export const SCHEMA_SERVICE_PROVIDER_CONFIG = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const SCHEMA_RESOURCE_TYPE = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** RFC 7644 §3.1: every SCIM response carries this media type; Entra sends it on requests too. */
export const SCIM_CONTENT_TYPE = 'application/scim+json';

/** The path prefix the listener serves; the Tenant URL is `<public base>/scim/v2`. */
export const SCIM_BASE_PATH = '/scim/v2';

/** RFC 7644 §3.12, Table 9: the `scimType` values of a SCIM error. */
export type ScimErrorType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** The two resource types the listener stores. */
export type ScimResourceType = 'User' | 'Group';

/** The body of a SCIM error response (RFC 7644 §3.12); `status` is a string there. */
export interface ScimErrorBody {
  readonly schemas: readonly [typeof MESSAGE_ERROR];
  readonly status: string;
  readonly scimType?: ScimErrorType;
  readonly detail: string;
}
