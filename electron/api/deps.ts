/**
 * What the MonitorApi implementation needs from the running monitor. Each namespace module takes this and
 * returns its handlers; `createMonitorApi` (index.ts) puts them together.
 */

import type { TunnelInfo, Settings } from '../../shared/api/admin-types.js';
import type { MethodName, MonitorApiHandlers } from '../../shared/api/contract.js';
import type { Health } from '../../shared/api/provisioning-types.js';
import type { LiveFaultRules } from '../faults/live-rules.js';
import type { Store } from '../monitor.js';
import type { EventHub } from './events.js';

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export interface HealthSource {
  /** The health as of now (cheap: computed from cycle counters and a few indexed queries). */
  current(): Health;
}

export interface ApiDeps {
  readonly store: Store;
  readonly settings: SettingsStore;
  readonly health: HealthSource;
  /** The listener's local SCIM base URL. */
  readonly scimUrl: () => string;
  readonly tunnel: () => TunnelInfo | null;
  /** Proxy mode's upstream (URL only); absent or null for the built-in target. */
  readonly upstream?: () => { readonly url: string } | null;
  readonly dataDir: string;
  readonly version: string;
  readonly now: () => number;
  /** Where export jobs publish their progress (`export-progress`); without it they run silently. */
  readonly events?: EventHub;
  /** The listener's live fault rules (issue 8); without them `faults.*` answer `unavailable`. */
  readonly faults?: LiveFaultRules;
}

/** The handlers of the methods whose names start with `N.`. */
export type NamespaceHandlers<N extends string> = Pick<MonitorApiHandlers, Extract<MethodName, `${N}.${string}`>>;
