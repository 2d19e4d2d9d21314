/**
 * `status.get`: the one line the UI's header and the tray show — where the listener is, what to paste into
 * Entra, how much traffic arrived, and when the next cycle should come.
 */

import type { Status } from '../../shared/api/admin-types.js';
import { SCIM_BASE_PATH } from '../../shared/scim/constants.js';
import { statusRepo } from '../db/status-repo.js';
import { CYCLE_INTERVAL_MS } from '../provisioning/cycle-tracker.js';
import type { ApiDeps, NamespaceHandlers } from './deps.js';

/** Entra's Tenant URL is the public base plus the SCIM path (entra-behavior.md §1); only for an online tunnel. */
function tenantUrl(publicUrl: string | null, online: boolean): string | null {
  if (!online || publicUrl === null) return null;
  return publicUrl.replace(/\/+$/, '') + SCIM_BASE_PATH;
}

export function statusHandlers(deps: ApiDeps): NamespaceHandlers<'status'> {
  const repo = statusRepo(deps.store.db);
  return {
    /**
     * The monitor at a glance.
     *
     * The next cycle is expected about 40 minutes after the last cycle in which Entra did real work started (Entra's
     * cadence, entra-behavior.md §5.2); Test Connection probes do not move it, and neither do the app's own
     * simulated cycles or replays, which Entra never scheduled.
     */
    'status.get': (): Status => {
      const tunnel = deps.tunnel();
      const lastEntraWork = repo.lastEntraCycleStart();
      const at = deps.now();
      const activeTokens = deps.store.tokens
        .list()
        .filter((token) => token.revoked === null && (token.expires === null || Date.parse(token.expires) > at)).length;
      return {
        scimUrl: deps.scimUrl(),
        tenantUrl: tenantUrl(tunnel?.publicUrl ?? null, tunnel?.state === 'online'),
        tunnel,
        upstream: deps.upstream?.() ?? null,
        requestCount: deps.store.log.count(),
        lastRequestAt: repo.lastRequestAt(),
        health: deps.health.current().state,
        nextCycleExpectedAt: lastEntraWork === null ? null : lastEntraWork + CYCLE_INTERVAL_MS,
        activeTokens,
        dataDir: deps.dataDir,
        version: deps.version,
        ...(deps.faults === undefined ? {} : { faults: deps.faults.summary() }),
      };
    },
  };
}
