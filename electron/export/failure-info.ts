/**
 * "What Entra will record" for each exported failure (entra-behavior.md §4; electron/api/explain.ts), with the
 * error-table lookup memoised: an export explains up to hundreds of thousands of failures that share a handful of
 * (code, status, operation) combinations.
 */

import type { FailureExplanation, LogRow } from '../../shared/api/log-types.js';
import type { EntraErrorInfo } from '../../shared/domain/entra-errors.js';
import { entraMessage, errorInfo } from '../api/explain.js';

/** The code Entra logs when our answer gave it nothing more specific (electron/api/explain.ts does the same). */
const FALLBACK_CODE = 'SystemForCrossDomainIdentityManagementServiceIncompatible';
const cache = new Map<string, EntraErrorInfo>();

/** The error-table entry for a failed row; a bounded cache keyed by what decides it. */
export function failureInfo(row: Pick<LogRow, 'errorCode' | 'status' | 'operation'>): EntraErrorInfo {
  const code = row.errorCode ?? FALLBACK_CODE;
  const key = `${code}|${row.status}|${row.operation}`;
  let info = cache.get(key);
  if (info === undefined) {
    info = errorInfo(code, row.status, row.operation);
    if (cache.size >= 1_000) cache.clear();
    cache.set(key, info);
  }
  return info;
}

/** Same result as electron/api/explain.ts `explainFailure`; null for anything Entra records as a success. */
export function explainExported(row: Pick<LogRow, 'status' | 'operation' | 'outcome' | 'errorCode' | 'ts'> & { readonly responseBody: string | null }): FailureExplanation | null {
  if (row.outcome !== 'Failure') return null;
  const info = failureInfo(row);
  const message = row.status >= 400 || row.status < 200 ? entraMessage(row.status, row.responseBody, row.ts) : `${info.code}: ${info.meaning}`;
  return { errorCode: info.code, meaning: info.meaning, recommendedAction: info.recommendedAction, retry: info.retry, entraMessage: message };
}
