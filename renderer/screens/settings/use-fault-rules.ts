/**
 * The fault rules and their counters (`faults.get`), kept fresh as requests arrive (counters move with every
 * matching request, so they are refetched, throttled, rather than pushed) and when any UI changes the rules.
 */

import type { FaultRuleSpec, FaultsState } from '../../../shared/api/fault-types.js';
import type { ApiResult } from '../../../shared/api/result.js';
import { getBackend } from '../../api/client.js';
import { useApi, type ApiState } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';

export interface FaultRules extends ApiState<FaultsState> {
  /** Replaces the whole rule set; the monitor applies it to the next request or refuses it, naming the field. */
  save(rules: readonly FaultRuleSpec[]): Promise<ApiResult<FaultsState>>;
  clear(): Promise<ApiResult<FaultsState>>;
}

export function useFaultRules(): FaultRules {
  const state = useApi('faults.get', undefined);
  useRefreshOn(['request-logged'], state.refetch, 2_000);
  useRefreshOn(['faults-changed'], state.refetch, 250);
  const after = async (result: ApiResult<FaultsState>): Promise<ApiResult<FaultsState>> => {
    if (result.ok) await state.refetch();
    return result;
  };
  return {
    ...state,
    save: async (rules) => after(await getBackend().call('faults.set', { rules: [...rules] })),
    clear: async () => after(await getBackend().call('faults.clear', undefined)),
  };
}
