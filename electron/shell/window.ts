/**
 * The one app window: isolated, sandboxed, no Node, the bundled preload, the renderer from dist/renderer via
 * file://, shown once painted, and reopened where the user left it.
 */

import { join } from 'node:path';
import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';
import { PRODUCT_NAME } from '../data-dir.js';
import { ASSETS_DIR, PRELOAD_BUNDLE, RENDERER_INDEX } from './paths.js';
import { DEFAULT_WINDOW, type DesktopSettings, type WindowBounds } from './settings-store.js';

export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
/** How much of a saved window must lie on some display for the position to be reused. */
const MIN_VISIBLE = { width: 160, height: 80 };
const SAVE_DELAY_MS = 500;

/** The constructor options. `webSecurity`, `allowRunningInsecureContent` and friends keep their safe defaults. */
export function windowOptions(bounds: WindowBounds, icon: string | undefined = join(ASSETS_DIR, 'icon-512.png')): BrowserWindowConstructorOptions {
  return {
    ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    width: Math.max(bounds.width, MIN_WIDTH),
    height: Math.max(bounds.height, MIN_HEIGHT),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: PRODUCT_NAME,
    ...(icon === undefined ? {} : { icon }),
    webPreferences: {
      preload: PRELOAD_BUNDLE,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The saved bounds, without a position that would put the window off every display (a monitor unplugged since). */
export function onScreen(bounds: WindowBounds, workAreas: readonly Rectangle[]): WindowBounds {
  if (bounds.x === undefined || bounds.y === undefined) return bounds;
  const { x, y } = bounds;
  const visible = workAreas.some((area) => {
    const width = Math.min(x + bounds.width, area.x + area.width) - Math.max(x, area.x);
    const height = Math.min(y + bounds.height, area.y + area.height) - Math.max(y, area.y);
    return width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height;
  });
  return visible ? bounds : { width: bounds.width, height: bounds.height, maximized: bounds.maximized };
}

/** Creates the window, loads the renderer and keeps its bounds in the settings. */
export function createMainWindow(settings: Pick<DesktopSettings, 'windowBounds' | 'setWindowBounds'>): BrowserWindow {
  let saved: WindowBounds;
  try {
    saved = onScreen(settings.windowBounds(), screen.getAllDisplays().map((display) => display.workArea));
  } catch {
    saved = DEFAULT_WINDOW;
  }
  const window = new BrowserWindow(windowOptions(saved));

  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    window.show();
  });

  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isMinimized()) return;
    const { x, y, width, height } = window.getNormalBounds();
    settings.setWindowBounds({ x, y, width, height, maximized: window.isMaximized() });
  };
  const saveSoon = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);

  window.loadFile(RENDERER_INDEX).catch((error: unknown) => console.error(`provisioning-monitor: could not load ${RENDERER_INDEX}:`, error));
  return window;
}
