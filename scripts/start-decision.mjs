// What `npm start` launches, decided from what is on disk; kept apart from start.mjs so a unit test can check every
// case (tests/unit/electron/shell/start-decision.test.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Electron 42+ fetches its binary lazily: it is there only once node_modules/electron/path.txt and dist/ exist. */
export function findElectronBinary(root, env = process.env) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, name ?? 'electron');
    return existsSync(binary) ? binary : undefined;
  }
  if (name === undefined || name === '') return undefined;
  const binary = join(pkg, 'dist', name);
  return existsSync(binary) ? binary : undefined;
}

/** Newest modification time (ms) of the files under `paths` (folders walked); 0 when none exist. */
export function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const children = readdirSync(path).filter((name) => name !== 'node_modules' && !name.startsWith('.')).map((name) => join(path, name));
      newest = Math.max(newest, newestMtime(children));
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** True when `target` is missing or older than any of `sources`. */
export function isStale(target, sources) {
  return !existsSync(target) || statSync(target).mtimeMs < newestMtime(sources);
}

const GET_DESKTOP = 'for the desktop app, run `npx install-electron` (or `npm ci` with network access) on a connected machine, then `npm run electron:rebuild`';

/**
 * `{ mode: 'electron' }` when everything the desktop app needs is present, else `{ mode: 'serve', reason }`, where
 * reason completes "Starting headless because …" in one line, including how to get the desktop app.
 *
 * @param {{ electronBinary: string | undefined, shellBuilt: boolean, uiBuilt: boolean, nativeAddon: boolean }} state
 */
export function decideLaunch(state) {
  if (state.electronBinary === undefined) return { mode: 'serve', reason: `Electron's binary is not installed here; ${GET_DESKTOP}` };
  if (!state.nativeAddon) {
    return { mode: 'serve', reason: 'better-sqlite3 has no Electron build yet (native/electron/); run `npm run electron:rebuild` on a machine that can download Electron headers' };
  }
  if (!state.shellBuilt) return { mode: 'serve', reason: 'the desktop shell did not build; run `npm run build:shell` to see why' };
  if (!state.uiBuilt) return { mode: 'serve', reason: 'the UI did not build (dist/renderer/index.html is missing); run `npm run build:ui` to see why' };
  return { mode: 'electron' };
}
