/**
 * The app entry: name and per-user data dir, single-instance lock, the core started with IPC instead of the admin
 * server and with the Electron build of better-sqlite3, and a quit that closes the monitor (flushing the
 * database) exactly once before the app exits.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../../shared/api/contract.js';
import { createEventHub } from '../../../../electron/api/events.js';
import { fake, resetElectron } from '../../../mocks/electron.js';

const mocks = vi.hoisted(() => ({
  startMonitorApp: vi.fn(),
  checkNativeBinding: vi.fn(),
}));

vi.mock('electron', () => import('../../../mocks/electron.js'));
vi.mock('../../../../electron/monitor-app.js', async (importOriginal) => ({ ...(await importOriginal<object>()), startMonitorApp: mocks.startMonitorApp }));
vi.mock('../../../../electron/shell/native.js', async (importOriginal) => ({ ...(await importOriginal<object>()), checkNativeBinding: mocks.checkNativeBinding }));
// The UI may not be built in a test checkout; any existing file stands in for dist/renderer/index.html.
vi.mock('../../../../electron/shell/paths.js', async (importOriginal) => ({ ...(await importOriginal<object>()), RENDERER_INDEX: fileURLToPath(import.meta.url) }));

const { main, quitCleanly } = await import('../../../../electron/shell/main.js');

const NATIVE = '/opt/pm/resources/app.asar.unpacked/native/electron/better_sqlite3.node';
let dir: string;
let close: ReturnType<typeof vi.fn>;
let tunnelStart: ReturnType<typeof vi.fn>;

function fakeMonitorApp(withTunnel = false) {
  close = vi.fn(async () => undefined);
  tunnelStart = vi.fn(async () => undefined);
  const status = { scimUrl: 'http://127.0.0.1:7643/scim/v2', tenantUrl: null, tunnel: null, health: 'Healthy' };
  return {
    api: Object.fromEntries(METHOD_NAMES.map((name) => [name, async () => status])),
    events: createEventHub(),
    monitor: { tunnel: withTunnel ? { start: tunnelStart } : null },
    health: {},
    admin: null,
    close,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  resetElectron();
  dir = mkdtempSync(join(tmpdir(), 'pm-main-'));
  vi.stubEnv('PROVISIONING_MONITOR_DATA_DIR', dir);
  mocks.startMonitorApp.mockReset().mockImplementation(async () => fakeMonitorApp());
  mocks.checkNativeBinding.mockReset().mockReturnValue({ ok: true, path: NATIVE });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('main', () => {
  it('names the app and starts the core in userData, without an admin server, on the Electron build of better-sqlite3', async () => {
    await main();
    expect(fake.app.getName()).toBe('Provisioning Monitor');
    expect(fake.app.getPath('userData')).toBe(dir);
    expect(mocks.startMonitorApp).toHaveBeenCalledTimes(1);
    expect(mocks.startMonitorApp.mock.calls[0]?.[0]).toEqual({ dataDir: dir, host: '127.0.0.1', port: 7643, adminPort: null, nativeBinding: NATIVE });
  });

  it('uses appData/Provisioning Monitor when no data dir is given', async () => {
    vi.stubEnv('PROVISIONING_MONITOR_DATA_DIR', undefined);
    fake.app.setPath('appData', dir);
    await main();
    expect(mocks.startMonitorApp.mock.calls[0]?.[0]).toMatchObject({ dataDir: join(dir, 'Provisioning Monitor') });
  });

  it('opens one window, registers the IPC channels, a menu and the tray, and guards web contents', async () => {
    await main();
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(fake.ipcMain.handlers.size).toBe(METHOD_NAMES.length);
    expect(fake.Menu.applicationMenu).not.toBeNull();
    expect(fake.Tray.instances).toHaveLength(1);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.session.defaultSession.permissionRequestHandler).toBeDefined();
  });

  it('starts the tunnel after everything is wired', async () => {
    mocks.startMonitorApp.mockImplementation(async () => fakeMonitorApp(true));
    await main();
    expect(tunnelStart).toHaveBeenCalledTimes(1);
  });

  it('quits at once, starting nothing, when another instance holds the lock', async () => {
    fake.app.singleInstance = false;
    await expect(main()).resolves.toBeNull();
    expect(mocks.startMonitorApp).not.toHaveBeenCalled();
    expect(fake.app.quits).toBe(1);
  });

  it('says what to run, and exits, when the Electron build of better-sqlite3 is missing or mismatched', async () => {
    mocks.checkNativeBinding.mockReturnValue({ ok: false, problem: 'The Electron build of better-sqlite3 is missing. Run `npm run electron:rebuild`.' });
    await expect(main()).resolves.toBeNull();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Provisioning Monitor cannot open its database', expect.stringContaining('electron:rebuild'));
    expect(fake.app.exitCode).toBe(1);
    expect(mocks.startMonitorApp).not.toHaveBeenCalled();
  });

  it('explains a port already in use', async () => {
    mocks.startMonitorApp.mockRejectedValue(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }));
    await main();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Provisioning Monitor could not start', expect.stringContaining('Port 7643 is already in use'));
    expect(fake.app.exitCode).toBe(1);
  });

  it('closes the monitor (flushing the database) once before quitting, however many quits arrive', async () => {
    await main();
    fake.app.quit();
    fake.app.quit();
    expect(close).toHaveBeenCalledTimes(1);
    expect(fake.app.quits).toBe(0);
    await settle();
    expect(fake.app.quits).toBe(1);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.Tray.instances[0]?.destroyed).toBe(true);
    fake.app.quit();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('quits (and so closes the monitor) when the last window closes, except on macOS', async () => {
    await main();
    fake.app.emit('window-all-closed');
    expect(close).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});

describe('quitCleanly', () => {
  it('still quits when closing fails, and exits if closing hangs', async () => {
    quitCleanly(async () => Promise.reject(new Error('disk gone')));
    fake.app.quit();
    await settle();
    expect(fake.app.quits).toBe(1);

    resetElectron();
    vi.useFakeTimers();
    try {
      quitCleanly(() => new Promise<void>(() => undefined), 1000);
      fake.app.quit();
      await vi.advanceTimersByTimeAsync(1001);
      expect(fake.app.exitCode).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
