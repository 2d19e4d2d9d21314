/**
 * Fault rules through the MonitorApi (issue 8, Settings): a rule set with `faults.set` answers the very next SCIM
 * request and is marked in the log; an invalid rule is refused with its rule and field named while the old rules
 * keep running; rules saved in Settings survive a restart and are shown in the status; `serve --faults FILE`
 * replaces them for one run without overwriting them.
 */

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FaultRule } from '../../electron/faults/rules.js';
import { createFaultRulesStore } from '../../electron/settings/fault-rules-store.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startServe } from '../support/serve-process.js';

const THROTTLE = { name: 'throttle-creates', match: { operation: 'create' }, respond: { status: 429, retryAfter: 7 } };
const BROKEN_500 = { name: 'all-500', match: {}, respond: { status: 500 } };
const user = (userName: string) => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, active: true });

let apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps) await t.close();
  for (const t of apps) rmSync(t.dataDir, { recursive: true, force: true });
  apps = [];
});

async function start(options: Parameters<typeof startTestApp>[0] = {}): Promise<{ t: TestApp; secret: string }> {
  const t = await startTestApp(options);
  apps.push(t);
  const created = await t.api('tokens.create', { label: 'Entra ID', days: 30 });
  return { t, secret: created.value.secret };
}

