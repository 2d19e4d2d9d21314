/**
 * The app window: the security options, the bundled preload, the renderer loaded with loadFile, shown when
 * painted, and its bounds remembered (and dropped when they would be off every screen).
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, makeEvent, resetElectron } from '../../../mocks/electron.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

const { createMainWindow, MIN_HEIGHT, MIN_WIDTH, onScreen, windowOptions } = await import('../../../../electron/shell/window.js');
const { PRELOAD_BUNDLE, RENDERER_INDEX } = await import('../../../../electron/shell/paths.js');

beforeEach(() => resetElectron());

const bounds = { width: 1200, height: 800, maximized: false };

describe('windowOptions', () => {
  it('isolates and sandboxes the page, without Node, with the bundled CommonJS preload', () => {
    const { webPreferences } = windowOptions(bounds);
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false });
    expect(webPreferences?.preload).toBe(PRELOAD_BUNDLE);
    expect(PRELOAD_BUNDLE).toMatch(/dist[\\/]electron[\\/]shell[\\/]preload\.cjs$/);
  });

  it('leaves webSecurity and insecure-content blocking at their defaults, and never enables remote or experimental features', () => {
    const { webPreferences } = windowOptions(bounds);
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) expect(webPreferences, key).not.toHaveProperty(key);
  });

  it('starts hidden, at the saved size and position, never below the minimum', () => {
    expect(windowOptions({ x: 10, y: 20, width: 1300, height: 900, maximized: false })).toMatchObject({ show: false, x: 10, y: 20, width: 1300, height: 900 });
    const small = windowOptions({ width: 400, height: 300, maximized: false });
    expect(small).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
    expect(small).not.toHaveProperty('x');
  });
});

describe('onScreen', () => {
  const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('keeps a position that is visible', () => {
    expect(onScreen({ x: 100, y: 100, ...bounds }, displays)).toEqual({ x: 100, y: 100, ...bounds });
  });
  it('drops a position on a display that is gone, keeping the size', () => {
    expect(onScreen({ x: 2500, y: 100, ...bounds }, displays)).toEqual(bounds);
    expect(onScreen({ x: 1900, y: 1060, ...bounds }, displays)).toEqual(bounds);
  });
});

describe('createMainWindow', () => {
  const settings = () => {
    let saved = { x: 50, y: 60, width: 1100, height: 700, maximized: true };
    return { windowBounds: () => saved, setWindowBounds: vi.fn((next: typeof saved) => (saved = next)), get saved() { return saved; } };
  };

  it('loads dist/renderer/index.html with loadFile and shows the window only when ready to show', () => {
    const window = createMainWindow(settings()) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(window.loadedFile).toBe(RENDERER_INDEX);
    expect(RENDERER_INDEX).toMatch(/dist[\\/]renderer[\\/]index\.html$/);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    expect(window.maximized).toBe(true);
  });

  it('creates exactly one window with the saved bounds and remembers them on close', () => {
    const store = settings();
    const window = createMainWindow(store) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(window.options).toMatchObject({ x: 50, y: 60, width: 1100, height: 700 });
    window.bounds = { x: 5, y: 6, width: 1000, height: 650 };
    window.maximized = false;
    window.emit('close', makeEvent());
    expect(store.setWindowBounds).toHaveBeenLastCalledWith({ x: 5, y: 6, width: 1000, height: 650, maximized: false });
  });

  it('saves a moved window after a short pause, not on every pixel', async () => {
    vi.useFakeTimers();
    try {
      const store = settings();
      const window = createMainWindow(store) as unknown as InstanceType<typeof fake.BrowserWindow>;
      window.emit('move');
      window.emit('move');
      window.emit('resize');
      expect(store.setWindowBounds).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(600);
      expect(store.setWindowBounds).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
