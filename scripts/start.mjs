// `npm start`: builds what is stale, opens the desktop app when Electron's binary is installed, and otherwise runs
// the same core headless (`serve`), saying why in one line.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

// tsc -b only rebuilds when sources changed since the last build.
if (run('npx', ['tsc', '-b', 'tsconfig.node.json']).status !== 0) process.exit(1);

/** Electron 42+ downloads its binary lazily; it is usable only once node_modules/electron/path.txt exists. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const shellMain = join(root, 'dist', 'electron', 'shell', 'main.js');
const passThrough = process.argv.slice(2);
if (binary && existsSync(shellMain)) {
  const child = spawn(binary, [shellMain, ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = binary ? 'the desktop shell is not built in this version' : "Electron's binary is not installed here (run `npx install-electron` on a connected machine)";
  console.log(`Starting headless because ${why}; the same monitor runs, reachable in your browser and over SCIM.`);
  const child = spawn(process.execPath, [join(root, 'bin', 'provisioning-monitor.js'), 'serve', ...passThrough], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
