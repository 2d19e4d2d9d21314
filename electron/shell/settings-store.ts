/**
 * The desktop app's settings: electron-store over `<userData>/settings.json`, the same file the core's conf store
 * (electron/settings/store.ts) keeps the monitor settings in, since the data directory is `userData`.
 *
 * The schema is SETTINGS_SCHEMA (retention, cycle gap, database size; validated identically by both stores) plus
 * what only the desktop needs: the listener's port and bind address, window bounds, the tunnel, the theme and the
 * tunnel's secret. conf accepts keys its schema does not name, so `serve` on the same data dir reads the file too.
 *
 * Secrets (the ngrok authtoken) are encrypted with safeStorage when the OS offers real encryption. Where it does
 * not (no keyring on Linux: the `basic_text` backend), the secret is stored as plain text and `secretsInPlainText`
 * is set in the file, so the UI and anyone reading the file can see the warning.
 */

import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import Store, { type Schema } from 'electron-store';
import type { Settings } from '../../shared/api/admin-types.js';
import { DEFAULT_PORT } from '../cli/serve.js';
import { DEFAULT_SETTINGS, SETTINGS_CONFIG_NAME, SETTINGS_SCHEMA } from '../settings/schema.js';
import type { TunnelConfig } from '../tunnel/create-provider.js';
import { TUNNEL_PROVIDER_NAMES, type TunnelProviderName } from '../tunnel/types.js';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface WindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/** The tunnel as stored: the provider and its options; the authtoken lives in `secrets`. */
export interface StoredTunnel {
  readonly provider: TunnelProviderName;
  readonly host?: string;
  readonly subdomain?: string;
  readonly domain?: string;
  readonly cloudflaredPath?: string;
}

export interface StoredSecret {
  /** base64 of safeStorage's ciphertext when `encrypted`, else the secret itself. */
  readonly value: string;
  readonly encrypted: boolean;
}

export type DesktopSettingsData = { -readonly [K in keyof Settings]: Settings[K] } & {
  listenerPort: number;
  listenerHost: string;
  window: WindowBounds;
  tunnel: StoredTunnel;
  theme: Theme;
  secrets: { ngrokAuthtoken?: StoredSecret };
  /** The visible warning: some secret is stored unencrypted because safeStorage has no real encryption here. */
  secretsInPlainText: boolean;
};

export const DEFAULT_WINDOW: WindowBounds = { width: 1280, height: 820, maximized: false };

export const DESKTOP_DEFAULTS: DesktopSettingsData = {
  ...DEFAULT_SETTINGS,
  listenerPort: DEFAULT_PORT,
  listenerHost: '127.0.0.1',
  window: DEFAULT_WINDOW,
  tunnel: { provider: 'none' },
  theme: 'system',
  secrets: {},
  secretsInPlainText: false,
};

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const coordinate = { type: 'integer', minimum: -100_000, maximum: 100_000 } as const;

export const DESKTOP_SCHEMA: Schema<DesktopSettingsData> = {
  ...SETTINGS_SCHEMA,
  listenerPort: { type: 'integer', minimum: 0, maximum: 65_535, description: 'Port of the SCIM listener; 0 takes a free one.' },
  listenerHost: { type: 'string', pattern: '^[0-9A-Fa-f:.]{2,45}$', description: 'Address the SCIM listener binds (127.0.0.1 keeps it on this machine).' },
  window: {
    type: 'object',
    properties: { x: coordinate, y: coordinate, width: { type: 'integer', minimum: 400, maximum: 20_000 }, height: { type: 'integer', minimum: 300, maximum: 20_000 }, maximized: { type: 'boolean' } },
    required: ['width', 'height', 'maximized'],
    additionalProperties: false,
  },
  tunnel: {
    type: 'object',
    properties: { provider: { enum: [...TUNNEL_PROVIDER_NAMES] }, host: text(500), subdomain: text(63), domain: text(253), cloudflaredPath: text(4096) },
    required: ['provider'],
    additionalProperties: false,
  },
  theme: { enum: [...THEMES] },
  secrets: {
    type: 'object',
    properties: {
      ngrokAuthtoken: { type: 'object', properties: { value: text(10_000), encrypted: { type: 'boolean' } }, required: ['value', 'encrypted'], additionalProperties: false },
    },
    additionalProperties: false,
  },
  secretsInPlainText: { type: 'boolean' },
};

