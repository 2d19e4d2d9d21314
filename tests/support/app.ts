/**
 * The headless app as `serve` runs it (startMonitorApp with the admin server on port 0), with a MonitorApi caller
 * over HTTP (so zod validation and results are exercised as the UI sees them) and a SCIM caller with a real token.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitorApp, type AppConfig, type MonitorApp } from '../../electron/monitor-app.js';
import { openSse, type SseClient } from './admin.js';

export interface TestApp {
  readonly app: MonitorApp;
  readonly dataDir: string;
  /** `POST /api/<method>`: resolves to the ApiResult (`{ ok, value }` or `{ ok: false, error }`). */
  api(method: string, input?: unknown): Promise<any>;
  /** A SCIM request with the given secret (a token made with `tokens.create`). */
  scim(method: string, path: string, secret: string, body?: unknown): Promise<Response>;
  events(): Promise<SseClient>;
  /** Stops the app; the data directory stays unless `remove` is set. */
  close(options?: { remove?: boolean }): Promise<void>;
}

/** @param options.now the monitor's clock (log timestamps, cycles, health); tests move it to stage cycles without waiting. */
export async function startTestApp(options: { dataDir?: string } & Partial<Pick<AppConfig, 'faultsFile' | 'now'>> = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pm-app-'));
  const app = await startMonitorApp({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    adminPort: 0,
    ...(options.faultsFile ? { faultsFile: options.faultsFile } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const admin = app.admin!;
  const auth = { authorization: `Bearer ${admin.adminKey}` };
  return {
    app,
    dataDir,
    async api(method, input) {
      const response = await fetch(`${admin.url}/api/${method}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) });
      return response.json();
    },
    scim: (method, path, secret, body) =>
      fetch(`${app.monitor.listener.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    events: () => openSse(`${admin.url}/api/events`, auth),
    async close({ remove = false } = {}) {
      await app.close();
      if (remove) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
