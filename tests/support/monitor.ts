/**
 * Starts a real monitor (SQLite in a temp folder, SCIM listener on 127.0.0.1 port 0) and gives a small client.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor, type Monitor, type MonitorConfig } from '../../electron/monitor.js';

export interface ScimReply {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, or undefined for an empty body. */
  readonly body: any;
  readonly text: string;
}

export interface TestMonitor {
  readonly monitor: Monitor;
  readonly dataDir: string;
  /** `http://127.0.0.1:PORT/scim/v2` */
  readonly base: string;
  readonly secret: string;
  /** Sends a request to `base + path` with the bearer token (override with `headers.authorization`). */
  scim(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ScimReply>;
  stop(): Promise<void>;
}

export async function startTestMonitor(options: Partial<Pick<MonitorConfig, 'maxBodyBytes' | 'faults' | 'now' | 'upstream'>> = {}): Promise<TestMonitor> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-test-'));
  const monitor = await startMonitor({ dataDir, host: '127.0.0.1', port: 0, ...options });
  const { secret } = monitor.tokens.create({ label: 'test', days: 1 });
  const base = monitor.listener.url;
  return {
    monitor,
    dataDir,
    base,
    secret,
    async scim(method, path, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json', ...headers },
      };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const response = await fetch(base + path, init);
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
    async stop() {
      await monitor.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
