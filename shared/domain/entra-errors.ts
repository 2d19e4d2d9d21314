/**
 * The Entra provisioning error codes our answers are likely to produce, with their meaning and the fix, in the
 * words of Microsoft's "Analyze provisioning logs" error table (entra-behavior.md §4, §6.4; design/screens.md §1.1).
 */

export interface EntraErrorInfo {
  /** The code as Entra's provisioning log shows it (Graph `errorInformation.errorCode`). */
  readonly code: string;
  readonly meaning: string;
  readonly recommendedAction: string;
  /** What Entra does next, when the docs say. */
  readonly retry: string;
}

const info = (code: string, meaning: string, recommendedAction: string, retry: string): EntraErrorInfo => ({ code, meaning, recommendedAction, retry });

export const ENTRA_ERRORS: Readonly<Record<string, EntraErrorInfo>> = {
  Unauthorized: info(
    'Unauthorized',
    'The app refused Entra\'s credentials (HTTP 401). During a cycle Entra quarantines the job (EncounteredQuarantineException); Test Connection shows "invalid credentials".',
    'Create or re-create a Secret Token, paste it into Entra\'s Secret Token field, Test Connection, then Restart provisioning.',
    'The job is quarantined; retries at +6 h, +12 h, +24 h, then daily; disabled after 4 weeks.',
  ),
  InsufficientRights: info('InsufficientRights', 'The app refused the operation (HTTP 403).', 'Give the token\'s account permission for this operation in the app.', 'Retried on later cycles.'),
  MethodNotAllowed: info('MethodNotAllowed', 'The app does not allow this HTTP method on this endpoint (HTTP 405).', 'Check that the app supports the operation Entra sends (PATCH for updates, DELETE for deletes).', 'Retried on later cycles.'),
  EntryConflict: info(
    'EntryConflict',
    'The app already has an object with this unique value (HTTP 409, scimType uniqueness). Entra also logs this as SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering.',
    'Correct the conflicting attribute value in the source or the app, or check the matching attribute so Entra finds the existing object instead of creating a duplicate.',
    'Kept in escrow and retried on later cycles.',
  ),
  InvalidAnchor: info(
    'InvalidAnchor',
    'An object Entra created or matched earlier no longer exists in the app (HTTP 404 on a read or update by id).',
    'Restore the object in the app, or Restart provisioning so Entra matches again.',
    'Retried on later cycles.',
  ),
  ScimComplianceNotFound: info(
    'SystemForCrossDomainIdentityManagementServiceIncompatible',
    'SCIM compliance issue: an HTTP/404 Not Found response was returned rather than the expected HTTP/200 OK to a list or filter query. Entra can quarantine the job for this.',
    'Answer filter queries that match nothing with 200 and an empty ListResponse; check the Tenant URL ends in /scim/v2.',
    'Can quarantine the job.',
  ),
  BadRequest: info(
    'SystemForCrossDomainIdentityManagementBadRequest',
    'The app rejected the request as invalid (HTTP 400). Newer logs show SystemForCrossDomainIdentityManagementServiceIncompatible for the same case.',
    'Read the detail of the SCIM error; fix the attribute mapping or the value that the app rejects.',
    'Retried on later cycles.',
  ),
  Incompatible: info(
    'SystemForCrossDomainIdentityManagementServiceIncompatible',
    'Entra could not use the app\'s answer (an unexpected status or a body it could not parse).',
    'Check the response against the SCIM spec: status, Content-Type application/scim+json, and the resource shape.',
    'Retried on later cycles.',
  ),
  TooManyRequests: info('TooManyRequests', 'The app throttled Entra (HTTP 429).', 'Raise the app\'s rate limit for Entra; Entra needs at least 25 requests per second per tenant.', 'Retried automatically after Retry-After.'),
  InternalServerError: info('InternalServerError', 'The app failed (HTTP 5xx).', 'Look at the app\'s own logs for this request.', 'Retried in about 40 minutes (the next cycle).'),
  NotImplemented: info('NotImplemented', 'The app does not implement this operation (HTTP 501).', 'Implement the endpoint, or remove the mapping or action that needs it.', 'Retried on later cycles.'),
  WebExceptionProtocolError: info(
    'WebExceptionProtocolError',
    'Entra could not complete the HTTP exchange with the app: the connection was refused or reset, TLS failed, or the answer was not usable HTTP.',
    'Check that the app is running and reachable at the Tenant URL, with a valid, publicly trusted TLS certificate.',
    'Retried in about 40 minutes (the next cycle).',
  ),
  Timeout: info('Timeout', 'The request did not get an answer in time; Entra gave up (no numeric timeout is published).', 'Make the app answer faster.', 'Retried in about 40 minutes (the next cycle).'),
  DuplicateTargetEntries: info(
    'DuplicateTargetEntries',
    'A matching query returned more than one object, so Entra cannot tell which one to update.',
    'Make the matching attribute unique in the app, or choose another matching attribute.',
    'Retried on later cycles.',
  ),
};

export type EntraErrorKey = keyof typeof ENTRA_ERRORS;
