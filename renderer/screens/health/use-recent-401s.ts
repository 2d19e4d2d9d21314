/**
 * The latest 401 answers (`logs.list` with outcome Failure and error code Unauthorized) and, for each, the SCIM
 * `detail` the listener wrote: which token problem it was (none sent, unknown, revoked, expired), read with
 * `logs.get`. Few rows by design; refreshed (throttled) as requests arrive.
 */

import { useEffect, useState } from 'react';
import type { LogRow } from '../../../shared/api/log-types.js';
import { getBackend } from '../../api/client.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { scimDetail } from '../connect/auth-help.js';

const SHOWN = 8;

export interface Recent401s {
  readonly rows: readonly LogRow[];
  /** Request id → the SCIM error detail, once read. */
  readonly details: ReadonlyMap<number, string | null>;
  readonly settled: boolean;
}

export function useRecent401s(): Recent401s {
  const list = useApi('logs.list', { outcome: ['Failure'], errorCode: 'Unauthorized', limit: SHOWN });
  useRefreshOn(['request-logged'], list.refetch, 3_000);
  const rows = list.data?.rows ?? [];
  const [details, setDetails] = useState<ReadonlyMap<number, string | null>>(new Map());
  const key = rows.map((r) => r.id).join(',');

  useEffect(() => {
    const missing = key === '' ? [] : key.split(',').map(Number).filter((id) => !details.has(id));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map((id) => getBackend().call('logs.get', { id }))).then((results) => {
      if (!live) return;
      setDetails((current) => {
        const next = new Map(current);
        results.forEach((result, i) => next.set(missing[i] as number, result.ok ? scimDetail(result.value.responseBody) : null));
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [key, details]);

  return { rows, details, settled: list.settled };
}
