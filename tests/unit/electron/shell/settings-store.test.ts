/**
 * The desktop settings (electron-store): SETTINGS_SCHEMA plus the desktop's own keys, in the same settings.json
 * the core's conf store uses; defaults, schema refusals, persistence, an older headless file taken over, and the
 * ngrok authtoken encrypted with safeStorage or stored with a visible warning.
 */

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/api/admin-types.js';
import { createSettingsStore } from '../../../../electron/settings/store.js';
import { fake, resetElectron } from '../../../mocks/electron.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

const { DESKTOP_DEFAULTS, openDesktopSettings, PLAIN_TEXT_WARNING, safeStorageCipher, settingsFile } = await import('../../../../electron/shell/settings-store.js');

let dir: string;
const readFile = () => JSON.parse(readFileSync(settingsFile(dir), 'utf8')) as Record<string, unknown>;

beforeEach(() => {
  resetElectron();
  dir = mkdtempSync(join(tmpdir(), 'pm-desktop-settings-'));
  fake.app.setPath('userData', dir);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDesktopSettings', () => {
  it("writes the defaults to <userData>/settings.json, the core's monitor settings included", () => {
    const settings = openDesktopSettings();
    expect(settings.path).toBe(settingsFile(dir));
    expect(readFile()).toMatchObject({ ...DEFAULT_SETTINGS, listenerPort: 7643, listenerHost: '127.0.0.1', theme: 'system', tunnel: { provider: 'none' }, secretsInPlainText: false });
    expect(settings.listener()).toEqual({ host: '127.0.0.1', port: 7643 });
    expect(settings.windowBounds()).toEqual(DESKTOP_DEFAULTS.window);
    expect(settings.tunnel()).toBeUndefined();
    expect(settings.secretWarning()).toBeNull();
  });

  it('persists window bounds, tunnel and theme across reopening', () => {
    const settings = openDesktopSettings();
    settings.setWindowBounds({ x: -1200, y: 40, width: 1000, height: 700, maximized: true });
    settings.setTunnel({ provider: 'localtunnel', host: 'https://lt.example.com', subdomain: 'contoso-scim' });
    settings.setTheme('dark');
    const reopened = openDesktopSettings();
    expect(reopened.windowBounds()).toEqual({ x: -1200, y: 40, width: 1000, height: 700, maximized: true });
    expect(reopened.tunnel()).toEqual({ provider: 'localtunnel', host: 'https://lt.example.com', subdomain: 'contoso-scim' });
    expect(reopened.theme()).toBe('dark');
  });

  it('refuses values the schema does not allow, and keeps the previous ones', () => {
    const settings = openDesktopSettings();
    expect(() => settings.setTheme('neon' as never)).toThrow(/theme/);
    expect(() => settings.setTunnel({ provider: 'teleport' as never })).toThrow(/tunnel/);
    expect(() => settings.setTunnel({ provider: 'ngrok', extra: 1 } as never)).toThrow(/tunnel/);
    expect(() => settings.setWindowBounds({ width: 10, height: 700, maximized: false })).toThrow(/window/);
    expect(() => settings.setWindowBounds({ width: '1000', height: 700, maximized: false } as never)).toThrow(/window/);
    expect(settings.theme()).toBe('system');
    expect(settings.tunnel()).toBeUndefined();
    expect(settings.windowBounds()).toEqual(DESKTOP_DEFAULTS.window);
  });

  it('refuses a hand-edited file the schema rejects: it is set aside and the defaults are used', () => {
    writeFileSync(settingsFile(dir), JSON.stringify({ ...DESKTOP_DEFAULTS, listenerPort: 70000, retentionDays: -1 }));
    const settings = openDesktopSettings();
    expect(settings.listener().port).toBe(7643);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.invalid-'))).toBe(true);
  });

  it('takes over a settings.json written by `serve`, keeping its values and adding the desktop keys', () => {
    writeFileSync(settingsFile(dir), JSON.stringify({ cycleIdleGapMinutes: 9, retentionDays: 7, maxDatabaseMb: 512 }));
    openDesktopSettings();
    expect(readFile()).toMatchObject({ cycleIdleGapMinutes: 9, retentionDays: 7, maxDatabaseMb: 512, listenerPort: 7643, theme: 'system' });
  });

  it("shares the file with the core's conf store: each sees the other's writes and keeps the other's keys", () => {
    const desktop = openDesktopSettings();
    desktop.setTheme('light');
    const core = createSettingsStore(dir);
    expect(core.get()).toEqual(DEFAULT_SETTINGS);
    core.update({ retentionDays: 90 });
    desktop.setTunnel({ provider: 'cloudflared' });
    expect(readFile()).toMatchObject({ retentionDays: 90, theme: 'light', tunnel: { provider: 'cloudflared' } });
    expect(createSettingsStore(dir).get().retentionDays).toBe(90);
    expect(openDesktopSettings().theme()).toBe('light');
  });
});

describe('secrets', () => {
  it('encrypts the ngrok authtoken with safeStorage when the OS can, and hands it decrypted to the tunnel', () => {
    const settings = openDesktopSettings();
    settings.setTunnel({ provider: 'ngrok', domain: 'contoso.ngrok.app' });
    expect(settings.setNgrokAuthtoken('2abcSECRET')).toEqual({ encrypted: true });
    expect(readFileSync(settingsFile(dir), 'utf8')).not.toContain('2abcSECRET');
    expect(readFile()).toMatchObject({ secrets: { ngrokAuthtoken: { encrypted: true } }, secretsInPlainText: false });
    expect(openDesktopSettings().tunnel()).toEqual({ provider: 'ngrok', domain: 'contoso.ngrok.app', authtoken: '2abcSECRET' });
    expect(settings.secretWarning()).toBeNull();
  });

  it('stores it in plain text with a visible warning flag when safeStorage is unavailable', () => {
    fake.safeStorage.available = false;
    const settings = openDesktopSettings();
    settings.setTunnel({ provider: 'ngrok' });
    expect(settings.setNgrokAuthtoken('2abcSECRET')).toEqual({ encrypted: false });
    expect(readFile()).toMatchObject({ secrets: { ngrokAuthtoken: { value: '2abcSECRET', encrypted: false } }, secretsInPlainText: true });
    expect(settings.secretWarning()).toBe(PLAIN_TEXT_WARNING);
    expect(settings.tunnel()).toMatchObject({ authtoken: '2abcSECRET' });
    settings.setNgrokAuthtoken(null);
    expect(settings.secretWarning()).toBeNull();
    expect(readFileSync(settingsFile(dir), 'utf8')).not.toContain('2abcSECRET');
  });

  it("treats Linux's basic_text backend (no keyring) as no encryption", () => {
    fake.safeStorage.backend = 'basic_text';
    expect(safeStorageCipher.available()).toBe(process.platform !== 'linux');
  });

  it('drops an authtoken that can no longer be decrypted rather than failing', () => {
    const settings = openDesktopSettings();
    settings.setTunnel({ provider: 'ngrok' });
    writeFileSync(settingsFile(dir), JSON.stringify({ ...readFile(), secrets: { ngrokAuthtoken: { value: 'Z2FyYmFnZQ==', encrypted: true } } }));
    expect(settings.tunnel()).toEqual({ provider: 'ngrok' });
    expect(existsSync(settingsFile(dir))).toBe(true);
  });
});
