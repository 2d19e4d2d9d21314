/**
 * The `settings.*` methods, delegating to the settings store the monitor was started with.
 */

import type { Settings } from '../../shared/api/admin-types.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

export function settingsHandlers(deps: ApiDeps): NamespaceHandlers<'settings'> {
  return {
    'settings.get': () => deps.settings.get(),
    'settings.update': (patch) => {
      // An IPC caller can pass explicit `undefined`s, which must not erase stored values.
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<Settings>;
      return deps.settings.update(defined);
    },
  };
}
