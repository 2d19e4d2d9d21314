/**
 * The tray item: listener, health and tunnel lines, and "⚠ Fault injection on: N rules" while rules can fire; Show
 * window, Copy Tenant URL (only with a tunnel online), Quit; redrawn on health, tunnel and fault-rule changes.
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Status } from '../../../../shared/api/admin-types.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import type { FaultsSummary } from '../../../../shared/api/fault-types.js';
import type { LogRow } from '../../../../shared/api/log-types.js';
import type { ApiDeps } from '../../../../electron/api/deps.js';
import { createEventHub } from '../../../../electron/api/events.js';
import { faultHandlers } from '../../../../electron/api/faults.js';
import { createLiveFaultRules } from '../../../../electron/faults/live-rules.js';
import type { FaultRule } from '../../../../electron/faults/rules.js';
import type { OperationInfo } from '../../../../electron/provisioning/operation.js';
import type { ScimRequest } from '../../../../electron/scim/http/types.js';
import { fake, resetElectron, Tray } from '../../../mocks/electron.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

const { createAppTray, trayMenuTemplate, trayTooltip } = await import('../../../../electron/shell/tray.js');

type Item = { label?: string; enabled?: boolean; type?: string; click?: () => void };
const status = (over: Partial<Status> = {}): Status => ({
  scimUrl: 'http://127.0.0.1:7643/scim/v2',
  tenantUrl: null,
  tunnel: null,
  requestCount: 0,
  lastRequestAt: null,
  health: 'Healthy',
  nextCycleExpectedAt: null,
  activeTokens: 1,
  dataDir: '/tmp/x',
  version: '0.1.0',
  ...over,
});
const actions = () => ({ showWindow: vi.fn(), quit: vi.fn() });
const find = (items: Item[], prefix: string) => items.find((item) => item.label?.startsWith(prefix));
const idle = { scimUrl: null, health: null, tenantUrl: null, tunnel: null, warning: null, faults: null } as const;
const summary = (active: number, total = active): FaultsSummary => ({ active, total, source: 'settings', file: null });
const labels = (items: Item[]) => items.filter((item) => item.type !== 'separator').map((item) => item.label);

beforeEach(() => resetElectron());

describe('trayMenuTemplate', () => {
  it('shows listener, health and tunnel, then Show window, Copy Tenant URL and Quit', () => {
    const items = trayMenuTemplate({ ...idle, scimUrl: 'http://127.0.0.1:7643/scim/v2', health: 'QuarantineRisk' }, actions()) as Item[];
    expect(items.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual([
      'Listening on http://127.0.0.1:7643/scim/v2',
      'Health: Quarantine risk',
      'Tunnel: none',
      'Show window',
      'Copy Tenant URL (no tunnel online)',
      'Quit',
    ]);
    expect(find(items, 'Copy Tenant URL')?.enabled).toBe(false);
  });

  it('copies the Tenant URL when a tunnel is online, and runs Show window and Quit', () => {
    const act = actions();
    const tenantUrl = 'https://contoso.ngrok.app/scim/v2';
    const items = trayMenuTemplate({ ...idle, tenantUrl, tunnel: { provider: 'ngrok', state: 'online', publicUrl: 'https://contoso.ngrok.app', message: null }, warning: 'careful' }, act) as Item[];
    expect(find(items, 'Tunnel')?.label).toBe('Tunnel (ngrok): online');
    expect(find(items, '⚠')?.label).toBe('⚠ careful');
    find(items, 'Copy Tenant URL')!.click!();
    expect(fake.clipboard.writeText).toHaveBeenCalledWith(tenantUrl);
    find(items, 'Show window')!.click!();
    find(items, 'Quit')!.click!();
    expect(act.showWindow).toHaveBeenCalledTimes(1);
    expect(act.quit).toHaveBeenCalledTimes(1);
  });

  it('summarises the same in the tooltip', () => {
    expect(trayTooltip(idle)).toBe('Provisioning Monitor\nListener: starting…\nHealth: unknown\nTunnel: none');
  });

  it('says nothing about fault injection when no rule can fire: none set, or all used up', () => {
    for (const faults of [null, summary(0), summary(0, 2)]) {
      expect(trayTooltip({ ...idle, faults })).not.toContain('Fault injection');
      expect(labels(trayMenuTemplate({ ...idle, faults }, actions()) as Item[])).not.toContainEqual(expect.stringContaining('Fault injection'));
    }
  });

  it.each([
    [1, 3, '⚠ Fault injection on: 1 rule'],
    [2, 2, '⚠ Fault injection on: 2 rules'],
  ])('with %i of %i rules able to fire, leads the tooltip and the menu with "%s"', (active, total, line) => {
    // Second in the tooltip, after the name: Windows cuts tray tooltips at 127 characters.
    expect(trayTooltip({ ...idle, faults: summary(active, total) })).toBe(`Provisioning Monitor\n${line}\nListener: starting…\nHealth: unknown\nTunnel: none`);
    const items = trayMenuTemplate({ ...idle, faults: summary(active, total), warning: 'careful' }, actions()) as Item[];
    expect(items[0]).toEqual({ label: line, enabled: false });
    expect(labels(items).slice(0, 5)).toEqual([line, 'Listener: starting…', 'Health: unknown', 'Tunnel: none', '⚠ careful']);
  });
});

describe('createAppTray', () => {
  it('reads the status at start and again on health and tunnel events, not on every request', async () => {
    let current = status();
    const get = vi.fn(async () => current);
    const events = createEventHub();
    const tray = createAppTray({ icon: '/icon.png', handlers: { 'status.get': get } as unknown as MonitorApiHandlers, events, actions: actions(), warning: () => null });
    await tray.refresh();
    const item = Tray.instances[0]!;
    expect(item.tooltip).toContain('Health: Healthy');
    current = status({ health: 'LikelyQuarantined', tenantUrl: 'https://x.example/scim/v2' });
    const calls = get.mock.calls.length;
    events.publish({ type: 'request-logged', row: {} as never });
    expect(get.mock.calls.length).toBe(calls);
    events.publish({ type: 'health-changed', health: { state: 'LikelyQuarantined' } as never });
    await tray.refresh();
    expect(item.tooltip).toContain('Health: Likely quarantined');
    expect(find(item.menu!.template as Item[], 'Copy Tenant URL')?.enabled).toBe(true);
    tray.destroy();
    expect(item.destroyed).toBe(true);
    expect(events.size).toBe(0);
  });

  it('shows fault rules from the first status, follows faults.set and faults.clear, and a rule that is used up', async () => {
    const R500: FaultRule = { name: 'r500', match: {}, respond: { status: 500 } };
    const R429: FaultRule = { name: 'r429', match: {}, count: 1, respond: { status: 429 } };
    const events = createEventHub();
    // The wiring of monitor-app.ts: the live rules publish `faults-changed`, status.get carries their summary.
    const live = createLiveFaultRules({ store: { load: () => ({ rules: [R500, R429], problem: null }), save: () => undefined }, onChange: (faults) => events.publish({ type: 'faults-changed', faults }) });
    const get = vi.fn(async () => status({ faults: live.summary() }));
    const handlers = { 'status.get': get, ...faultHandlers({ faults: live } as unknown as ApiDeps) } as unknown as MonitorApiHandlers;
    const tray = createAppTray({ icon: '/icon.png', handlers, events, actions: actions(), warning: () => null });
    await tray.refresh();
    const item = Tray.instances[0]!;
    const faultsLabel = () => find(item.menu!.template as Item[], '⚠')?.label;
    const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
    expect(item.tooltip).toContain('\n⚠ Fault injection on: 2 rules\n');
    expect(faultsLabel()).toBe('⚠ Fault injection on: 2 rules');

    await handlers['faults.set']({ rules: [R429] });
    await settled();
    expect(item.tooltip).toContain('\n⚠ Fault injection on: 1 rule\n');
    expect(faultsLabel()).toBe('⚠ Fault injection on: 1 rule');

    // A request r429 answered used up its count: no event says so, the logged row names the rule.
    const reads = get.mock.calls.length;
    const request = { method: 'POST', segments: ['Users'], query: new URLSearchParams(), body: undefined, headers: {}, baseUrl: 'http://127.0.0.1:1/scim/v2' } as ScimRequest;
    expect(live.injector(request, { entity: 'User', operation: 'create', memberCount: null, dialect: null } as OperationInfo, null)?.rule).toBe('r429');
    events.publish({ type: 'request-logged', row: { fault: 'r429' } as LogRow });
    await settled();
    expect(item.tooltip).not.toContain('Fault injection');
    expect(faultsLabel()).toBeUndefined();
    expect(get.mock.calls.length).toBe(reads); // the fault rules were read, not the whole status (which counts the log)

    await handlers['faults.set']({ rules: [R500, { ...R500, name: 'other' }] });
    await settled();
    expect(faultsLabel()).toBe('⚠ Fault injection on: 2 rules');
    await handlers['faults.clear'](undefined);
    await settled();
    expect(item.tooltip).toBe('Provisioning Monitor\nListening on http://127.0.0.1:7643/scim/v2\nHealth: Healthy\nTunnel: none');
    expect(faultsLabel()).toBeUndefined();
    tray.destroy();
  });

  it('reads nothing for logged requests no rule answered', async () => {
    const events = createEventHub();
    const get = vi.fn(async () => status({ faults: summary(1) }));
    const faultsGet = vi.fn();
    const tray = createAppTray({ icon: '/icon.png', handlers: { 'status.get': get, 'faults.get': faultsGet } as unknown as MonitorApiHandlers, events, actions: actions(), warning: () => null });
    await tray.refresh();
    const reads = get.mock.calls.length;
    events.publish({ type: 'request-logged', row: { fault: null } as LogRow });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(get.mock.calls.length).toBe(reads);
    expect(faultsGet).not.toHaveBeenCalled();
    expect(Tray.instances[0]!.tooltip).toContain('Fault injection on: 1 rule');
    tray.destroy();
  });

  it('leaves the native item alone once destroyed, even if a read was still running', async () => {
    const tray = createAppTray({ icon: '/icon.png', handlers: { 'status.get': async () => status({ faults: summary(1) }) } as unknown as MonitorApiHandlers, events: createEventHub(), actions: actions(), warning: () => null });
    const item = Tray.instances[0]!;
    const drawn = item.tooltip;
    tray.destroy();
    await tray.refresh();
    expect(item.tooltip).toBe(drawn);
  });

  it('brings the window back on a click', () => {
    const act = actions();
    createAppTray({ icon: '/icon.png', handlers: { 'status.get': async () => status() } as unknown as MonitorApiHandlers, events: createEventHub(), actions: act, warning: () => null });
    Tray.instances[0]!.emit('click');
    expect(act.showWindow).toHaveBeenCalled();
  });
});
