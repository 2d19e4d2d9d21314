/**
 * A fake `electron` module for unit tests: Electron's binary cannot run here (design/stack.md §1), so the shell
 * is tested against these stand-ins. Use it with
 *
 *   vi.mock('electron', () => import('../../../mocks/electron.js'));
 *
 * and import `fake` from this file to inspect or drive it (the mock and the import are the same module instance).
 * Only what electron/shell/ and electron-store touch is modelled; `resetElectron()` between tests.
 */

import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/** An event with preventDefault, like Electron's. */
export function makeEvent(extra: Record<string, unknown> = {}): { defaultPrevented: boolean; preventDefault(): void } & Record<string, unknown> {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextId = 1;

export class FakeWebFrame {
  parent: FakeWebFrame | null = null;
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  mainFrame = new FakeWebFrame('about:blank');
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  loadedFile: string | undefined;
  visible = false;
  destroyed = false;
  minimized = false;
  maximized = false;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    this.bounds = { x: (options.x as number) ?? 100, y: (options.y as number) ?? 100, width: (options.width as number) ?? 800, height: (options.height as number) ?? 600 };
    BrowserWindow.instances.push(this);
  }
  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.mainFrame.url = `file://${path}`;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  close(): void {
    const event = makeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  name = 'provisioning-monitor';
  paths: Record<string, string> = {};
  isPackaged = false;
  singleInstance = true;
  /** How many times a quit went through (before-quit not prevented). */
  quits = 0;
  exitCode: number | undefined;
  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return '0.1.0';
  }
  setPath(name: string, path: string): void {
    this.paths[name] = path;
  }
  getPath(name: string): string {
    const path = this.paths[name] ?? (name === 'appData' ? join(tmpdir(), 'pm-fake-appdata') : undefined);
    if (path === undefined) throw new Error(`fake electron: no path "${name}" set`);
    return path;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  isReady(): boolean {
    return true;
  }
  quit(): void {
    const event = makeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quits += 1;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

export const app = new FakeApp();

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    // Electron refuses a second handler for a channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: calls a handler as ipcRenderer.invoke would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed[key] = api;
  },
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin?: string, details?: unknown) => boolean;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  headersListener: { filter: unknown; listener: HeadersListener } | undefined;
  readonly webRequest = {
    onHeadersReceived: (filter: unknown, listener: HeadersListener): void => {
      this.headersListener = { filter, listener };
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: (): boolean => safeStorage.available,
  getSelectedStorageBackend: (): string => safeStorage.backend,
  encryptString: (plain: string): Buffer => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
  decryptString: (cipher: Buffer): string => {
    const text = cipher.toString();
    if (!text.startsWith('enc:')) throw new Error('fake safeStorage: not our ciphertext');
    return Buffer.from(text.slice(4), 'base64').toString();
  },
};

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  tooltip = '';
  menu: { template: unknown[] } | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: unknown[] } | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export const Menu = {
  applicationMenu: null as { template: unknown[] } | null,
  buildFromTemplate: (template: unknown[]): { template: unknown[] } => ({ template }),
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    Menu.applicationMenu = menu;
  },
};

export const clipboard = { writeText: vi.fn((_text: string) => undefined) };
export const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };

/** Everything a test may want to inspect or drive. */
export const fake = { app, ipcMain, ipcRenderer, contextBridge, shell, session, safeStorage, dialog, Menu, clipboard, nativeTheme, BrowserWindow, Tray };

/** Puts the fake back in its initial state. */
export function resetElectron(): void {
  app.removeAllListeners();
  app.name = 'provisioning-monitor';
  app.paths = {};
  app.isPackaged = false;
  app.singleInstance = true;
  app.quits = 0;
  app.exitCode = undefined;
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset();
  contextBridge.exposed = {};
  shell.openExternal.mockClear();
  shell.openPath.mockClear();
  session.defaultSession.permissionRequestHandler = undefined;
  session.defaultSession.permissionCheckHandler = undefined;
  session.defaultSession.headersListener = undefined;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  for (const spy of Object.values(dialog)) spy.mockReset();
  BrowserWindow.instances = [];
  Tray.instances = [];
  Menu.applicationMenu = null;
  clipboard.writeText.mockClear();
  nativeTheme.themeSource = 'system';
}

const electron = { app, ipcMain, ipcRenderer, contextBridge, shell, session, safeStorage, dialog, Tray, Menu, clipboard, nativeTheme, screen, BrowserWindow };
// electron-store does `import electron from 'electron'`; the shell uses named imports. Both must resolve.
// eslint-disable-next-line no-restricted-syntax -- the real module has a default export, so its stand-in must too
export default electron;
