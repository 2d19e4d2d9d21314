/**
 * The Electron build of better-sqlite3 is used only when it matches the running Electron; otherwise the app says
 * what to run instead of crashing with NODE_MODULE_VERSION.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkNativeBinding, NATIVE_ADDON_FILE, NATIVE_BUILD_INFO_FILE, type NativeBuildInfo } from '../../../../electron/shell/native.js';

const runtime: NativeBuildInfo = { electron: '45.5.0', abi: '150', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-native-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (info: Partial<NativeBuildInfo>) => {
  writeFileSync(join(dir, NATIVE_ADDON_FILE), 'not really an addon');
  writeFileSync(join(dir, NATIVE_BUILD_INFO_FILE), JSON.stringify(info));
};

describe('checkNativeBinding', () => {
  it('accepts a build for this Electron ABI, platform and better-sqlite3 version', () => {
    write(runtime);
    expect(checkNativeBinding(dir, runtime)).toEqual({ ok: true, path: join(dir, NATIVE_ADDON_FILE) });
  });

  it('says to run electron:rebuild when the addon is missing', () => {
    const check = checkNativeBinding(dir, runtime);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(/missing.*npm run electron:rebuild/s);
  });

  it('refuses a build for another ABI (a Node build mislabelled as Electron, or another Electron)', () => {
    write({ ...runtime, abi: '115' });
    const check = checkNativeBinding(dir, runtime);
    expect(!check.ok && check.problem).toMatch(/ABI 115.*ABI 150/s);
  });

  it('refuses a build from another better-sqlite3 version, or without build info', () => {
    write({ ...runtime, betterSqlite3: '12.10.0' });
    expect(checkNativeBinding(dir, runtime).ok).toBe(false);
    rmSync(join(dir, NATIVE_BUILD_INFO_FILE));
    expect(checkNativeBinding(dir, runtime).ok).toBe(false);
  });
});
