/**
 * Starts a real headless monitor for one browser test, the way `provisioning-monitor serve` does
 * (electron/monitor-app.ts): SQLite in a temp folder, the SCIM listener and the admin server (HTTP + SSE) on
 * 127.0.0.1 port 0, live events from the listener, serving the built UI from dist/renderer. It builds nothing.
 */

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminServer } from '../../../electron/admin/server.js';
import { RENDERER_DIR, startMonitorApp, type MonitorApp } from '../../../electron/monitor-app.js';
import type { Monitor } from '../../../electron/monitor.js';

export interface ServedMonitor {
  readonly app: MonitorApp;
  readonly monitor: Monitor;
  /** `http://127.0.0.1:PORT/scim/v2` */
  readonly scimUrl: string;
  readonly admin: AdminServer;
  /** A fresh single-use link that opens the UI signed in. */
  openUrl(): string;
  close(): Promise<void>;
}

/** @param options.now the monitor's clock (log timestamps, cycles, health); tests move it to replay cycles without waiting. */
export async function startServedMonitor(options: { readonly now?: () => number } = {}): Promise<ServedMonitor> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`No built UI in ${RENDERER_DIR}: run \`npm run build:ui\` before the browser tests.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-e2e-'));
  const app = await startMonitorApp({ dataDir, host: '127.0.0.1', port: 0, adminPort: 0, staticDir: RENDERER_DIR, ...(options.now === undefined ? {} : { now: options.now }) });
  const admin = app.admin;
  if (admin === null) throw new Error('startMonitorApp started no admin server.');
  return {
    app,
    monitor: app.monitor,
    scimUrl: app.monitor.listener.url,
    admin,
    openUrl: () => admin.issueOpenUrl(),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