/** Encryption for secrets at rest; safeStorage in the app, a fake in tests. */
export interface SecretCipher {
  /** False when the OS gives no real encryption (then secrets are stored in plain text, with the warning set). */
  available(): boolean;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export const safeStorageCipher: SecretCipher = {
  // On Linux without a keyring safeStorage "encrypts" with a hard-coded key (`basic_text`): that is plain text.
  available: () => safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
  decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
};

export const PLAIN_TEXT_WARNING =
  'The ngrok authtoken is stored unencrypted in settings.json: this system offers no keyring to encrypt it (safeStorage unavailable).';

export interface DesktopSettings {
  readonly path: string;
  listener(): { readonly host: string; readonly port: number };
  windowBounds(): WindowBounds;
  setWindowBounds(bounds: WindowBounds): void;
  /** The tunnel for startMonitorApp, with the decrypted authtoken; undefined for `none`. */
  tunnel(): TunnelConfig | undefined;
  setTunnel(tunnel: StoredTunnel): void;
  theme(): Theme;
  setTheme(theme: Theme): void;
  /** Stores (or with null, removes) the ngrok authtoken; says whether it was encrypted. */
  setNgrokAuthtoken(token: string | null): { readonly encrypted: boolean };
  /** PLAIN_TEXT_WARNING while a secret is stored unencrypted, else null. */
  secretWarning(): string | null;
}

function openStore(cwd: string | undefined): Store<DesktopSettingsData> {
  const options = { name: SETTINGS_CONFIG_NAME, schema: DESKTOP_SCHEMA, defaults: DESKTOP_DEFAULTS, ...(cwd === undefined ? {} : { cwd }) };
  try {
    return new Store<DesktopSettingsData>(options);
  } catch (error) {
    // Same rule as the core's store: a file the schema refuses is kept aside for the admin, never silently lost.
    const file = settingsFile(cwd ?? app.getPath('userData'));
    if (!existsSync(file)) throw error;
    const aside = `${file}.invalid-${Date.now()}`;
    renameSync(file, aside);
    console.warn(`provisioning-monitor: ${file} was invalid (${error instanceof Error ? error.message : String(error)}); moved to ${aside}, using defaults.`);
    return new Store<DesktopSettingsData>(options);
  }
}

/** Opens the settings in `cwd` (Electron's userData when omitted: the app's data directory). */
export function openDesktopSettings(options: { readonly cwd?: string; readonly cipher?: SecretCipher } = {}): DesktopSettings {
  const store = openStore(options.cwd);
  const cipher = options.cipher ?? safeStorageCipher;

  const authtoken = (): string | undefined => {
    const secret = store.get('secrets').ngrokAuthtoken;
    if (secret === undefined) return undefined;
    if (!secret.encrypted) return secret.value;
    try {
      return cipher.decrypt(secret.value);
    } catch (error) {
      // A keyring reset makes the ciphertext unreadable; ngrok then falls back to NGROK_AUTHTOKEN.
      console.warn('provisioning-monitor: the stored ngrok authtoken cannot be decrypted; set it again.', error);
      return undefined;
    }
  };

  return {
    path: store.path,
    listener: () => ({ host: store.get('listenerHost'), port: store.get('listenerPort') }),
    windowBounds: () => store.get('window'),
    setWindowBounds: (bounds) => store.set('window', { ...bounds }),
    tunnel() {
      const stored = store.get('tunnel');
      if (stored.provider === 'none') return undefined;
      const token = stored.provider === 'ngrok' ? authtoken() : undefined;
      return { ...stored, ...(token === undefined ? {} : { authtoken: token }) };
    },
    setTunnel: (tunnel) => store.set('tunnel', { ...tunnel }),
    theme: () => store.get('theme'),
    setTheme: (theme) => store.set('theme', theme),
    setNgrokAuthtoken(token) {
      if (token === null) {
        store.set({ secrets: {}, secretsInPlainText: false });
        return { encrypted: false };
      }
      const encrypted = cipher.available();
      store.set({ secrets: { ngrokAuthtoken: { value: encrypted ? cipher.encrypt(token) : token, encrypted } }, secretsInPlainText: !encrypted });
      return { encrypted };
    },
    secretWarning: () => (store.get('secretsInPlainText') ? PLAIN_TEXT_WARNING : null),
  };
}

/** The settings file of a data directory (what `openDesktopSettings` opens when the data dir is userData). */
export const settingsFile = (dataDir: string): string => join(dataDir, `${SETTINGS_CONFIG_NAME}.json`);
