/**
 * The desktop app's entry (package.json "main"): one instance per user, the core started on the user's data
 * directory with IPC instead of the admin server, one secure window, a tray item, and a quit that closes the
 * monitor (tunnel, listener, database flush) before the process ends.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { app, dialog, nativeTheme, session, type BrowserWindow } from 'electron';
import { PRODUCT_NAME } from '../data-dir.js';
import { startMonitorApp, type MonitorApp } from '../monitor-app.js';
import { registerIpc } from './ipc.js';
import { installAppMenu } from './menu.js';
import { checkNativeBinding, type NativeBuildInfo } from './native.js';
import { ASSETS_DIR, NATIVE_ELECTRON_DIR, RENDERER_INDEX, RENDERER_URL } from './paths.js';
import { installSessionPolicy, installWebContentsGuards } from './security.js';
import { openDesktopSettings } from './settings-store.js';
import { createAppTray, type AppTray } from './tray.js';
import { createMainWindow } from './window.js';

/** How long a quit waits for the monitor to close before giving up on a clean stop. */
export const QUIT_TIMEOUT_MS = 10_000;

/**
 * Makes the first quit (menu, tray, last window, OS shutdown) close the monitor before the app exits: the first
 * `before-quit` is held while `close` runs, later ones while it runs are ignored, and the quit then resumes.
 */
export function quitCleanly(close: () => Promise<void>, timeoutMs: number = QUIT_TIMEOUT_MS): void {
  let phase: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'closed') return;
    event.preventDefault();
    if (phase === 'closing') return;
    phase = 'closing';
    const timer = setTimeout(() => {
      console.error(`provisioning-monitor: the monitor did not stop within ${timeoutMs / 1000} s; exiting anyway.`);
      app.exit(1);
    }, timeoutMs);
    close()
      .catch((error: unknown) => console.error('provisioning-monitor: failed to stop cleanly:', error))
      .finally(() => {
        clearTimeout(timer);
        phase = 'closed';
        app.quit();
      });
  });
}

/**
 * The per-user data directory: Electron's userData for the product name, which `serve` also uses by default
 * (electron/data-dir.ts), or PROVISIONING_MONITOR_DATA_DIR (tests, a second profile). Set before the
 * single-instance lock, which lives there.
 */
export function useDataDir(env: NodeJS.ProcessEnv = process.env): string {
  app.setPath('userData', env.PROVISIONING_MONITOR_DATA_DIR ?? join(app.getPath('appData'), PRODUCT_NAME));
  return app.getPath('userData');
}

/** What the Electron build of better-sqlite3 must have been built for. */
function runtime(): NativeBuildInfo {
  const require = createRequire(import.meta.url);
  return {
    electron: process.versions.electron ?? 'unknown',
    abi: process.versions.modules,
    betterSqlite3: (require('better-sqlite3/package.json') as { version: string }).version,
    platform: process.platform,
    arch: process.arch,
  };
}

function fatal(title: string, message: string): void {
  console.error(`provisioning-monitor: ${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function startError(error: unknown, port: number, settingsPath: string): string {
  if ((error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE') {
    return `Port ${port} is already in use. Is \`provisioning-monitor serve\` running? Stop it, or change "listenerPort" in ${settingsPath}.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Starts the desktop app; resolves once the window and tray exist (or after a fatal error was shown). */
export async function main(): Promise<MonitorApp | null> {
  app.setName(PRODUCT_NAME);
  const dataDir = useDataDir();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  installWebContentsGuards();
  await app.whenReady();
  installSessionPolicy(session.defaultSession);

  const native = checkNativeBinding(NATIVE_ELECTRON_DIR, runtime());
  if (!native.ok) {
    fatal('Provisioning Monitor cannot open its database', native.problem);
    return null;
  }
  if (!existsSync(RENDERER_INDEX)) {
    fatal('Provisioning Monitor has no UI', `${RENDERER_INDEX} is missing: run \`npm run build:ui\`.`);
    return null;
  }

  const settings = openDesktopSettings();
  nativeTheme.themeSource = settings.theme();
  const warning = settings.secretWarning();
  if (warning !== null) console.warn(`provisioning-monitor: ${warning}`);
  const listener = settings.listener();
  const tunnel = settings.tunnel();
  let monitorApp: MonitorApp;
  try {
    monitorApp = await startMonitorApp({ dataDir, ...listener, adminPort: null, nativeBinding: native.path, ...(tunnel === undefined ? {} : { tunnel }) });
  } catch (error) {
    fatal('Provisioning Monitor could not start', startError(error, listener.port, settings.path));
    return null;
  }

  let window: BrowserWindow | null = null;
  const openWindow = (): BrowserWindow => {
    const created = createMainWindow(settings);
    created.on('closed', () => {
      if (window === created) window = null;
    });
    return created;
  };
  const showWindow = (): void => {
    if (window === null || window.isDestroyed()) window = openWindow();
    else {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
  };

  const disposeIpc = registerIpc({ handlers: monitorApp.api, events: monitorApp.events, window: () => window, rendererUrl: RENDERER_URL });
  installAppMenu({ handlers: monitorApp.api, window: () => window, dataDir });
  let tray: AppTray | null = null;
  try {
    tray = createAppTray({
      icon: join(ASSETS_DIR, 'tray.png'),
      handlers: monitorApp.api,
      events: monitorApp.events,
      actions: { showWindow, quit: () => app.quit() },
      warning: () => settings.secretWarning(),
    });
  } catch (error) {
    // A desktop without a status area: the window and its menu still do everything the tray does.
    console.warn('provisioning-monitor: no tray item:', error);
  }
  const started = monitorApp;
  quitCleanly(async () => {
    tray?.destroy();
    disposeIpc();
    await started.close();
  });

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    // macOS keeps apps (and here the listener) running without windows; elsewhere the last window ends the app.
    if (process.platform !== 'darwin') app.quit();
  });
  window = openWindow();
  // Started last, after the event hub is wired (startMonitorApp subscribed it), so the window sees every change.
  if (monitorApp.monitor.tunnel !== null) void monitorApp.monitor.tunnel.start();
  return monitorApp;
}

// Electron runs this file as the app; imported elsewhere (unit tests under Node) it only defines main().
if (process.versions.electron !== undefined) {
  main().catch((error: unknown) => fatal('Provisioning Monitor failed to start', error instanceof Error ? (error.stack ?? error.message) : String(error)));
}
