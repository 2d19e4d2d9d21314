/**
 * The tray item: listener, health and tunnel lines; Show window, Copy Tenant URL (only with a tunnel online),
 * Quit; redrawn on health and tunnel events.
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Status } from '../../../../shared/api/admin-types.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import { createEventHub } from '../../../../electron/api/events.js';
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

beforeEach(() => resetElectron());

describe('trayMenuTemplate', () => {
  it('shows listener, health and tunnel, then Show window, Copy Tenant URL and Quit', () => {
    const items = trayMenuTemplate({ scimUrl: 'http://127.0.0.1:7643/scim/v2', health: 'QuarantineRisk', tenantUrl: null, tunnel: null, warning: null }, actions()) as Item[];
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
    const items = trayMenuTemplate({ scimUrl: null, health: null, tenantUrl, tunnel: { provider: 'ngrok', state: 'online', publicUrl: 'https://contoso.ngrok.app', message: null }, warning: 'careful' }, act) as Item[];
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
    expect(trayTooltip({ scimUrl: null, health: null, tenantUrl: null, tunnel: null, warning: null })).toBe('Provisioning Monitor\nListener: starting…\nHealth: unknown\nTunnel: none');
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

  it('brings the window back on a click', () => {
    const act = actions();
    createAppTray({ icon: '/icon.png', handlers: { 'status.get': async () => status() } as unknown as MonitorApiHandlers, events: createEventHub(), actions: act, warning: () => null });
    Tray.instances[0]!.emit('click');
    expect(act.showWindow).toHaveBeenCalled();
  });
});
