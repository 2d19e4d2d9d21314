/**
 * Payloads about the monitor itself: status, tokens, directory browsing, settings, and live events.
 */

import type { EntraStatus, Operation } from '../domain/operation.js';
import type { ExportJob } from './export-types.js';
import type { FaultsState, FaultsSummary } from './fault-types.js';
import type { LogRow } from './log-types.js';
import type { CycleSummary, Health } from './provisioning-types.js';
import type { SimulationJob } from './simulate-types.js';

export interface TunnelInfo {
  readonly provider: string;
  readonly state: 'stopped' | 'connecting' | 'online' | 'reconnecting' | 'failed';
  readonly publicUrl: string | null;
  readonly message: string | null;
}

export interface Status {
  /** The listener's local SCIM base URL. */
  readonly scimUrl: string;
  /** What to paste into Entra's Tenant URL: the tunnel's public URL + /scim/v2, when a tunnel is online. */
  readonly tenantUrl: string | null;
  readonly tunnel: TunnelInfo | null;
  /**
   * Proxy mode: the upstream SCIM app Entra's requests are forwarded to (its URL only, never its token); null when
   * the listener is the built-in target. Optional so older producers of Status stay valid.
   */
  readonly upstream?: { readonly url: string } | null;
  readonly requestCount: number;
  readonly lastRequestAt: number | null;
  readonly health: Health['state'];
  /** When Entra's next cycle should start (as `CycleOverview.nextExpectedAt`): from Entra's cycles only. */
  readonly nextCycleExpectedAt: number | null;
  readonly activeTokens: number;
  readonly dataDir: string;
  readonly version: string;
  /**
   * Fault injection (issue 8): how many rules can still answer Entra with an error or a delay. Shown on every screen,
   * because a forgotten 500 rule gets a real Entra job quarantined (entra-behavior.md §9). Optional so older
   * producers of Status stay valid.
   */
  readonly faults?: FaultsSummary;
}

export interface TokenSummary {
  readonly id: string;
  readonly label: string;
  readonly created: string;
  readonly expires: string | null;
  readonly lastUsed: string | null;
  readonly revoked: string | null;
  readonly last4: string;
}

export interface CreatedTokenResult {
  readonly token: TokenSummary;
  /** Shown once; never returned again by any method. */
  readonly secret: string;
}

export interface LastOperation {
  readonly operation: Operation;
  readonly outcome: EntraStatus;
  readonly ts: number;
}

export interface DirectoryUser {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string | null;
  readonly active: boolean;
  readonly externalId: string | null;
  readonly groups: number;
  readonly lastModified: string;
}

export interface DirectoryGroup {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly members: number;
  readonly lastModified: string;
}

export interface DirectoryPage<T> {
  readonly total: number;
  readonly items: readonly T[];
}

export interface AttributeChange {
  readonly ts: number;
  readonly requestId: number;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/** Everything about one identity: the workbook's single-user view crossed with Provision on demand. */
export interface IdentityTimeline {
  readonly identity: string;
  readonly entity: 'User' | 'Group' | null;
  readonly resourceId: string | null;
  /** The resource as the listener would return it now; null when it does not exist (any more). */
  readonly current: Readonly<Record<string, unknown>> | null;
  /** Every exchange about the identity, newest first (bounded). */
  readonly events: readonly LogRow[];
  readonly attributeHistory: readonly { readonly attribute: string; readonly changes: readonly AttributeChange[] }[];
}

export interface Settings {
  /** Idle gap that ends an inferred cycle. */
  readonly cycleIdleGapMinutes: number;
  /** Log rows older than this are pruned; 0 keeps everything. */
  readonly retentionDays: number;
  /** The log is pruned (oldest first) to stay under this size; 0 means no limit. */
  readonly maxDatabaseMb: number;
}

/** Pushed to every open UI as things happen. */
export type MonitorEvent =
  | { readonly type: 'request-logged'; readonly row: LogRow }
  | { readonly type: 'cycle-changed'; readonly cycle: CycleSummary }
  | { readonly type: 'health-changed'; readonly health: Health }
  | { readonly type: 'tunnel-changed'; readonly tunnel: TunnelInfo }
  /** An export's progress, at most ~4 times a second, and once more when it ends (issue 7). */
  | { readonly type: 'export-progress'; readonly job: ExportJob }
  /** The fault rules were set or cleared (issue 8); counters move with every request and are not pushed. */
  | { readonly type: 'faults-changed'; readonly faults: FaultsState }
  /** A simulated run's progress, at most ~4 times a second, and once more when it ends (issue 8). */
  | { readonly type: 'simulate-progress'; readonly job: SimulationJob };

export type MonitorEventType = MonitorEvent['type'];

export const DEFAULT_SETTINGS: Settings = { cycleIdleGapMinutes: 5, retentionDays: 30, maxDatabaseMb: 2048 };