describe('faults.* over the MonitorApi', () => {
  it('applies a rule to the very next request, marks it in the log, counts it, and shows it in the status', async () => {
    const { t, secret } = await start();
    expect((await t.api('faults.get')).value).toMatchObject({ rules: [], active: 0, source: 'settings', persisted: true, problem: null });
    expect((await t.api('status.get')).value.faults).toEqual({ active: 0, total: 0, source: 'settings', file: null });

    const set = await t.api('faults.set', { rules: [THROTTLE] });
    expect(set.ok).toBe(true);
    expect(set.value.rules).toEqual([{ rule: THROTTLE, matched: 0, applied: 0, exhausted: false }]);

    const throttled = await t.scim('POST', '/Users', secret, user('alice@contoso.com'));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(await throttled.json()).toMatchObject({ status: '429', detail: 'Injected by fault rule "throttle-creates".' });
    // A request the rule does not match is answered normally.
    expect((await t.scim('GET', '/Users?filter=userName+eq+%22alice%40contoso.com%22', secret)).status).toBe(200);

    const page = await t.api('logs.list', { faultOnly: true });
    expect(page.value.rows).toHaveLength(1);
    expect(page.value.rows[0]).toMatchObject({ method: 'POST', status: 429, fault: 'throttle-creates', operation: 'create', identity: 'alice@contoso.com' });
    expect((await t.api('directory.users')).value.total).toBe(0);

    const state = (await t.api('faults.get')).value;
    expect(state.rules[0]).toMatchObject({ matched: 1, applied: 1, exhausted: false });
    expect((await t.api('status.get')).value.faults).toEqual({ active: 1, total: 1, source: 'settings', file: null });
  });

  it('refuses an invalid rule with the rule and field named, and keeps the old rules in force', async () => {
    const { t, secret } = await start();
    await t.api('faults.set', { rules: [THROTTLE] });
    const refused = await t.api('faults.set', { rules: [THROTTLE, { name: 'bad', match: { operation: 'create' }, respond: { status: 200 } }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(refused.error.message).toContain('rules[1] ("bad").respond.status must be a whole number from 400 to 599, got 200.');

    const typo = await t.api('faults.set', { rules: [{ name: 'typo', match: { operaton: 'create' }, respond: { status: 500 } }] });
    expect(typo.error.message).toContain('rules[0] ("typo").match: unknown field "operaton"');

    expect((await t.api('faults.get')).value.rules.map((r: any) => r.rule.name)).toEqual(['throttle-creates']);
    expect((await t.scim('POST', '/Users', secret, user('bob@contoso.com'))).status).toBe(429);
    const saved = JSON.parse(readFileSync(join(t.dataDir, 'settings.json'), 'utf8'));
    expect(saved.faultRules).toEqual([THROTTLE]);
  });

  it('keeps the counters of an unchanged rule when another is edited, and reports a used-up count', async () => {
    const { t, secret } = await start();
    const once = { name: 'once-500', match: { method: 'POST' }, count: 1, respond: { status: 500 } };
    await t.api('faults.set', { rules: [once, { name: 'slow-reads', match: { method: 'DELETE' }, latencyMs: 1 }] });
    expect((await t.scim('POST', '/Users', secret, user('carol@contoso.com'))).status).toBe(500);
    expect((await t.scim('POST', '/Users', secret, user('carol@contoso.com'))).status).toBe(201);

    const after = (await t.api('faults.get')).value;
    expect(after.rules[0]).toMatchObject({ matched: 2, applied: 1, exhausted: true });
    expect(after.active).toBe(1);

    // Editing the other rule must not re-arm the used-up one.
    const edited = (await t.api('faults.set', { rules: [once, { name: 'slow-reads', match: { method: 'DELETE' }, latencyMs: 2 }] })).value;
    expect(edited.rules[0]).toMatchObject({ matched: 2, applied: 1, exhausted: true });
    expect(edited.rules[1]).toMatchObject({ matched: 0, applied: 0 });
    expect((await t.scim('POST', '/Users', secret, user('dave@contoso.com'))).status).toBe(201);
  });

  it('saves the rules across a restart on the same data directory, and clear turns them all off', async () => {
    const first = await start();
    await first.t.api('faults.set', { rules: [BROKEN_500] });
    await first.t.close();
    apps = [];

    const { t, secret } = await start({ dataDir: first.t.dataDir });
    expect((await t.api('faults.get')).value).toMatchObject({ source: 'settings', active: 1, rules: [{ rule: BROKEN_500, matched: 0, applied: 0 }] });
    expect((await t.api('status.get')).value.faults).toMatchObject({ active: 1, total: 1 });
    expect((await t.scim('GET', '/Users', secret)).status).toBe(500);

    const events = await t.events();
    try {
      const cleared = await t.api('faults.clear');
      expect(cleared.value).toMatchObject({ rules: [], active: 0 });
      const event = JSON.parse((await events.next('faults-changed')).data);
      expect(event.faults).toMatchObject({ rules: [], active: 0, source: 'settings' });
    } finally {
      events.close();
    }
    expect((await t.scim('GET', '/Users', secret)).status).toBe(200);
    expect(JSON.parse(readFileSync(join(t.dataDir, 'settings.json'), 'utf8')).faultRules).toBeUndefined();
    expect((await t.api('status.get')).value.faults).toMatchObject({ active: 0, total: 0 });
  });

  it('serve --faults FILE: the file replaces the saved rules for that run, and edits are not saved', async () => {
    const first = await start();
    await first.t.api('faults.set', { rules: [THROTTLE] });
    await first.t.close();
    apps = [];

    const fileRun = await start({ dataDir: first.t.dataDir, faultsFile: { path: '/tmp/rules.json', rules: [BROKEN_500] } });
    expect((await fileRun.t.api('faults.get')).value).toMatchObject({ source: 'file', file: '/tmp/rules.json', persisted: false, rules: [{ rule: BROKEN_500 }] });
    expect((await fileRun.t.api('status.get')).value.faults).toEqual({ active: 1, total: 1, source: 'file', file: '/tmp/rules.json' });
    expect((await fileRun.t.scim('GET', '/Users', fileRun.secret)).status).toBe(500);
    await fileRun.t.api('faults.clear');
    expect((await fileRun.t.scim('GET', '/Users', fileRun.secret)).status).toBe(200);
    await fileRun.t.close();
    apps = [];

    // The saved rules were neither replaced by the file's nor cleared by the edit made during the file run.
    const { t } = await start({ dataDir: first.t.dataDir });
    expect((await t.api('faults.get')).value).toMatchObject({ source: 'settings', rules: [{ rule: THROTTLE }] });
    expect(existsSync(join(t.dataDir, 'settings.json'))).toBe(true);
  });

  it('serve says at start which fault rules are on, from the file or from Settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-serve-faults-'));
    try {
      createFaultRulesStore(dir).save([THROTTLE as FaultRule]);
      const file = join(dir, 'rules.json');
      writeFileSync(file, JSON.stringify({ rules: [BROKEN_500] }));
      for (const [args, line] of [
        [['--faults', file], `Fault injection: 1 rule(s) from ${file} for this run (saved rules not used): all-500`],
        [[], 'Fault injection: 1 rule(s) saved in Settings are active: throttle-creates. Turn them off in Settings → Fault injection.'],
      ] as const) {
        const serve = await startServe(['--port', '0', '--admin-port', '0', '--data-dir', dir, ...args]);
        try {
          await vi.waitFor(() => expect(serve.output()).toContain(line), { timeout: 10_000 });
        } finally {
          serve.child.kill('SIGTERM');
          await serve.exited;
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
