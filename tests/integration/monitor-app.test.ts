import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMonitorApp, type MonitorApp } from '../../electron/monitor-app.js';
import { openSse } from '../support/admin.js';

/** The headless app as `serve` runs it: the MonitorApi over HTTP, live events over SSE, health judged as traffic flows. */
describe('the wired monitor app', () => {
  let app: MonitorApp;
  let dataDir: string;
  let api: (method: string, input?: unknown) => Promise<any>;
  let scim: (method: string, path: string, secret: string, body?: unknown) => Promise<Response>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pm-app-'));
    app = await startMonitorApp({ dataDir, host: '127.0.0.1', port: 0, adminPort: 0 });
    const admin = app.admin!;
    api = async (method, input) => {
      const response = await fetch(`${admin.url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return response.json();
    };
    scim = (method, path, secret, body) =>
      fetch(`${app.monitor.listener.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the admin API on its own loopback port, never the SCIM port', async () => {
    expect(app.admin!.port).not.toBe(app.monitor.listener.port);
    expect(new URL(app.admin!.openUrl).hostname).toBe('127.0.0.1');
    const status = await api('status.get');
    expect(status.ok).toBe(true);
    expect(status.value).toMatchObject({ scimUrl: app.monitor.listener.url, requestCount: 0, activeTokens: 0, health: 'Healthy' });
  });

  it('pushes each logged request, the cycle and health changes to an open UI', async () => {
    const created = await api('tokens.create', { label: 'Entra ID', days: 30 });
    expect(created.ok).toBe(true);
    const secret: string = created.value.secret;
    const events = await openSse(`${app.admin!.url}/api/events`, { authorization: `Bearer ${app.admin!.adminKey}` });
    try {
      expect(events.status).toBe(200);
      const response = await scim('POST', '/Users', secret, { userName: 'alice@contoso.com', active: true });
      expect(response.status).toBe(201);
      const logged = JSON.parse((await events.next('request-logged')).data);
      expect(logged.row).toMatchObject({ method: 'POST', operation: 'create', action: 'Create', outcome: 'Success', identity: 'alice@contoso.com' });
      const cycle = JSON.parse((await events.next('cycle-changed')).data);
      expect(cycle.cycle).toMatchObject({ id: logged.row.cycleId, kind: 'initial', inferred: true });

      // A revoked token makes every request a 401: the credential-quarantine path (entra-behavior.md §9).
      await api('tokens.revoke', { id: created.value.token.id });
      for (let i = 0; i < 3; i += 1) expect((await scim('GET', '/Users?filter=userName+eq+%22bob%22', secret)).status).toBe(401);
      // A UI reading health first must not swallow the event the others are waiting for.
      expect((await api('health.get')).value.state).toBe('QuarantineRisk');
      const health = JSON.parse((await events.next('health-changed')).data);
      expect(health.health).toMatchObject({ state: 'QuarantineRisk', reason: 'EncounteredQuarantineException' });
    } finally {
      events.close();
    }
    const page = await api('logs.list', { outcome: ['Failure'] });
    expect(page.value.rows).toHaveLength(3);
    expect(page.value.rows.every((row: any) => row.errorCode === 'Unauthorized')).toBe(true);
  });

  it('answers bad input as a result, not an exception', async () => {
    const result = await api('logs.list', { limit: 5000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
