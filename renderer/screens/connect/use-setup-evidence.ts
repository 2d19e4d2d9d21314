/**
 * What the setup checklist needs to know, read from observed traffic: the latest Test Connection probe answered
 * 2xx, the latest 401 (with its SCIM detail), the latest 404 outside the SCIM paths, schema discovery, cycles,
 * and the expected scope. Refreshed (throttled) as requests arrive. Only Entra's own traffic counts, not the
 * monitor's simulator or Replay (setup-queries.ts).
 */

import type { LogRow } from '../../../shared/api/log-types.js';
import type { CycleSummary, ScopeReport } from '../../../shared/api/provisioning-types.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { scimDetail } from './auth-help.js';
import { SETUP_CYCLES, SETUP_QUERIES } from './setup-queries.js';

export interface SetupEvidence {
  readonly loaded: boolean;
  readonly okProbe: LogRow | null;
  readonly okAny: LogRow | null;
  readonly last401: LogRow | null;
  /** The SCIM `detail` of the latest 401, e.g. "The Secret Token … was revoked …". */
  readonly last401Detail: string | null;
  readonly last404: LogRow | null;
  readonly discovery: LogRow | null;
  readonly cycles: readonly CycleSummary[];
  readonly scope: ScopeReport | undefined;
  refetchScope(): Promise<void>;
}

const first = (page: { rows: readonly LogRow[] } | undefined): LogRow | null => page?.rows[0] ?? null;

export function useSetupEvidence(): SetupEvidence {
  const okProbe = useApi('logs.list', SETUP_QUERIES.okProbe);
  const okAny = useApi('logs.list', SETUP_QUERIES.okAny);
  const auth = useApi('logs.list', SETUP_QUERIES.auth);
  const notFound = useApi('logs.list', SETUP_QUERIES.notFound);
  const discovery = useApi('logs.list', SETUP_QUERIES.discovery);
  const cycles = useApi('cycles.list', SETUP_CYCLES);
  const scope = useApi('scope.get', undefined);
  const last401 = first(auth.data);
  const detail401 = useApi('logs.get', { id: last401?.id ?? 1 }, [last401?.id], { skip: last401 === null });

  useRefreshOn(['request-logged', 'cycle-changed'], () => {
    for (const q of [okProbe, okAny, auth, notFound, discovery, cycles, scope]) void q.refetch();
  }, 1_000);

  const last401Detail = detail401.data !== undefined && detail401.data.id === last401?.id ? scimDetail(detail401.data.responseBody) : null;

  return {
    loaded: [okProbe, okAny, auth, notFound, discovery, cycles, scope].every((q) => q.settled),
    okProbe: first(okProbe.data),
    okAny: first(okAny.data),
    last401,
    last401Detail,
    last404: first(notFound.data),
    discovery: first(discovery.data),
    cycles: cycles.data ?? [],
    scope: scope.data,
    refetchScope: scope.refetch,
  };
}
