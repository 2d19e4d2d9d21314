/**
 * The tray (menu-bar) item: the listener's address, provisioning health and the tunnel at a glance, kept current
 * from the event hub; menu: Show window, Copy Tenant URL, Quit.
 */

import { clipboard, Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Status, TunnelInfo } from '../../shared/api/admin-types.js';
import type { MonitorApiHandlers } from '../../shared/api/contract.js';
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

export function trayTooltip(state: TrayState): string {
  return [PRODUCT_NAME, listenerLine(state), healthLine(state), tunnelLine(state.tunnel)].join('\n');
}

export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const { tenantUrl } = state;
  return [
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
});

export interface AppTray {
  /** Reads the status again and redraws; concurrent calls coalesce into one more read. */
  refresh(): Promise<void>;
  destroy(): void;
}

/** Creates the tray item and keeps it current: on health and tunnel events (never per logged request). */
export function createAppTray(options: {
  readonly icon: string;
  readonly handlers: MonitorApiHandlers;
  readonly events: EventHub;
  readonly actions: TrayActions;
  readonly warning: () => string | null;
}): AppTray {
  const tray = new Tray(options.icon);
  let state: TrayState = { scimUrl: null, health: null, tenantUrl: null, tunnel: null, warning: options.warning() };
  const draw = (): void => {
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, options.actions)));
  };
  draw();
  // Windows and most Linux trays: a click brings the window back; the menu is on right-click (and on macOS).
  tray.on('click', () => options.actions.showWindow());

  let running: Promise<void> | undefined;
  let again = false;
  const read = async (): Promise<void> => {
    const result = await callApi(options.handlers, 'status.get', undefined);
    if (result.ok) state = stateFromStatus(result.value as Status, options.warning());
    draw();
  };
  const refresh = async (): Promise<void> => {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await read();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const unsubscribe = options.events.subscribe((event) => {
    if (event.type === 'health-changed' || event.type === 'tunnel-changed') void refresh();
  });
  void refresh();
  return {
    refresh,
    destroy() {
      unsubscribe();
      tray.destroy();
    },
  };
}
