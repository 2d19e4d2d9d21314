/**
 * Shows an ApiResult error in plain language, with a retry when the caller has one.
 */

import type { ApiError, ApiErrorCode } from '../../shared/api/result.js';

const HEADLINE: Readonly<Record<ApiErrorCode, string>> = {
  'invalid-argument': 'The monitor did not accept that',
  'not-found': 'Not found',
  conflict: 'That conflicts with the current state',
  unavailable: 'The monitor is not reachable',
  unauthorized: 'This tab is not signed in',
  internal: 'The monitor hit an error',
};

export function ErrorBanner({ error, onRetry, compact = false }: { error: ApiError; onRetry?: () => void; compact?: boolean }) {
  return (
    <div className={`banner banner-danger${compact ? ' banner-compact' : ''}`} role="alert">
      <div className="banner-text">
        <strong>{HEADLINE[error.code]}.</strong> {error.message}
      </div>
      {onRetry !== undefined && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
