/**
 * Bearer authentication over HTTP (entra-behavior.md §1, §4 row 401, §14 item 2) and the request log (§14 item 8):
 * every request has a committed row by the time its response arrives, and no secret reaches any column.
 */

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenService } from '../../electron/auth/tokens.js';
import { tokensRepo } from '../../electron/db/tokens-repo.js';
import type { LoggedRequest } from '../../electron/db/request-log-repo.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import { SCHEMA_USER, createUser, expectScimError, filterParam, patchOp } from './scim-helpers.js';

const CHALLENGE = 'Bearer realm="Provisioning Monitor"';
const DAY_MS = 86_400_000;

let t: TestMonitor;
/** Every secret this file ever sends; none may appear in the log. */
const secrets: string[] = [];

beforeAll(async () => {
  t = await startTestMonitor();
  secrets.push(t.secret);
});

afterAll(async () => {
  await t?.stop();
});

/** A request without the harness's default Authorization header. */
async function send(path: string, headers: Record<string, string> = {}, init: RequestInit = {}) {
  const response = await fetch(t.base + path, { ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text === '' ? undefined : JSON.parse(text) };
}

/** The newest log row, read right after the response arrived. */
function lastRow(): LoggedRequest {
  const [row] = t.monitor.log.latest(1);
  if (!row) throw new Error('the request log is empty');
  return row;
}

function expectLogged(row: LoggedRequest, expected: { method: string; path: string; query?: string; status: number }): void {
  expect({ method: row.method, path: row.path, query: row.query, status: row.status }).toEqual({ query: '', ...expected });
  expect(typeof row.duration_ms).toBe('number');
  expect(row.duration_ms).toBeGreaterThanOrEqual(0);
  expect(row.ts).toBeGreaterThan(Date.now() - 60_000);
}

describe('bearer authentication', () => {
  it('answers a missing Authorization header with 401, a Bearer challenge and a SCIM error', async () => {
    const reply = await send('/Users?filter=userName+eq+%22x%22');
    expectScimError(reply as any, 401);
    expect(reply.headers.get('www-authenticate')).toBe(CHALLENGE);
    expectLogged(lastRow(), { method: 'GET', path: '/scim/v2/Users', query: 'filter=userName+eq+%22x%22', status: 401 });
    expect(lastRow().token_id).toBeNull();
  });

  it('answers the Basic scheme with 401', async () => {
    const reply = await send('/Users', { authorization: `Basic ${Buffer.from(`user:${t.secret}`).toString('base64')}` });
    expectScimError(reply as any, 401);
    expect(reply.headers.get('www-authenticate')).toBe(`${CHALLENGE}, error="invalid_token"`);
    expect(JSON.parse(lastRow().req_headers).authorization).toBe('[redacted]');
  });

  it('answers a wrong token with 401 whose detail does not echo the token', async () => {
    const wrong = `pmscim_${'W'.repeat(43)}`;
    secrets.push(wrong);
    const reply = await send('/Users', { authorization: `Bearer ${wrong}` });
    expectScimError(reply as any, 401);
    expect(reply.text).not.toContain(wrong);
    expect(reply.headers.get('www-authenticate')).toBe(`${CHALLENGE}, error="invalid_token"`);
    expectLogged(lastRow(), { method: 'GET', path: '/scim/v2/Users', status: 401 });
  });

  it('accepts a second token until it is revoked, then says it was revoked', async () => {
    const { info, secret } = t.monitor.tokens.create({ label: 'Entra ID production', days: 30 });
    secrets.push(secret);
    const auth = { authorization: `Bearer ${secret}` };
    expect((await send('/Users?count=0', auth)).status).toBe(200);
    expect(lastRow().token_id).toBe(info.id);
    expect(t.monitor.tokens.revoke(info.id)).toBe(true);
    const reply = await send('/Users?count=0', auth);
    expectScimError(reply as any, 401);
    expect(reply.body.detail).toMatch(/revoked/);
    expect(reply.body.detail).not.toContain(secret);
    expect(lastRow().token_id).toBe(info.id);
  });

  it('answers an expired token with 401 that says it expired', async () => {
    // A token created "two days ago" with one day of validity, through the public service on the monitor's database.
    const past = tokenService(tokensRepo(t.monitor.db), () => new Date(Date.now() - 2 * DAY_MS));
    const { secret } = past.create({ label: 'short-lived', days: 1 });
    secrets.push(secret);
    const reply = await send('/Users', { authorization: `Bearer ${secret}` });
    expectScimError(reply as any, 401);
    expect(reply.body.detail).toMatch(/expired/);
    expect(reply.headers.get('www-authenticate')).toBe(`${CHALLENGE}, error="invalid_token"`);
  });

  it('re-creates a token: the old secret gets 401, the new one 200', async () => {
    const first = t.monitor.tokens.create({ label: 'Britive', days: 90 });
    secrets.push(first.secret);
    expect((await send('/Users?count=0', { authorization: `Bearer ${first.secret}` })).status).toBe(200);
    const second = t.monitor.tokens.recreate(first.info.id);
    secrets.push(second.secret);
    expect(second.secret).not.toBe(first.secret);
    expect([second.info.label, second.info.source]).toEqual(['Britive', 'app']);
    expectScimError((await send('/Users?count=0', { authorization: `Bearer ${first.secret}` })) as any, 401);
    expect((await send('/Users?count=0', { authorization: `Bearer ${second.secret}` })).status).toBe(200);
  });

  it('accepts the bearer scheme in any case', async () => {
    expect((await send('/Users?count=0', { authorization: `bearer ${t.secret}` })).status).toBe(200);
  });

  it('authenticates before routing: unknown paths and bad bodies without a token are 401, not 404 or 400', async () => {
    expectScimError((await send('/Nope')) as any, 401);
    expectScimError((await send('/Users', { 'content-type': 'application/scim+json' }, { method: 'POST', body: '{' })) as any, 401);
  });
});

describe('request log', () => {
  it('has a row for each request by the time its response arrives, with method, path, query and status', async () => {
    const before = t.monitor.log.count();
    const cases: [string, string, unknown, number][] = [
      ['GET', '/Users?startIndex=1&count=2', undefined, 200],
      ['POST', '/Users', { userName: 'logged.user' }, 201],
      ['GET', '/Users/does-not-exist', undefined, 404],
      ['GET', `/Users?${filterParam('userName eq')}`, undefined, 400],
      ['DELETE', '/Users', undefined, 405],
      ['POST', '/Users', '{oops', 400],
    ];
    for (const [method, path, body, status] of cases) {
      const reply = await t.scim(method, path, body);
      expect(reply.status).toBe(status);
      const [pathPart = '', query = ''] = path.split('?');
      const row = lastRow();
      expectLogged(row, { method, path: `/scim/v2${pathPart}`, query, status });
      expect(JSON.parse(row.req_headers).authorization).toBe(`Bearer ••••${t.secret.slice(-4)}`);
      expect(row.res_body).toBe(reply.text === '' ? null : reply.text);
    }
    expect(t.monitor.log.count()).toBe(before + cases.length);
  });

  it('logs a 413 and a request outside /scim/v2', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    expectScimError(await t.scim('POST', '/Users', big), 413);
    expect(lastRow()).toMatchObject({ method: 'POST', path: '/scim/v2/Users', status: 413, req_body: null, req_bytes: big.length });
    const outside = await fetch(`${t.base.replace(/\/scim\/v2$/, '')}/health?x=1`, { headers: { authorization: `Bearer ${t.secret}` } });
    expect(outside.status).toBe(404);
    await outside.text();
    expectLogged(lastRow(), { method: 'GET', path: '/health', query: 'x=1', status: 404 });
  });

  it('logs a request the client abandoned mid-body as 499', async () => {
    const before = t.monitor.log.count();
    const url = new URL(`${t.base}/Users`);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${t.secret}`, 'content-length': '1000' } });
    req.on('error', () => undefined);
    req.write('{"userName":', () => req.destroy());
    for (let i = 0; i < 250 && t.monitor.log.count() === before; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expectLogged(lastRow(), { method: 'POST', path: '/scim/v2/Users', status: 499 });
    expect((await t.scim('GET', '/Users?count=0')).status).toBe(200);
  });

  it('records the resource a request was about', async () => {
    const user = await createUser(t, { userName: 'resource.logged' });
    expect(lastRow()).toMatchObject({ resource_type: 'User', resource_id: user.id, status: 201 });
    await t.scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'x' }));
    expect(lastRow()).toMatchObject({ method: 'PATCH', resource_type: 'User', resource_id: user.id, status: 200 });
  });

  it('masks a password in the logged request body and never stores or returns it', async () => {
    const password = 'Sup3r-S3cret-P@ssw0rd!';
    const reply = await t.scim('POST', '/Users', { schemas: [SCHEMA_USER], userName: 'with.password', password });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.text).not.toContain(password);
    const row = lastRow();
    expect(JSON.parse(row.req_body ?? '{}').password).toBe('[redacted]');
    expect(JSON.stringify(row)).not.toContain(password);
    const patch = await t.scim('PATCH', `/Users/${reply.body.id}`, patchOp({ op: 'replace', path: 'password', value: password }));
    expect(patch.text).not.toContain(password);
    expect(JSON.stringify(lastRow())).not.toContain(password);
    expect((await t.scim('GET', `/Users/${reply.body.id}`)).text).not.toContain(password);
    const stored = t.monitor.db.prepare('SELECT resource FROM users WHERE id = ?').get(reply.body.id) as { resource: string };
    expect(stored.resource).not.toContain(password);
  });

  it('masks a password whose key or PATCH path is spelled with JSON escapes', async () => {
    const password = 'Escaped-P@ssw0rd-123';
    const reply = await t.scim('POST', '/Users', `{"userName":"escaped.password","pass\\u0077ord":"${password}"}`);
    expect(reply.status, reply.text).toBe(201);
    expect(lastRow().req_body).not.toContain(password);
    expect(JSON.parse(lastRow().req_body ?? '{}').password).toBe('[redacted]');
    await t.scim('PATCH', `/Users/${reply.body.id}`, `{"Operations":[{"op":"replace","path":"pa\\u0073sword","value":"${password}"}]}`);
    expect(lastRow().req_body).not.toContain(password);
  });

  it('logs a body without a password exactly as sent, escapes and whitespace included', async () => {
    const body = '{ "userName" : "as.sent",\n  "displayName": "Andr\\u00e9 \\"Dre\\"" }';
    expect((await t.scim('POST', '/Users', body)).status).toBe(201);
    expect(lastRow().req_body).toBe(body);
  });

  it('never stores any secret in any column of any row', () => {
    const rows = t.monitor.log.latest(1000);
    expect(rows.length).toBeGreaterThan(20);
    const dump = JSON.stringify(rows);
    expect(secrets.length).toBe(6);
    for (const secret of secrets) expect(dump).not.toContain(secret);
    const tokens = JSON.stringify(t.monitor.db.prepare('SELECT * FROM tokens').all());
    for (const secret of secrets) expect(tokens).not.toContain(secret);
  });
});
