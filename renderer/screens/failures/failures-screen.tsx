/**
 * Failures (screens.md Screen 4): failed requests grouped by cause, Sentry-style, each with the error code Entra
 * will likely record. `#/failures` is the grouped list, `#/failures/<signature>` one group; the filters ride in the
 * query of both, so "back to the list" and a shared link keep them.
 */

import type { ScreenProps } from '../../app/screens.js';
import { FailureDetail } from './failure-detail.js';
import { filtersFromQuery } from './failure-filters.js';
import { FailureList } from './failure-list.js';

export function FailuresScreen({ route }: ScreenProps) {
  const filters = filtersFromQuery(route.query);
  const signature = route.params[0];
  return signature === undefined ? <FailureList filters={filters} /> : <FailureDetail key={signature} signature={signature} filters={filters} />;
}
