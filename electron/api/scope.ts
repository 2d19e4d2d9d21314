/**
 * The `scope.*` methods: the users and groups the admin assigned in Entra, and how far each got
 * (design/screens.md Screen 6 "Expected users checklist").
 */

import { scopeEntriesFromCsv } from '../provisioning/scope-csv.js';
import { scopeStore } from '../provisioning/scope-report.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

export function scopeHandlers(deps: ApiDeps): NamespaceHandlers<'scope'> {
  const scope = scopeStore(deps.store.db);
  return {
    'scope.get': () => scope.report(),
    'scope.set': ({ entries }) => {
      scope.replace(entries, deps.now());
      return scope.report();
    },
    // An import adds to the list: an admin may export several pages of the blade, or add a group by hand first.
    'scope.importCsv': ({ csv }) => {
      scope.add(scopeEntriesFromCsv(csv), deps.now());
      return scope.report();
    },
  };
}
