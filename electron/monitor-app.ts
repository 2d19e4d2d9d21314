/**
 * The whole headless app around the monitor: settings, the MonitorApi, live events, health, retention and the
 * admin server that serves the UI. `serve` runs it; the desktop shell builds the same pieces and adds IPC.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MonitorApiHandlers } from '../shared/api/contract.js';
import { startAdminServer, type AdminServer } from './admin/server.js';
import { createEventHub, type EventHub } from './api/events.js';
import { createMonitorApi } from './api/index.js';
import { exportsRoot } from './export/files.js';
import { createLiveFaultRules, type LiveFaultRules } from './faults/live-rules.js';
import type { FaultRule } from './faults/rules.js';
import { createLiveEvents } from './api/live-events.js';
import { startMonitor, type Monitor, type MonitorConfig } from './monitor.js';
import { createHealthTracker, type HealthTracker } from './provisioning/health.js';
import { startRetention } from './provisioning/retention.js';
import { createFaultRulesStore } from './settings/fault-rules-store.js';
import { createSettingsStore } from './settings/store.js';
import { toTunnelInfo } from './tunnel/tunnel-info.js';

/** The package root: above dist/electron/ when built, above electron/ when run from source (tests). */
const root = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** The version in package.json, read once. */
export const APP_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

/** Where `npm run build:ui` puts the renderer; the admin server shows a placeholder page when it is missing. */
export const RENDERER_DIR = join(root, 'dist', 'renderer');

export interface AppConfig extends Omit<MonitorConfig, 'idleGapMs' | 'onLogged' | 'faults'> {
  /** Port of the admin UI/API on 127.0.0.1; 0 takes a free one. Null: no admin server (the desktop shell uses IPC). */
  readonly adminPort: number | null;
  readonly staticDir?: string;
  /**
   * `serve --faults FILE`: these rules replace the ones saved in Settings for this run only (edits in Settings then
   * apply to the run and are not saved). Without it, the saved rules are active from the start.
   */
  readonly faultsFile?: { readonly path: string; readonly rules: readonly FaultRule[] };
}

export interface MonitorApp {
  readonly monitor: Monitor;
  readonly api: MonitorApiHandlers;
  readonly events: EventHub;
  readonly health: HealthTracker;
  readonly admin: AdminServer | null;
  /** The listener's fault rules, editable in Settings (issue 8). */
  readonly faults: LiveFaultRules;
  close(): Promise<void>;
}

export async function startMonitorApp(config: AppConfig): Promise<MonitorApp> {
  const now = config.now ?? Date.now;
  const settings = createSettingsStore(config.dataDir);
  const events = createEventHub();
  // The live-event wiring needs the monitor's database, so it is attached right after the monitor starts.
  const wiring: { onLogged?: NonNullable<MonitorConfig['onLogged']> } = {};
  // One hook for the listener's whole life; Settings swaps the rules behind it, so edits apply to the next request.
  const faults = createLiveFaultRules({
    store: createFaultRulesStore(config.dataDir),
    ...(config.faultsFile === undefined ? {} : { file: config.faultsFile }),
    onChange: (state) => events.publish({ type: 'faults-changed', faults: state }),
  });
  const monitor = await startMonitor({
    ...config,
    faults: faults.injector,
    idleGapMs: () => settings.get().cycleIdleGapMinutes * 60_000,
    onLogged: (recorded) => wiring.onLogged?.(recorded),
  });
  const health = createHealthTracker({ db: monitor.db, now, settings, onChange: (current) => events.publish({ type: 'health-changed', health: current }) });
  const live = createLiveEvents({ db: monitor.db, cycles: monitor.cycles, health, hub: events, now, idleGapMinutes: () => settings.get().cycleIdleGapMinutes });
  wiring.onLogged = live.onLogged;
  const tunnelInfo = () => (monitor.tunnel ? toTunnelInfo(monitor.tunnel.provider, monitor.tunnel.status()) : null);
  const unsubscribeTunnel = monitor.tunnel?.subscribe((event) => {
    const tunnel = tunnelInfo();
    if (!tunnel) return;
    // A new public URL means Entra's Tenant URL is stale: the UI shows the manager's "update the Tenant URL" text.
    events.publish({ type: 'tunnel-changed', tunnel: event.type === 'tenant-url-changed' ? { ...tunnel, message: event.message } : tunnel });
  });
  const api = createMonitorApi({
    store: monitor,
    settings,
    health,
    scimUrl: () => monitor.listener.url,
    tunnel: tunnelInfo,
    upstream: () => monitor.upstream,
    dataDir: config.dataDir,
    version: APP_VERSION,
    now,
    events,
    faults,
  });
  const retention = startRetention({ db: monitor.db, settings, now });
  let admin: AdminServer | null = null;
  try {
    if (config.adminPort !== null) {
      const staticDir = config.staticDir ?? RENDERER_DIR;
      admin = await startAdminServer({
        handlers: api,
        events,
        port: config.adminPort,
        exportsDir: exportsRoot(config.dataDir),
        ...(existsSync(staticDir) ? { staticDir } : {}),
      });
    }
  } catch (error) {
    live.stop();
    retention.stop();
    await monitor.close();
    throw error;
  }
  return {
    monitor,
    api,
    events,
    health,
    admin,
    faults,
    async close() {
      // A simulated run is stopped first: its requests would otherwise meet a closed listener and end as "failed".
      const { job } = await api['simulate.get'](undefined);
      if (job?.state === 'running') await api['simulate.cancel']({ jobId: job.jobId });
      live.stop();
      retention.stop();
      unsubscribeTunnel?.();
      await admin?.close();
      await monitor.close();
    },
  };
}
