// `npm start`: builds what is stale, opens the desktop app when Electron's binary (and the Electron build of
// better-sqlite3) is installed, and otherwise runs the same core headless (`serve`), saying why in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideLaunch, findElectronBinary, isStale } from './start-decision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

// tsc -b only rebuilds when sources changed since the last build; it emits the core and the shell's main process.
if (!run('npx', ['tsc', '-b', 'tsconfig.node.json'])) process.exit(1);

// The UI, for both the desktop window and the browser that `serve` opens.
const uiIndex = at('dist', 'renderer', 'index.html');
if (isStale(uiIndex, [at('renderer'), at('vite.config.ts')]) && !run('npm', ['run', '--silent', 'build:ui'])) {
  console.warn(existsSync(uiIndex) ? 'npm start: the UI did not rebuild; using the previous build.' : 'npm start: the UI did not build.');
}

const electronBinary = findElectronBinary(root);
const preload = at('dist', 'electron', 'shell', 'preload.cjs');
if (electronBinary !== undefined && isStale(preload, [at('electron', 'shell'), at('build', 'icons')])) run('node', [at('scripts', 'build-shell.mjs')]);

const decision = decideLaunch({
  electronBinary,
  shellBuilt: existsSync(at('dist', 'electron', 'shell', 'main.js')) && existsSync(preload),
  uiBuilt: existsSync(uiIndex),
  nativeAddon: existsSync(at('native', 'electron', 'better_sqlite3.node')),
});
const passThrough = process.argv.slice(2);
// The child gets its own process group, so a Ctrl+C or a signal sent to npm's group reaches it exactly once, through
// here: a second signal during the clean stop (closing the database) would cut it short.
const detached = process.platform !== 'win32';
const forwardSignals = (child) => {
  // npm may pass the same signal on as well: one per burst reaches the child; a later one (a second Ctrl+C) too.
  let last = 0;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (Date.now() - last < 1500) return;
      last = Date.now();
      child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
};

if (decision.mode === 'electron') {
  // `electron <root>` runs package.json "main" (dist/electron/shell/main.js), as the installed app does.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  forwardSignals(spawn(electronBinary, [root, ...passThrough], { cwd: root, stdio: 'inherit', env, detached }));
} else {
  console.log(`Starting headless because ${decision.reason}.`);
  forwardSignals(spawn(process.execPath, [at('bin', 'provisioning-monitor.js'), 'serve', ...passThrough], { cwd: root, stdio: 'inherit', detached }));
}
