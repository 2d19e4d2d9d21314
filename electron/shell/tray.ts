/**
 * The tray (menu-bar) item: the listener's address, provisioning health and the tunnel at a glance, kept current
 * from the event hub; menu: Show window, Copy Tenant URL, Quit. While fault rules can fire it says so, as the
 * window's status strip does: the tray is what an admin sees with the window closed, and a forgotten 500 rule gets
 * a real Entra job quarantined (entra-behavior.md §9).
 */

import { clipboard, Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Status, TunnelInfo } from '../../shared/api/admin-types.js';
import type { MonitorApiHandlers } from '../../shared/api/contract.js';
import type { FaultsState, FaultsSummary } from '../../shared/api/fault-types.js';
import type { HealthState } from '../../shared/api/provisioning-types.js';
import { callApi } from '../api/call.js';
import type { EventHub } from '../api/events.js';
import { PRODUCT_NAME } from '../data-dir.js';

export interface TrayState {
  /** The listener's local SCIM URL; null until the first status arrives. */
  readonly scimUrl: string | null;
  readonly health: HealthState | null;
  readonly tenantUrl: string | null;
  readonly tunnel: TunnelInfo | null;
  /** A warning to show in the menu (secrets stored unencrypted). */
  readonly warning: string | null;
  /** Fault injection; null when this monitor has none (or before the first status). */
  readonly faults: FaultsSummary | null;
}

export interface TrayActions {
  showWindow(): void;
  quit(): void;
}

export const HEALTH_LABELS: Readonly<Record<HealthState, string>> = {
  Healthy: 'Healthy',
  Degraded: 'Degraded',
  QuarantineRisk: 'Quarantine risk',
  LikelyQuarantined: 'Likely quarantined',
};

const listenerLine = (state: TrayState): string => (state.scimUrl === null ? 'Listener: starting…' : `Listening on ${state.scimUrl}`);
const healthLine = (state: TrayState): string => `Health: ${state.health === null ? 'unknown' : HEALTH_LABELS[state.health]}`;
const tunnelLine = (tunnel: TunnelInfo | null): string => (tunnel === null ? 'Tunnel: none' : `Tunnel (${tunnel.provider}): ${tunnel.state}`);
/** The status strip's words (renderer/app/status-strip.tsx), spelled out here: electron/ must not import its `plural`. */
const faultsLines = (faults: FaultsSummary | null): string[] =>
  faults === null || faults.active === 0 ? [] : [`⚠ Fault injection on: ${faults.active} ${faults.active === 1 ? 'rule' : 'rules'}`];

export function trayTooltip(state: TrayState): string {
  // Right after the name: Windows cuts tray tooltips at 127 characters, and this line must not be the part cut off.
  return [PRODUCT_NAME, ...faultsLines(state.faults), listenerLine(state), healthLine(state), tunnelLine(state.tunnel)].join('\n');
}

export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const { tenantUrl } = state;
  return [
    ...faultsLines(state.faults).map((label) => ({ label, enabled: false })),
    { label: listenerLine(state), enabled: false },
    { label: healthLine(state), enabled: false },
    { label: tunnelLine(state.tunnel), enabled: false },
    ...(state.warning === null ? [] : [{ label: `⚠ ${state.warning}`, enabled: false }]),
    { type: 'separator' },
    { label: 'Show window', click: () => actions.showWindow() },
    {
      label: tenantUrl === null ? 'Copy Tenant URL (no tunnel online)' : 'Copy Tenant URL',
      enabled: tenantUrl !== null,
      click: () => {
        if (tenantUrl !== null) clipboard.writeText(tenantUrl);
      },
    },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

export const stateFromStatus = (status: Status, warning: string | null): TrayState => ({
  scimUrl: status.scimUrl,
  health: status.health,
  tenantUrl: status.tenantUrl,
  tunnel: status.tunnel,
  warning,
  faults: status.faults ?? null,
});

const summaryOf = (faults: FaultsState): FaultsSummary => ({ active: faults.active, total: faults.rules.length, source: faults.source, file: faults.file });
const sameFaults = (a: FaultsSummary | null, b: FaultsSummary): boolean =>
  a !== null && a.active === b.active && a.total === b.total && a.source === b.source && a.file === b.file;

export interface AppTray {
  /** Reads the status again and redraws; concurrent calls coalesce into one more read. */
  refresh(): Promise<void>;
  destroy(): void;
}

/**
 * Creates the tray item and keeps it current: the status on health and tunnel events, the fault rules on
 * `faults-changed` and after a request a rule answered (a rule with a `count` stops firing without an event).
 * Never a status read per logged request: it counts the whole log.
 */
export function createAppTray(options: {
  readonly icon: string;
  readonly handlers: MonitorApiHandlers;
  readonly events: EventHub;
  readonly actions: TrayActions;
  readonly warning: () => string | null;
}): AppTray {
  const tray = new Tray(options.icon);
  let state: TrayState = { scimUrl: null, health: null, tenantUrl: null, tunnel: null, warning: options.warning(), faults: null };
  let destroyed = false;
  const draw = (): void => {
    // A read still running at quit must not touch the destroyed native item (Electron throws for that).
    if (destroyed) return;
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, options.actions)));
  };
  draw();
  // Windows and most Linux trays: a click brings the window back; the menu is on right-click (and on macOS).
  tray.on('click', () => options.actions.showWindow());

  const readStatus = async (): Promise<void> => {
    const result = await callApi(options.handlers, 'status.get', undefined);
    if (result.ok) state = stateFromStatus(result.value as Status, options.warning());
    draw();
  };
  // In memory, so cheap even when a rule answers every request; redrawn only when the line would change.
  const readFaults = async (): Promise<void> => {
    const result = await callApi(options.handlers, 'faults.get', undefined);
    if (!result.ok) return;
    const faults = summaryOf(result.value as FaultsState);
    if (sameFaults(state.faults, faults)) return;
    state = { ...state, faults };
    draw();
  };

  // One read at a time, so an older answer never lands after a newer one; triggers while one runs fold into one
  // more read, started after them (a status read also covers the fault rules).
  let running: Promise<void> | undefined;
  let pending: 'status' | 'faults' | null = null;
  const drain = async (): Promise<void> => {
    try {
      while (pending !== null) {
        const next = pending;
        pending = null;
        await (next === 'status' ? readStatus() : readFaults());
      }
    } finally {
      // In the same tick as the last check of `pending`: a trigger arriving later starts a new drain.
      running = undefined;
    }
  };
  const schedule = (what: 'status' | 'faults'): Promise<void> => {
    if (pending !== 'status') pending = what;
    running ??= drain();
    return running;
  };
  const refresh = (): Promise<void> => schedule('status');

  const unsubscribe = options.events.subscribe((event) => {
    if (event.type === 'health-changed' || event.type === 'tunnel-changed') void refresh();
    else if (event.type === 'faults-changed') void schedule('faults');
    else if (event.type === 'request-logged' && (state.faults?.active ?? 0) > 0 && event.row.fault !== null) void schedule('faults');
  });
  void refresh();
  return {
    refresh,
    destroy() {
      destroyed = true;
      unsubscribe();
      tray.destroy();
    },
  };
}
