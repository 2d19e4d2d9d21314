/**
 * Where the desktop app finds its own files, from source (tests), from dist/ (`npm start`) and inside app.asar
 * (installed). Everything is relative to the package root, the folder holding package.json.
 */

import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RENDERER_DIR } from '../monitor-app.js';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** A path inside app.asar as the OS sees it: files matched by `asarUnpack` live beside it in app.asar.unpacked. */
export const unpacked = (path: string): string => path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);

export const APP_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The renderer page (`npm run build:ui`), loaded with `loadFile`. */
export const RENDERER_INDEX = join(RENDERER_DIR, 'index.html');

/** The page's URL: IPC senders must be this document (ipc.ts). */
export const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href;

/** The preload, bundled to one CommonJS file by `npm run build:shell` (a sandboxed preload cannot require ../shared). */
export const PRELOAD_BUNDLE = join(APP_ROOT, 'dist', 'electron', 'shell', 'preload.cjs');

/** Window and tray icons, copied from build/icons by `npm run build:shell` (build/ is not packaged). */
export const ASSETS_DIR = join(APP_ROOT, 'dist', 'electron', 'shell', 'assets');

/** better-sqlite3 built for Electron's ABI by `npm run electron:rebuild`; unpacked from the asar when installed. */
export const NATIVE_ELECTRON_DIR = unpacked(join(APP_ROOT, 'native', 'electron'));
