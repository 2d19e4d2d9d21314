/**
 * IPC: one handler per contract method on its own channel, each answering only the app window's own page, with
 * the payload validated by the contract; events go to the window on `monitor:event`.
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type MonitorApiHandlers } from '../../../../shared/api/contract.js';
import { createEventHub } from '../../../../electron/api/events.js';
import { BrowserWindow, fake, FakeWebContents, FakeWebFrame, resetElectron } from '../../../mocks/electron.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

const { IPC_CHANNELS, isTrustedSender, registerIpc } = await import('../../../../electron/shell/ipc.js');

const RENDERER_URL = 'file:///opt/Provisioning%20Monitor/resources/app.asar/dist/renderer/index.html';

function setup() {
  const handlers = Object.fromEntries(METHOD_NAMES.map((name) => [name, vi.fn(async (input: unknown) => ({ method: name, input }))])) as unknown as MonitorApiHandlers &
    Record<string, ReturnType<typeof vi.fn>>;
  const events = createEventHub();
  const window = new BrowserWindow();
  window.webContents.mainFrame.url = `${RENDERER_URL}#/live`;
  const dispose = registerIpc({ handlers, events, window: () => window as never, rendererUrl: RENDERER_URL });
  const eventFrom = (contents: FakeWebContents, frame: FakeWebFrame | null = contents.mainFrame) => ({ sender: contents, senderFrame: frame });
  return { handlers, events, window, dispose, eventFrom };
}

beforeEach(() => {
  resetElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('registerIpc', () => {
  it('registers exactly one channel per contract method, named monitor:<method>, and no generic one', () => {
    setup();
    expect([...fake.ipcMain.handlers.keys()]).toEqual(METHOD_NAMES.map((name) => `monitor:${name}`));
    expect(IPC_CHANNELS).toEqual([...fake.ipcMain.handlers.keys()]);
    for (const generic of ['monitor:invoke', 'invoke', 'monitor', 'monitor:*']) expect(fake.ipcMain.handlers.has(generic)).toBe(false);
  });

  it("runs the method for the app window's page and answers with a result", async () => {
    const { handlers, window, eventFrom } = setup();
    const result = await fake.ipcMain.invoke('monitor:logs.list', eventFrom(window.webContents), { limit: 5 });
    expect(result).toEqual({ ok: true, value: { method: 'logs.list', input: { limit: 5 } } });
    expect(handlers['logs.list']).toHaveBeenCalledTimes(1);
  });

  it('validates the payload against the contract before the handler sees it', async () => {
    const { handlers, window, eventFrom } = setup();
    const result = await fake.ipcMain.invoke('monitor:logs.list', eventFrom(window.webContents), { limit: 'all', extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(handlers['logs.list']).not.toHaveBeenCalled();
  });

  it('refuses a call from another window, a subframe, another page or a closed frame', async () => {
    const { handlers, window, eventFrom } = setup();
    const other = new BrowserWindow();
    other.webContents.mainFrame.url = RENDERER_URL;
    const subframe = new FakeWebFrame(RENDERER_URL);
    subframe.parent = window.webContents.mainFrame;
    const foreignPage = new FakeWebFrame('https://evil.example/index.html');
    const lookalike = new FakeWebFrame(`${RENDERER_URL}.evil.html`);
    const orphan = new FakeWebContents();
    orphan.mainFrame.url = RENDERER_URL;
    for (const event of [eventFrom(other.webContents), eventFrom(window.webContents, subframe), eventFrom(window.webContents, foreignPage), eventFrom(window.webContents, lookalike), eventFrom(window.webContents, null), eventFrom(orphan)]) {
      const result = await fake.ipcMain.invoke('monitor:tokens.create', event, { label: 'x', days: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(handlers['tokens.create']).not.toHaveBeenCalled();
  });

  it('refuses everything once the window is destroyed', async () => {
    const { window, eventFrom } = setup();
    window.destroyed = true;
    expect(await fake.ipcMain.invoke('monitor:status.get', eventFrom(window.webContents))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('forwards hub events to the window on monitor:event, and stops after dispose', () => {
    const { events, window, dispose } = setup();
    const event = { type: 'tunnel-changed', tunnel: { provider: 'ngrok', state: 'online', publicUrl: 'https://x.ngrok.app', message: null } } as const;
    events.publish(event);
    expect(window.webContents.sent).toEqual([{ channel: 'monitor:event', args: [event] }]);
    dispose();
    events.publish(event);
    expect(window.webContents.sent).toHaveLength(1);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(events.size).toBe(0);
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame of the window on the renderer page, with any hash route or query', () => {
    const window = new BrowserWindow();
    for (const url of [RENDERER_URL, `${RENDERER_URL}#/cycles/3`, `${RENDERER_URL}?x=1`]) {
      window.webContents.mainFrame.url = url;
      expect(isTrustedSender({ sender: window.webContents, senderFrame: window.webContents.mainFrame } as never, window as never, RENDERER_URL), url).toBe(true);
    }
  });

  it('refuses when there is no window', () => {
    const window = new BrowserWindow();
    window.webContents.mainFrame.url = RENDERER_URL;
    expect(isTrustedSender({ sender: window.webContents, senderFrame: window.webContents.mainFrame } as never, null, RENDERER_URL)).toBe(false);
  });
});
