/**
 * Errors cross the MonitorApi as results, never as exceptions (design/style.md §6.5): a thrown error loses its
 * class and fields on the way through IPC or HTTP.
 */

export type ApiErrorCode = 'invalid-argument' | 'not-found' | 'conflict' | 'unavailable' | 'unauthorized' | 'internal';

export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ApiErrorCode, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

/** An error a MonitorApi implementation throws to answer with a specific code. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
  }
}
