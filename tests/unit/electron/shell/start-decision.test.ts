/**
 * `npm start` opens the desktop app only when everything it needs is there, and otherwise falls back to `serve`
 * with one line saying why and how to get the desktop app.
 */

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideLaunch, findElectronBinary, isStale } from '../../../../scripts/start-decision.mjs';

const ready = { electronBinary: '/x/electron', shellBuilt: true, uiBuilt: true, nativeAddon: true };

describe('decideLaunch', () => {
  it('launches Electron when the binary, the shell, the UI and the Electron build of better-sqlite3 are present', () => {
    expect(decideLaunch(ready)).toEqual({ mode: 'electron' });
  });

  it.each([
    [{ electronBinary: undefined }, /Electron's binary is not installed here; .*npx install-electron.*npm run electron:rebuild/],
    [{ nativeAddon: false }, /no Electron build.*npm run electron:rebuild/],
    [{ shellBuilt: false }, /npm run build:shell/],
    [{ uiBuilt: false }, /npm run build:ui/],
  ])('falls back to serve for %o, saying why and what to do in one line', (missing, reason) => {
    const decision = decideLaunch({ ...ready, ...missing });
    expect(decision.mode).toBe('serve');
    if (decision.mode === 'serve') {
      expect(decision.reason).toMatch(reason);
      expect(decision.reason).not.toContain('\n');
    }
  });
});

describe('findElectronBinary and isStale', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pm-start-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the binary only once path.txt and the downloaded file both exist', () => {
    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    expect(findElectronBinary(root, {})).toBeUndefined();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeUndefined();
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(root, {})).toBe(join(pkg, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    writeFileSync(join(root, 'electron'), '');
    expect(findElectronBinary(join(root, 'nowhere'), { ELECTRON_OVERRIDE_DIST_PATH: root })).toBe(join(root, 'electron'));
  });

  it('calls a build stale when it is missing or older than any source', () => {
    const src = join(root, 'renderer');
    mkdirSync(join(src, 'screens'), { recursive: true });
    writeFileSync(join(src, 'screens', 'a.tsx'), '');
    const out = join(root, 'index.html');
    expect(isStale(out, [src])).toBe(true);
    writeFileSync(out, '');
    utimesSync(join(src, 'screens', 'a.tsx'), new Date(1_000_000), new Date(1_000_000));
    expect(isStale(out, [src])).toBe(false);
    utimesSync(join(src, 'screens', 'a.tsx'), new Date(), new Date(Date.now() + 60_000));
    expect(isStale(out, [src])).toBe(true);
  });
});
