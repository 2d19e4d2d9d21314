/**
 * The `health.*` methods: quarantine-style health and its history (design/screens.md Screen 5).
 */

import { readHealthHistory } from '../provisioning/health.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

const DEFAULT_LIMIT = 50;

export function healthHandlers(deps: ApiDeps): NamespaceHandlers<'health'> {
  return {
    'health.get': () => deps.health.current(),
    'health.history': (input) => readHealthHistory(deps.store.db, input?.limit ?? DEFAULT_LIMIT),
  };
}
