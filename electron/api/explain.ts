/**
 * "What Entra will record" for a failed exchange (design/screens.md Screen 2, Summary tab; Screen 4 detail): the
 * likely error code with its meaning, fix and retry behaviour (shared/domain/entra-errors.ts), and the log text in
 * the format admins see in Entra's provisioning logs (entra-behavior.md §4).
 */

import type { FailureExplanation, LogRow } from '../../shared/api/log-types.js';
import { ENTRA_ERRORS, type EntraErrorInfo } from '../../shared/domain/entra-errors.js';
import type { Operation } from '../../shared/domain/operation.js';

/** Entra's engine is .NET: its "StatusCode:" line names the HttpStatusCode enum member, not the number. */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'NoContent', 304: 'NotModified', 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'NotFound', 405: 'MethodNotAllowed', 406: 'NotAcceptable', 408: 'RequestTimeout', 409: 'Conflict', 412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge', 414: 'RequestUriTooLong', 415: 'UnsupportedMediaType', 422: 'UnprocessableEntity',
  429: 'TooManyRequests', 500: 'InternalServerError', 501: 'NotImplemented', 502: 'BadGateway', 503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export const statusName = (status: number): string => STATUS_NAMES[status] ?? String(status);

/** Entra retries a failed object on the next cycle, about 40 minutes later (entra-behavior.md §4, §5.2). */
const RETRY_AFTER_MS = 40 * 60_000;
const LOOKUPS: ReadonlySet<Operation> = new Set(['match', 'list', 'test-connection']);
/** Longest response body quoted in the message; error bodies are far shorter, a stray HTML page is not. */
const MAX_QUOTED_BODY = 2_000;

/**
 * The error table entry for a code. Two entries share the code `SystemForCrossDomainIdentityManagementServiceIncompatible`:
 * a 404 to a lookup is the SCIM-compliance case Entra can quarantine for (entra-behavior.md §4, "404 on a list/filter
 * query"); anything else is "Entra could not use the answer".
 */
export function errorInfo(errorCode: string, status: number, operation: Operation): EntraErrorInfo {
  const compliance = ENTRA_ERRORS.ScimComplianceNotFound;
  if (compliance && errorCode === compliance.code && status === 404 && LOOKUPS.has(operation)) return compliance;
  const known = Object.entries(ENTRA_ERRORS).find(([key, info]) => info.code === errorCode && key !== 'ScimComplianceNotFound');
  if (known) return known[1];
  return {
    code: errorCode,
    meaning: `Entra could not complete the operation (HTTP ${status}).`,
    recommendedAction: 'Read the response this listener sent and compare it with what the SCIM spec expects.',
    retry: 'Retried on later cycles.',
  };
}

/** .NET's round-trip format, as in "2023-03-02T07:43:56.6507375Z": seven fractional digits. */
const dotNetUtc = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

/**
 * Entra's log text for a failed call (entra-behavior.md §4). Our answer was the first attempt Entra saw, so it reads
 * "retried 0 times", and the next attempt is the next cycle.
 */
export function entraMessage(status: number, responseBody: string | null, ts: number): string {
  const body = (responseBody ?? '').trim();
  const quoted = body.length > MAX_QUOTED_BODY ? `${body.slice(0, MAX_QUOTED_BODY)}…` : body;
  return [
    `StatusCode: ${statusName(status)}`,
    "Message: Processing of the HTTP request resulted in an exception. Please see the HTTP response returned by the 'Response' property of this exception for details.",
    `Web Response: ${quoted}.`,
    `This operation was retried 0 times. It will be retried again after this date: ${dotNetUtc(ts + RETRY_AFTER_MS)} UTC`,
  ].join('\n');
}

/** The explanation of a failed exchange; null for anything Entra records as a success. */
export function explainFailure(
  row: Pick<LogRow, 'status' | 'operation' | 'outcome' | 'errorCode' | 'ts'> & { readonly responseBody: string | null },
): FailureExplanation | null {
  if (row.outcome !== 'Failure') return null;
  const info = errorInfo(row.errorCode ?? 'SystemForCrossDomainIdentityManagementServiceIncompatible', row.status, row.operation);
  // A failure with a 2xx answer (several objects matched) is Entra's own verdict, not an HTTP exception it caught.
  const message = row.status >= 400 || row.status < 200 ? entraMessage(row.status, row.responseBody, row.ts) : `${info.code}: ${info.meaning}`;
  return { errorCode: info.code, meaning: info.meaning, recommendedAction: info.recommendedAction, retry: info.retry, entraMessage: message };
}
