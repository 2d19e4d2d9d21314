/**
 * The shell around the real core, end to end under Node: main() with the fake `electron` but the real monitor
 * (SQLite loaded through the `nativeBinding` option, here pointed at the Node build), IPC calls from the window
 * reaching the real MonitorApi, a SCIM request's event arriving at the window, and a quit that closes the database.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetElectron } from '../../../mocks/electron.js';

const mocks = vi.hoisted(() => ({ checkNativeBinding: vi.fn() }));
vi.mock('electron', () => import('../../../mocks/electron.js'));
vi.mock('../../../../electron/shell/native.js', async (importOriginal) => ({ ...(await importOriginal<object>()), checkNativeBinding: mocks.checkNativeBinding }));
vi.mock('../../../../electron/shell/paths.js', async (importOriginal) => ({ ...(await importOriginal<object>()), RENDERER_INDEX: fileURLToPath(import.meta.url) }));

const { main } = await import('../../../../electron/shell/main.js');
const { RENDERER_URL } = await import('../../../../electron/shell/paths.js');

/** The Node build in node_modules stands in for native/electron/: same code path, the ABI this process has. */
const NODE_ADDON = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
let dir: string;

beforeEach(() => {
  resetElectron();
  dir = mkdtempSync(join(tmpdir(), 'pm-main-core-'));
  vi.stubEnv('PROVISIONING_MONITOR_DATA_DIR', dir);
  // Port 0: a free port, so the test never collides with a running monitor.
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ listenerPort: 0 }));
  mocks.checkNativeBinding.mockReturnValue({ ok: true, path: NODE_ADDON });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('main() with the real core', () => {
  it('serves the MonitorApi over IPC, forwards live events and flushes the database on quit', async () => {
    const app = await main();
    expect(app).not.toBeNull();
    const window = fake.BrowserWindow.instances[0]!;
    window.webContents.mainFrame.url = RENDERER_URL;
    const from = { sender: window.webContents, senderFrame: window.webContents.mainFrame };

    const status = (await fake.ipcMain.invoke('monitor:status.get', from)) as { ok: true; value: { scimUrl: string; dataDir: string } };
    expect(status.ok).toBe(true);
    expect(status.value.dataDir).toBe(dir);
    const created = (await fake.ipcMain.invoke('monitor:tokens.create', from, { label: 'Entra ID', days: 1 })) as { ok: true; value: { secret: string } };
    expect(created.ok).toBe(true);

    const reply = await fetch(`${status.value.scimUrl}/Users?filter=${encodeURIComponent('userName eq "alice@contoso.com"')}`, { headers: { authorization: `Bearer ${created.value.secret}` } });
    expect(reply.status).toBe(200);
    await vi.waitFor(() => expect(window.webContents.sent.some((message) => message.channel === 'monitor:event' && (message.args[0] as { type: string }).type === 'request-logged')).toBe(true));

    const db = app!.monitor.db;
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quits).toBe(1));
    expect(db.open).toBe(false);
  });
});
