/**
 * Replay (issue 8) against a real listener: a logged request re-sent as it was or edited is a real request (it hits
 * the directory, authentication and the log), its row is linked to the original both ways, nobody outside the app
 * can forge that link, a rehearsed wrong token is a logged 401, and no secret reaches a result or the log.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call.js';
import { logHandlers } from '../../electron/api/logs.js';
import { REPLAY_TOKEN_LABEL, replayHandlers } from '../../electron/api/replay.js';
import type { MonitorApiHandlers } from '../../shared/api/contract.js';
import type { ReplayEdit } from '../../shared/api/replay-types.js';
import { testApiDeps } from '../support/api.js';
import { unavailableHandlers } from '../support/admin.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const user = (userName: string, extra: Record<string, unknown> = {}) => ({ schemas: [USER], userName, active: true, displayName: userName.split('@')[0], ...extra });

let t: TestMonitor;
let api: MonitorApiHandlers;
let internalSecret: string;

beforeAll(async () => {
  t = await startTestMonitor();
  const deps = testApiDeps(t);
  api = { ...unavailableHandlers(), ...logHandlers(deps), ...replayHandlers(deps) };
  // The same per-run secret the replay service uses (created on first use, then remembered).
  internalSecret = t.monitor.tokens.internal(REPLAY_TOKEN_LABEL);
});

afterAll(async () => {
  await t?.stop();
});

const newest = () => t.monitor.log.latest(1)[0]!;
const row = (id: number) => t.monitor.log.get(id)!;
const call = (method: string, input: unknown) => callApi(api, method, input);
const replay = async (id: number, edit?: ReplayEdit) => {
  const result = await call('replay.resend', edit === undefined ? { id } : { id, edit });
  if (!result.ok) throw new Error(`replay.resend failed: ${result.error.message}`);
  return result.value as { id: number | null; replayOf: number; status: number; auth: string; method: string; path: string; warnings: string[] };
};

describe('replay as it was', () => {
  it('re-sends a create, which the directory now refuses as a duplicate, and links the new row to the original', async () => {
    expect((await t.scim('POST', '/Users', user('alice@contoso.com'))).status).toBe(201);
    const original = newest().id;
    const result = await replay(original);
    expect(result).toMatchObject({ replayOf: original, status: 409, auth: 'replay-token', method: 'POST', path: '/scim/v2/Users' });
    expect(result.id).toBeGreaterThan(original);
    const logged = row(result.id!);
    expect(logged).toMatchObject({ replay_of: original, status: 409, scim_type: 'uniqueness', operation: 'create', identity: 'alice@contoso.com' });
    expect(logged.req_body).toBe(row(original).req_body);
    expect(JSON.parse(logged.req_headers)).toMatchObject({ 'x-provisioning-monitor-replay-of': String(original), authorization: `Bearer ••••${internalSecret.slice(-4)}` });
    // Both directions: the replay says what it replays, the original lists its replays.
    const detail = (await call('logs.get', { id: result.id })) as any;
    expect(detail.value.replayOf).toBe(original);
    const originalDetail = (await call('logs.get', { id: original })) as any;
    expect(originalDetail.value.replayOf).toBeNull();
    expect(originalDetail.value.replays).toEqual([{ id: result.id, ts: logged.ts, status: 409, outcome: 'Failure' }]);
  });

  it('re-sends a delete after the user was recreated: the old id is gone (Entra would record InvalidAnchor)', async () => {
    const first = (await t.scim('POST', '/Users', user('bob@contoso.com'))).body.id as string;
    expect((await t.scim('DELETE', `/Users/${first}`)).status).toBe(204);
    const deleted = newest().id;
    const second = (await t.scim('POST', '/Users', user('bob@contoso.com'))).body.id as string;
    const result = await replay(deleted);
    expect(result).toMatchObject({ status: 404, method: 'DELETE', path: `/scim/v2/Users/${first}` });
    expect(row(result.id!)).toMatchObject({ replay_of: deleted, operation: 'delete', status: 404 });
    expect((await t.scim('GET', `/Users/${second}`)).status).toBe(200);
  });

  it('follows a chain: a replay of a replay links to the replay it re-sent', async () => {
    expect((await t.scim('GET', '/Users?filter=userName+eq+%22alice%40contoso.com%22')).status).toBe(200);
    const first = await replay(newest().id);
    const second = await replay(first.id!);
    expect(row(second.id!).replay_of).toBe(first.id);
    expect(second.status).toBe(200);
  });
});

describe('edit & replay', () => {
  it('sends the edited method, path and body, and the directory really changes', async () => {
    const carol = (await t.scim('POST', '/Users', user('carol@contoso.com'))).body.id as string;
    const original = newest().id;
    const body = JSON.stringify({ schemas: [PATCH], Operations: [{ op: 'Replace', path: 'displayName', value: 'Carol Edited' }] });
    const result = await replay(original, { method: 'PATCH', path: `/scim/v2/Users/${carol}`, body });
    expect(result).toMatchObject({ status: 200, method: 'PATCH', path: `/scim/v2/Users/${carol}`, auth: 'replay-token' });
    expect(row(result.id!)).toMatchObject({ replay_of: original, method: 'PATCH', path: `/scim/v2/Users/${carol}`, operation: 'update', req_body: body });
    expect(t.monitor.log.modified(result.id!)).toEqual([{ attribute: 'displayName', oldValue: 'carol', newValue: 'Carol Edited' }]);
    expect((await t.scim('GET', `/Users/${carol}`)).body.displayName).toBe('Carol Edited');
  });

  it('links a replay whose edited path the listener refuses before it even checks the token', async () => {
    const result = await replay(newest().id, { method: 'GET', path: '/api/Users' });
    expect(result.status).toBe(404);
    expect(row(result.id!)).toMatchObject({ replay_of: newest().replay_of, path: '/api/Users', status: 404 });
  });

  it('with an admin-typed wrong token: a logged 401, still linked, the typed token masked', async () => {
    expect((await t.scim('GET', '/Users?count=1')).status).toBe(200);
    const original = newest().id;
    const wrong = 'Bearer not-the-secret-token-QRST';
    const result = await replay(original, { headers: [{ name: 'Authorization', value: wrong }, { name: 'Accept', value: 'application/scim+json' }] });
    expect(result).toMatchObject({ status: 401, auth: 'edited' });
    const logged = row(result.id!);
    expect(logged).toMatchObject({ replay_of: original, status: 401, token_id: null });
    const headers = JSON.parse(logged.req_headers);
    expect(headers.authorization).toBe('Bearer ••••QRST');
    expect(headers['x-provisioning-monitor-replay-key']).toBe('[redacted]');
  });

  it('with the Authorization line emptied: sent without a token (401, missing)', async () => {
    const original = newest().id;
    const result = await replay(original, { headers: [{ name: 'Authorization', value: '' }] });
    expect(result).toMatchObject({ status: 401, auth: 'none' });
    expect(JSON.parse(row(result.id!).req_headers).authorization).toBeUndefined();
    expect(JSON.parse(row(result.id!).res_body!).detail).toMatch(/No Authorization header/);
  });

  it('keeps the masked Authorization line or a missing one as "use the replay token"', async () => {
    const original = newest().id;
    const masked = await replay(original, { headers: [{ name: 'Authorization', value: 'Bearer ••••WXYZ' }] });
    const absent = await replay(original, { headers: [] });
    expect([masked.auth, absent.auth, masked.status, absent.status]).toEqual(['replay-token', 'replay-token', 200, 200]);
  });
});

describe('who may link', () => {
  it('ignores the replay header from a request with a normal (Entra) token, or with a forged key', async () => {
    const target = newest().id;
    await t.scim('GET', '/Users?count=1', undefined, { 'x-provisioning-monitor-replay-of': String(target) });
    expect(newest().replay_of).toBeNull();
    await t.scim('GET', '/Users?count=1', undefined, { 'x-provisioning-monitor-replay-of': String(target), 'x-provisioning-monitor-replay-key': t.secret });
    expect(newest().replay_of).toBeNull();
    await t.scim('GET', '/Users?count=1', undefined, { 'x-provisioning-monitor-replay-of': String(target), authorization: 'Bearer forged', 'x-provisioning-monitor-replay-key': 'forged' });
    expect(newest()).toMatchObject({ replay_of: null, status: 401 });
  });
});

describe('what cannot be replayed as it was', () => {
  it('refuses a body whose password the log removed, and sends an edited one', async () => {
    expect((await t.scim('POST', '/Users', user('dave@contoso.com', { password: 'Pa55word!' }))).status).toBe(201);
    const original = newest().id;
    expect(row(original).req_body).toContain('"[redacted]"');
    const refused = await call('replay.resend', { id: original });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(!refused.ok && refused.error.message).toMatch(/"\[redacted\]".*Edit & replay/);
    const draft = (await call('replay.draft', { id: original })) as any;
    expect(draft.value.redactedPassword).toBe(true);

    const without = await replay(original, { body: JSON.stringify(user('dave2@contoso.com')) });
    expect(without).toMatchObject({ status: 201, warnings: [] });
    const still = await replay(original, { body: JSON.stringify(user('dave3@contoso.com', { password: '[redacted]' })) });
    expect(still.status).toBe(201);
    expect(still.warnings.join(' ')).toMatch(/still holds "\[redacted\]"/);
  });

  it('answers a missing row, or an invalid edit, with a clear error and sends nothing', async () => {
    const before = t.monitor.log.count();
    expect(await call('replay.resend', { id: 999_999 })).toEqual({ ok: false, error: { code: 'not-found', message: 'No logged request 999999 to replay; it may have been pruned by retention.' } });
    expect(await call('replay.draft', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('replay.resend', { id: 1, edit: { headers: [{ name: 'Bad Name', value: 'x' }] } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('replay.resend', { id: 1, edit: { headers: [{ name: 'X-Evil', value: 'a\r\nInjected: 1' }] } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('replay.resend', { id: 1, edit: { path: 'http://example.com/scim/v2/Users' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('replay.resend', { id: 1, edit: { method: 'TRACE' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(t.monitor.log.count()).toBe(before);
  });
});

describe('the draft, the list and secrets', () => {
  it('drafts what Replay sends: tunnel and transport headers left out, Authorization masked', async () => {
    await t.scim('GET', '/Users?count=2', undefined, { 'x-forwarded-for': '20.190.128.1', 'x-forwarded-proto': 'https', cookie: 'session=abc' });
    const draft = (await call('replay.draft', { id: newest().id })) as any;
    const names = draft.value.headers.map((h: { name: string }) => h.name);
    expect(names).toContain('authorization');
    expect(names).not.toEqual(expect.arrayContaining(['host']));
    for (const dropped of ['host', 'content-length', 'connection', 'x-forwarded-for', 'x-forwarded-proto', 'cookie']) expect(names).not.toContain(dropped);
    expect(draft.value).toMatchObject({ method: 'GET', path: '/scim/v2/Users?count=2', body: null, redactedPassword: false });
    expect(draft.value.notes.join(' ')).toMatch(/x-forwarded-for/);
    const result = await replay(newest().id);
    expect(row(result.id!).forwarded_for).toBeNull();
  });

  it('lists replays only with replayOnly, each row carrying its link', async () => {
    const page = (await call('logs.list', { replayOnly: true })) as any;
    expect(page.value.rows.length).toBeGreaterThan(5);
    expect(page.value.rows.every((r: { replayOf: number | null }) => r.replayOf !== null)).toBe(true);
    const all = (await call('logs.list', {})) as any;
    expect(all.value.rows.some((r: { replayOf: number | null }) => r.replayOf === null)).toBe(true);
  });

  it('never puts the replay secret or a typed token in a result, the log or the detail', async () => {
    const typed = 'Bearer typed-secret-value-0123456789';
    const results = [await replay(1), await replay(1, { headers: [{ name: 'Authorization', value: typed }] })];
    const details = await Promise.all(results.map((r) => call('logs.get', { id: r.id })));
    const everything = JSON.stringify([results, details, t.monitor.log.latest(1000)]);
    expect(everything).not.toContain(internalSecret);
    expect(everything).not.toContain(internalSecret.slice(7, 30));
    expect(everything).not.toContain('typed-secret-value');
    expect(t.monitor.tokens.list().map((token) => token.label)).not.toContain(REPLAY_TOKEN_LABEL);
  });
});
