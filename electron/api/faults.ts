/**
 * faults.get / set / clear (issue 8): the Settings screen's fault rules, applied by the listener to the very next
 * request (electron/faults/live-rules.ts). Validation is parseFaultRules', so an invalid rule is refused with the
 * rule and field named — the same words `serve --faults FILE` prints — and the rules in force stay as they were.
 */

import { ApiFailure } from '../../shared/api/result.js';
import type { LiveFaultRules } from '../faults/live-rules.js';
import { FaultRuleError } from '../faults/rules.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

export function faultHandlers(deps: ApiDeps): NamespaceHandlers<'faults'> {
  const live = (): LiveFaultRules => {
    if (deps.faults === undefined) throw new ApiFailure('unavailable', 'Fault injection is not available in this monitor.');
    return deps.faults;
  };
  return {
    'faults.get': () => live().state(),
    'faults.set': ({ rules }) => {
      try {
        return live().set(rules);
      } catch (error) {
        if (error instanceof FaultRuleError) throw new ApiFailure('invalid-argument', error.message);
        throw error;
      }
    },
    'faults.clear': () => live().clear(),
  };
}
