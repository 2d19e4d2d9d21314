/**
 * Proxy mode (issue 9): a monitor forwarding Entra's traffic to a second listener (the built-in target, on loopback,
 * with its own data directory and token). Entra's sequences pass through with the same answers as when sent
 * directly, the upstream holds the users, the monitor logs and classifies every exchange from the traffic itself,
 * neither token leaks to the other side, and upstream problems are answered 502/504 in plain words.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logHandlers } from '../../electron/api/logs.js';
import { statusHandlers } from '../../electron/api/status.js';
import { startMonitor, openStore } from '../../electron/monitor.js';
import { startMonitorApp } from '../../electron/monitor-app.js';
import { simulate } from '../../electron/simulate/simulator.js';
import type { PatchDialect } from '../../shared/domain/operation.js';
import { testApiDeps } from '../support/api.js';
import { startTestMonitor, type ScimReply, type TestMonitor } from '../support/monitor.js';
import { MESSAGE_ERROR, SCHEMA_ENTERPRISE_USER, SCIM_JSON, entraCreateBody, entraGroupBody, filterParam, patchOp } from './scim-helpers.js';

const FLAG = 'aadOptscim062020';
const PROBE_GUID = 'cf4d78e8-cc4f-4d5d-b8b9-183561c0104a';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

interface Step {
  readonly label: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly etag: string | null;
  readonly location: string | null;
  readonly text: string;
}

/** Entra's documented sequence in one PATCH dialect (entra-behavior.md §1.1, §2.1, §2.2, §3.1); every answer recorded. */
async function entraSequence(t: TestMonitor, dialect: PatchDialect): Promise<Step[]> {
  const steps: Step[] = [];
  const flag = dialect === 'default' ? '' : `?${FLAG}`;
  const send = async (label: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ScimReply> => {
    const reply = await t.scim(method, path, body, headers);
    const h = reply.headers;
    steps.push({ label, status: reply.status, contentType: h.get('content-type'), etag: h.get('etag'), location: h.get('location'), text: reply.text });
    return reply;
  };
  const d = dialect === 'default' ? 'd' : 'f';
  const ada = `ada.${d}@contoso.com`;
  const grace = `grace.${d}@contoso.com`;
  const group = `Engineers ${d}`;
  await send('probe', 'GET', `/Users?${filterParam(`userName eq "${PROBE_GUID}"`)}`);
  await send('match none', 'GET', `/Users?${filterParam(`userName eq "${ada}"`)}`);
  const created = await send('create', 'POST', `/Users${flag}`, entraCreateBody(ada, `0a21f0f2-8d2a-4f8e-bf98-7363c4aed4e${d === 'd' ? '1' : '2'}`));
  const adaId = created.body.id as string;
  await send('match one', 'GET', `/Users?${filterParam(`userName eq "${ada}"`)}`);
  const manager = await send('create manager', 'POST', '/Users', entraCreateBody(grace, `1b21f0f2-8d2a-4f8e-bf98-7363c4aed4e${d === 'd' ? '1' : '2'}`));
  const graceId = manager.body.id as string;
  await send('read', 'GET', `/Users/${adaId}`);
  await send('read not modified', 'GET', `/Users/${adaId}`, undefined, { 'if-none-match': 'W/"1"' });
  if (dialect === 'default') {
    await send(
      'update',
      'PATCH',
      `/Users/${adaId}`,
      patchOp(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: `updated.${ada}` },
        { op: 'Replace', path: 'name.givenName', value: 'Ada' },
        { op: 'Replace', path: `${SCHEMA_ENTERPRISE_USER}:department`, value: 'Finance' },
      ),
    );
    await send('manager', 'PATCH', `/Users/${adaId}`, patchOp({ op: 'Add', path: 'manager', value: [{ $ref: null, value: graceId }] }));
    await send('disable', 'PATCH', `/Users/${adaId}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
  } else {
    await send(
      'update',
      'PATCH',
      `/Users/${adaId}${flag}`,
      patchOp(
        { op: 'replace', path: 'emails[type eq "work"].value', value: `updated.${ada}` },
        { op: 'replace', value: { 'name.givenName': 'Ada', [`${SCHEMA_ENTERPRISE_USER}:department`]: 'Finance' } },
      ),
    );
    await send('manager', 'PATCH', `/Users/${adaId}${flag}`, patchOp({ op: 'add', path: `${SCHEMA_ENTERPRISE_USER}:manager`, value: graceId }));
    await send('disable', 'PATCH', `/Users/${adaId}${flag}`, patchOp({ op: 'replace', path: 'active', value: false }));
  }
  await send('group match', 'GET', `/Groups?excludedAttributes=members&${filterParam(`displayName eq "${group}"`)}`);
  const groupCreated = await send('group create', 'POST', '/Groups', entraGroupBody(group, `2c21f0f2-8d2a-4f8e-bf98-7363c4aed4e${d === 'd' ? '1' : '2'}`));
  const groupId = groupCreated.body.id as string;
  const members = [{ $ref: null, value: adaId }, { $ref: null, value: graceId }];
  await send('add members', 'PATCH', `/Groups/${groupId}${flag}`, patchOp({ op: dialect === 'default' ? 'Add' : 'add', path: 'members', value: members }));
  await send(
    'remove member',
    'PATCH',
    `/Groups/${groupId}${flag}`,
    dialect === 'default' ? patchOp({ op: 'Remove', path: 'members', value: [{ value: adaId }] }) : patchOp({ op: 'remove', path: `members[value eq "${adaId}"]` }),
  );
  await send('rename', 'PATCH', `/Groups/${groupId}${flag}`, patchOp({ op: dialect === 'default' ? 'Replace' : 'replace', path: 'displayName', value: `${group} renamed` }));
  await send('group read', 'GET', `/Groups/${groupId}?excludedAttributes=members`);
  await send('duplicate create', 'POST', '/Users', entraCreateBody(ada, '3d21f0f2-8d2a-4f8e-bf98-7363c4aed4e0'));
  await send('delete', 'DELETE', `/Users/${graceId}`);
  await send('read deleted', 'GET', `/Users/${graceId}`);
  await send('delete group', 'DELETE', `/Groups/${groupId}`);
  return steps;
}

/** Ids, timestamps and base URLs differ between two listeners; everything else must not. */
function normalize(steps: readonly Step[], bases: readonly string[]): Step[] {
  const ids = new Map<string, string>();
  const clean = (text: string | null): string | null => {
    if (text === null) return null;
    let out = text;
    for (const base of bases) out = out.split(base).join('<base>');
    return out.replace(ISO, '<ts>').replace(UUID, (id) => {
      const key = id.toLowerCase();
      if (!ids.has(key)) ids.set(key, `<id${ids.size + 1}>`);
      return ids.get(key)!;
    });
  };
  return steps.map((step) => ({ ...step, location: clean(step.location), text: clean(step.text) ?? '' }));
}

/** Every text of every row of every table, to look for a secret anywhere in a monitor's database. */
function everything(t: TestMonitor): string {
  const tables = t.monitor.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  return tables.map(({ name }) => JSON.stringify(t.monitor.db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all())).join('\n');
}

const rowsOf = (t: TestMonitor) => [...t.monitor.log.latest(100_000)].reverse();

/** A stand-in for a broken upstream app: never answers, answers too much, or answers off-spec. */
let slowArrivals = 0;
function fakeUpstream(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/slow/')) {
      slowArrivals += 1;
      return; // holds the request until the socket is cut
    }
    if (url.startsWith('/huge/')) {
      res.writeHead(200, { 'content-type': 'application/scim+json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 6; i += 1) res.write(chunk);
      res.end();
      return;
    }
    if (url.startsWith('/bad/Groups')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ totalResults: 1, Resources: [{ id: 'g1', displayName: 'Sales', members: [{ value: 'u1' }] }] }));
      return;
    }
    if (url.startsWith('/bad/Users') && req.method === 'POST') {
      res.writeHead(201, { location: '/bad/Users/u1', 'content-type': 'application/scim+json', 'x-internal': 'not relayed' });
      res.end(JSON.stringify({ id: 'u1', userName: 'bob@contoso.com', urn: 1 }));
      return;
    }
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('nope');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let upstream: TestMonitor;
let proxy: TestMonitor;
let direct: TestMonitor;
let fake: Server;
let fakeBase: string;
const extra: TestMonitor[] = [];

beforeAll(async () => {
  upstream = await startTestMonitor();
  direct = await startTestMonitor();
  proxy = await startTestMonitor({ upstream: { url: upstream.base, token: upstream.secret } });
  fake = await fakeUpstream();
  fakeBase = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of [proxy, upstream, direct, ...extra]) await t?.stop();
  fake?.closeAllConnections();
  await new Promise((resolve) => fake?.close(resolve));
});

describe.each<PatchDialect>(['default', 'aadOptscim062020'])('Entra sequence through the proxy, %s dialect', (dialect) => {
  let viaProxy: Step[];
  let viaDirect: Step[];
  let proxyRows: ReturnType<typeof rowsOf>;
  let directRows: ReturnType<typeof rowsOf>;

  beforeAll(async () => {
    const proxyBefore = proxy.monitor.log.count();
    const directBefore = direct.monitor.log.count();
    viaProxy = await entraSequence(proxy, dialect);
    viaDirect = await entraSequence(direct, dialect);
    proxyRows = rowsOf(proxy).slice(proxyBefore);
    directRows = rowsOf(direct).slice(directBefore);
  });

  it('answers exactly as the app does when Entra talks to it directly (modulo ids, timestamps, base URLs)', () => {
    expect(viaProxy.map((s) => [s.label, s.status])).toEqual(viaDirect.map((s) => [s.label, s.status]));
    expect(normalize(viaProxy, [proxy.base, upstream.base])).toEqual(normalize(viaDirect, [direct.base]));
    expect(viaProxy.find((s) => s.label === 'read not modified')?.status).toBe(304);
    expect(viaProxy.every((s) => s.status === 204 || s.status === 304 || s.contentType === SCIM_JSON)).toBe(true);
  });

  it('rewrites Location to the monitor, so Entra keeps talking to the monitor', () => {
    const created = viaProxy.find((s) => s.label === 'create')!;
    const id = JSON.parse(created.text).id as string;
    expect(created.location).toBe(`${proxy.base}/Users/${id}`);
    // The body is relayed unchanged: its meta.location is the upstream's own.
    expect(JSON.parse(created.text).meta.location).toBe(`${upstream.base}/Users/${id}`);
  });

  it('leaves the users in the upstream, not in the monitor', async () => {
    const d = dialect === 'default' ? 'd' : 'f';
    const match = await upstream.scim('GET', `/Users?${filterParam(`userName eq "ada.${d}@contoso.com"`)}`);
    expect(match.body.totalResults).toBe(1);
    expect(match.body.Resources[0]).toMatchObject({ active: false, name: { givenName: 'Ada' }, [SCHEMA_ENTERPRISE_USER]: { department: 'Finance' } });
    expect(proxy.monitor.db.prepare("SELECT count(*) AS n FROM users").get()).toEqual({ n: 0 });
  });

  it('logs and classifies every exchange as the built-in target does, from the traffic alone', () => {
    expect(proxyRows).toHaveLength(viaProxy.length);
    const classification = (row: (typeof proxyRows)[number]) => [row.method, row.status, row.entity, row.operation, row.action, row.outcome, row.error_code, row.dialect, row.member_count];
    expect(proxyRows.map(classification)).toEqual(directRows.map(classification));
    proxyRows.forEach((row, i) => {
      const twin = directRows[i]!;
      if (twin.identity !== null) expect(row.identity, `${viaProxy[i]!.label} identity`).toBe(twin.identity);
      if (twin.external_id !== null) expect(row.external_id, `${viaProxy[i]!.label} externalId`).toBe(twin.external_id);
      if (twin.resource_type !== null) expect(row.resource_type).toBe(twin.resource_type);
      // Member rows name the member's id, which differs between the two listeners.
      const attributes = (t: TestMonitor, id: number) => t.monitor.log.modified(id).map((m) => m.attribute.replace(UUID, '<id>'));
      if (row.method === 'PATCH' || row.method === 'POST') expect(attributes(proxy, row.id), `${viaProxy[i]!.label} modified`).toEqual(attributes(direct, twin.id));
    });
  });

  it('takes modified properties from the PATCH operations (new values; old values unknown)', () => {
    const d = dialect === 'default' ? 'd' : 'f';
    const update = proxyRows.find((row) => row.method === 'PATCH' && row.operation === 'update' && row.entity === 'User')!;
    expect(update.identity).toBe(`ada.${d}@contoso.com`);
    expect(proxy.monitor.log.modified(update.id)).toEqual([
      { attribute: 'emails[type eq "work"].value', oldValue: null, newValue: `updated.ada.${d}@contoso.com` },
      { attribute: 'name.givenName', oldValue: null, newValue: 'Ada' },
      { attribute: `${SCHEMA_ENTERPRISE_USER}:department`, oldValue: null, newValue: 'Finance' },
    ]);
    const manager = proxyRows.find((row) => row.method === 'PATCH' && proxy.monitor.log.modified(row.id).some((m) => m.attribute.endsWith(':manager')))!;
    const graceId = proxyRows.find((row) => row.operation === 'create' && row.identity === `grace.${d}@contoso.com`)!.resource_id;
    expect(proxy.monitor.log.modified(manager.id)).toEqual([{ attribute: `${SCHEMA_ENTERPRISE_USER}:manager`, oldValue: null, newValue: graceId }]);
    const removed = proxyRows.find((row) => row.operation === 'remove-members')!;
    expect(removed.identity).toBe(`Engineers ${d}`);
    expect(proxy.monitor.log.modified(removed.id)).toEqual([{ attribute: expect.stringMatching(/^members\[value eq "/), oldValue: expect.any(String), newValue: null }]);
    const renamed = proxyRows.find((row) => row.entity === 'Group' && row.operation === 'update')!;
    expect(renamed.identity).toBe(`Engineers ${d} renamed`);
    const deletedGroup = proxyRows.find((row) => row.entity === 'Group' && row.operation === 'delete')!;
    expect(deletedGroup.identity).toBe(`Engineers ${d} renamed`);
  });

  it('finds nothing to hint about in a conformant app\'s answers, in either mode', async () => {
    for (const [t, rows] of [[proxy, proxyRows], [direct, directRows]] as const) {
      const get = logHandlers(testApiDeps(t))['logs.get'];
      for (const row of rows) expect((await get({ id: row.id })).hints, `${row.method} ${row.path}`).toEqual([]);
    }
  });
});

describe('tokens', () => {
  it('never forwards Entra\'s token: the upstream saw only its own, on every request', async () => {
    const [own] = upstream.monitor.tokens.list();
    const rows = rowsOf(upstream);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.token_id).toBe(own!.id);
      expect(JSON.parse(row.req_headers).authorization).toBe(`Bearer ••••${upstream.secret.slice(-4)}`);
    }
    expect(everything(upstream)).not.toContain(proxy.secret);
  });

  it('never writes the upstream token into the monitor\'s database', () => {
    expect(proxy.monitor.log.count()).toBeGreaterThan(0);
    const all = everything(proxy);
    expect(all).not.toContain(upstream.secret);
    expect(all).not.toContain(proxy.secret);
  });

  it('answers a bad Entra token itself, without forwarding it', async () => {
    const before = upstream.monitor.log.count();
    const reply = await proxy.scim('GET', '/Users?filter=userName+eq+%22x%22', undefined, { authorization: 'Bearer wrong-token-WXYZ' });
    expect(reply.status).toBe(401);
    expect(reply.body.schemas).toEqual([MESSAGE_ERROR]);
    expect(upstream.monitor.log.count()).toBe(before);
    expect(proxy.monitor.log.latest(1)[0]).toMatchObject({ status: 401, operation: 'match', identity: 'x', error_code: 'Unauthorized' });
  });

  it('forwards no Authorization at all when no upstream token is configured (the upstream answers 401)', async () => {
    const open = await startTestMonitor({ upstream: { url: upstream.base } });
    extra.push(open);
    const reply = await open.scim('GET', `/Users?${filterParam(`userName eq "${PROBE_GUID}"`)}`);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="Provisioning Monitor"');
    expect(JSON.parse(upstream.monitor.log.latest(1)[0]!.req_headers)).not.toHaveProperty('authorization');
  });
});

describe('request bytes', () => {
  it('forwards the body bytes, the query and the headers that matter unchanged', async () => {
    const body = '{ "schemas" : ["urn:ietf:params:scim:schemas:core:2.0:User"],\n  "userName":"bytes@contoso.com" }';
    const reply = await proxy.scim('POST', `/Users?${FLAG}&x=%2F`, body, { adscimversion: '2.0', 'user-agent': 'Entra-like' });
    expect(reply.status).toBe(201);
    const [seen] = upstream.monitor.log.latest(1);
    expect(seen!.req_body).toBe(body);
    expect(seen!.query).toBe(`${FLAG}&x=%2F`);
    expect(JSON.parse(seen!.req_headers)).toMatchObject({ adscimversion: '2.0', 'user-agent': 'Entra-like', 'content-type': 'application/scim+json' });
  });
});

describe('simulated provisioning through the proxy', () => {
  it.each<PatchDialect>(['default', 'aadOptscim062020'])('runs three %s-dialect cycles without a failure, every request logged once', async (dialect) => {
    const before = proxy.monitor.log.count();
    const upstreamBefore = upstream.monitor.log.count();
    const target = dialect === 'default' ? proxy.base : `${proxy.base}?${FLAG}`;
    const result = await simulate({ target, token: proxy.secret, users: 6, groups: 2, cycles: 3, seed: `proxy-${dialect}` });
    expect(result.failed, result.summary.join('\n')).toBe(0);
    const logged = proxy.monitor.log.count() - before;
    expect(logged).toBeGreaterThan(20);
    expect(upstream.monitor.log.count() - upstreamBefore).toBe(logged);
    for (const user of result.directory.users) {
      const reply = await upstream.scim('GET', `/Users?${filterParam(`userName eq "${String(user.attributes.userName)}"`)}`);
      expect(reply.body.totalResults).toBe(user.deleted ? 0 : 1);
    }
    const rows = rowsOf(proxy).slice(before);
    expect(rows.filter((r) => r.operation !== 'match' && r.operation !== 'test-connection' && r.operation !== 'list' && r.entity !== 'Config').every((r) => r.identity !== null)).toBe(true);
  });
});

describe('upstream problems', () => {
  const proxyTo = async (url: string, timeoutMs?: number): Promise<TestMonitor> => {
    const t = await startTestMonitor({ upstream: { url, token: 'upstream-secret-1234', ...(timeoutMs === undefined ? {} : { timeoutMs }) } });
    extra.push(t);
    return t;
  };

  it('answers 502 with a SCIM error naming the upstream when nothing listens there', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const url = `http://127.0.0.1:${port}/scim/v2`;
    const t = await proxyTo(url);
    const reply = await t.scim('GET', `/Users?${filterParam(`userName eq "${PROBE_GUID}"`)}`);
    expect(reply.status).toBe(502);
    expect(reply.headers.get('content-type')).toBe(SCIM_JSON);
    expect(reply.body).toMatchObject({ schemas: [MESSAGE_ERROR], status: '502' });
    expect(reply.body.detail).toContain(url);
    expect(reply.body.detail).toMatch(/unreachable.*refused/);
    const [row] = t.monitor.log.latest(1);
    expect(row).toMatchObject({ status: 502, outcome: 'Failure', error_code: 'WebExceptionProtocolError', operation: 'test-connection' });
    const detail = await logHandlers(testApiDeps(t))['logs.get']({ id: row!.id });
    expect(detail.explanation?.errorCode).toBe('WebExceptionProtocolError');
    expect(everything(t)).not.toContain('upstream-secret-1234');
  });

  it('answers 504 after the configured timeout when the upstream never answers', async () => {
    const t = await proxyTo(`${fakeBase}/slow`, 300);
    const started = Date.now();
    const reply = await t.scim('GET', '/Users/123');
    const elapsed = Date.now() - started;
    expect(reply.status).toBe(504);
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(5_000);
    expect(reply.body).toMatchObject({ schemas: [MESSAGE_ERROR], status: '504' });
    expect(reply.body.detail).toContain(`${fakeBase}/slow`);
    expect(reply.body.detail).toContain('300 ms');
    expect(t.monitor.log.latest(1)[0]).toMatchObject({ status: 504, outcome: 'Failure', error_code: 'Timeout', operation: 'read', resource_id: '123' });
  });

  it('logs a forward still waiting when the monitor stops, as a 502', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-proxy-stop-'));
    try {
      const monitor = await startMonitor({ dataDir, host: '127.0.0.1', port: 0, upstream: { url: `${fakeBase}/slow`, timeoutMs: 60_000 } });
      const { secret } = monitor.tokens.create({ label: 'test', days: 1 });
      const arrived = slowArrivals;
      const request = fetch(`${monitor.listener.url}/Users/u7`, { headers: { authorization: `Bearer ${secret}` } }).catch(() => undefined);
      while (slowArrivals === arrived) await new Promise((resolve) => setTimeout(resolve, 10));
      await monitor.close();
      await request;
      const store = openStore(dataDir);
      try {
        expect(store.log.latest(1)[0]).toMatchObject({ status: 502, error_code: 'WebExceptionProtocolError', resource_id: 'u7', res_body: expect.stringContaining('the monitor stopped') });
      } finally {
        store.db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers 502 rather than buffer an upstream response beyond 5 MiB', async () => {
    const t = await proxyTo(`${fakeBase}/huge`);
    const reply = await t.scim('GET', '/Users');
    expect(reply.status).toBe(502);
    expect(reply.body.detail).toContain('upstream response too large');
    expect(t.monitor.log.latest(1)[0]).toMatchObject({ status: 502, error_code: 'WebExceptionProtocolError' });
  });

  it('relays an off-spec answer unchanged and flags it in the conformance hints', async () => {
    const t = await proxyTo(`${fakeBase}/bad`);
    const get = logHandlers(testApiDeps(t))['logs.get'];
    const hintsOf = async () => (await get({ id: t.monitor.log.latest(1)[0]!.id })).hints;

    const groups = await t.scim('GET', `/Groups?excludedAttributes=members&${filterParam('displayName eq "Sales"')}`);
    expect(groups.status).toBe(200);
    expect(groups.headers.get('content-type')).toBe('application/json');
    expect(groups.body.Resources[0].members).toEqual([{ value: 'u1' }]);
    expect((await hintsOf()).map((h) => h.id)).toEqual(['members-despite-excluded', 'content-type']);

    const created = await t.scim('POST', '/Users', { userName: 'bob@contoso.com' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${t.base}/Users/u1`);
    expect(created.headers.get('x-internal')).toBeNull();
    expect(t.monitor.log.latest(1)[0]).toMatchObject({ identity: 'bob@contoso.com', resource_id: 'u1', action: 'Create', outcome: 'Success' });

    const disabled = await t.scim('PATCH', '/Users/u1', patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(disabled.status).toBe(400);
    expect(disabled.text).toBe('nope');
    expect(t.monitor.log.latest(1)[0]).toMatchObject({ identity: 'bob@contoso.com', operation: 'disable', outcome: 'Failure' });
    expect((await hintsOf()).map((h) => h.id)).toEqual(['boolean-string-rejected', 'error-schema-missing', 'content-type']);
  });
});

describe('status.get', () => {
  it('shows the upstream URL, never its token; null for the built-in target', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-proxy-app-'));
    const app = await startMonitorApp({ dataDir, host: '127.0.0.1', port: 0, adminPort: null, upstream: { url: `${upstream.base}/`, token: 'upstream-secret-5678' } });
    try {
      const status = await app.api['status.get'](undefined);
      expect(status.upstream).toEqual({ url: upstream.base });
      expect(JSON.stringify(status)).not.toContain('upstream-secret-5678');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(direct.monitor.upstream).toBeNull();
    expect((await statusHandlers(testApiDeps(direct))['status.get'](undefined)).upstream).toBeNull();
  });
});
