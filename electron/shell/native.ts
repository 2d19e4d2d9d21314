/**
 * better-sqlite3 for Electron's ABI (architecture.md, "Native module, two ABIs").
 *
 * node_modules/better-sqlite3/build holds the addon built for Node: tests and `serve` load it. The desktop app
 * loads a second build, made for Electron by `npm run electron:rebuild` into native/electron/ and passed to
 * better-sqlite3 as its `nativeBinding` option. The build writes build-info.json beside the addon, and this check
 * turns a missing or mismatched build into one sentence instead of a NODE_MODULE_VERSION crash.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Names shared with scripts/electron-rebuild.mjs, which writes them. */
export const NATIVE_ADDON_FILE = 'better_sqlite3.node';
export const NATIVE_BUILD_INFO_FILE = 'build-info.json';

export interface NativeBuildInfo {
  readonly electron: string;
  /** NODE_MODULE_VERSION of that Electron (process.versions.modules inside it). */
  readonly abi: string;
  readonly betterSqlite3: string;
  readonly platform: string;
  readonly arch: string;
}

export type NativeCheck = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly problem: string };

const REBUILD = 'Run `npm run electron:rebuild` on a machine that can download Electron headers, then start again.';

export function checkNativeBinding(dir: string, runtime: NativeBuildInfo): NativeCheck {
  const addon = join(dir, NATIVE_ADDON_FILE);
  if (!existsSync(addon)) return { ok: false, problem: `The Electron build of better-sqlite3 is missing (${addon}). ${REBUILD}` };
  let info: Partial<NativeBuildInfo>;
  try {
    info = JSON.parse(readFileSync(join(dir, NATIVE_BUILD_INFO_FILE), 'utf8')) as Partial<NativeBuildInfo>;
  } catch {
    return { ok: false, problem: `${join(dir, NATIVE_BUILD_INFO_FILE)} is missing or unreadable, so the addon's ABI is unknown. ${REBUILD}` };
  }
  if (info.abi !== runtime.abi || info.platform !== runtime.platform || info.arch !== runtime.arch) {
    return {
      ok: false,
      problem:
        `The better-sqlite3 addon was built for Electron ${info.electron ?? '?'} (ABI ${info.abi ?? '?'}, ${info.platform ?? '?'}-${info.arch ?? '?'}), ` +
        `but this is Electron ${runtime.electron} (ABI ${runtime.abi}, ${runtime.platform}-${runtime.arch}). ${REBUILD}`,
    };
  }
  if (info.betterSqlite3 !== runtime.betterSqlite3) {
    return { ok: false, problem: `The addon was built from better-sqlite3 ${info.betterSqlite3 ?? '?'}, but ${runtime.betterSqlite3} is installed. ${REBUILD}` };
  }
  return { ok: true, path: addon };
}
