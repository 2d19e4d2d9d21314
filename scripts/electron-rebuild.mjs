// `npm run electron:rebuild [-- --arch=arm64]`: builds better-sqlite3 for Electron's ABI into native/electron/,
// leaving node_modules/better-sqlite3/build (the Node build that tests and `serve` load) untouched.
// `--check` only verifies that native/electron/ holds a build for this Electron and platform (`npm run dist` runs it).
//
// Why not @electron/rebuild or electron-builder's rebuild: both rebuild node_modules in place, so the Node build is
// lost (plain-Node tests break), and here npm's `nodedir` setting even made them label a Node-ABI build as
// Electron's (design/stack.md §1, "The rebuild trap"). This script compiles a copy in a temporary folder with
// node-gyp against Electron's headers, with every npm_config_* variable removed, checks the result is NOT loadable
// by this Node (it must carry Electron's NODE_MODULE_VERSION), and copies it out with a build-info.json that the
// app checks at start (electron/shell/native.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const log = (line) => console.log(`electron:rebuild: ${line}`);
/** The temporary copy being compiled, removed on every way out. */
let work;
const refuse = (line) => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  console.error(`electron:rebuild: ${line}\nelectron:rebuild: nothing was changed (node_modules/better-sqlite3 and native/electron/ are as they were).`);
  process.exit(1);
};

const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const abi = readFileSync(join(dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8').trim();
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const betterSqlite3 = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
const arch = process.argv.find((arg) => arg.startsWith('--arch='))?.slice('--arch='.length) ?? process.arch;
const distUrl = process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';
const devdir = process.env.ELECTRON_GYP_DIR ?? join(homedir(), '.electron-gyp');
const outDir = join(root, 'native', 'electron');

if (process.argv.includes('--check')) {
  let info;
  try {
    info = JSON.parse(readFileSync(join(outDir, 'build-info.json'), 'utf8'));
  } catch {
    info = undefined;
  }
  const wanted = { electron, abi, betterSqlite3, platform: process.platform, arch };
  const wrong = info === undefined || !existsSync(join(outDir, 'better_sqlite3.node')) ? ['missing'] : Object.keys(wanted).filter((key) => info[key] !== wanted[key]);
  if (wrong.length > 0) {
    console.error(`electron:rebuild: native/electron/ has no better-sqlite3 build for ${JSON.stringify(wanted)} (${wrong.join(', ')}); run \`npm run electron:rebuild\` first.`);
    process.exit(1);
  }
  log(`native/electron/ matches Electron ${electron} (ABI ${abi}) on ${process.platform}-${arch}.`);
  process.exit(0);
}

// 1. Electron's headers: cached by an earlier run, or downloadable now. Otherwise stop before touching anything.
const cached = existsSync(join(devdir, electron, 'include', 'node', 'node_version.h'));
if (!cached) {
  const url = `${distUrl}/v${electron}/node-v${electron}-headers.tar.gz`;
  let problem;
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(20_000) });
    if (!response.ok) problem = `HTTP ${response.status}`;
  } catch (error) {
    problem = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
  }
  if (problem !== undefined) {
    refuse(
      `cannot download the Electron ${electron} headers from ${url} (${problem}). ` +
        'Run this on a machine that can reach electronjs.org (or set ELECTRON_HEADERS_URL to a mirror).',
    );
  }
}

// 2. Compile a copy. node-gyp comes from node_modules, or the copy bundled with npm.
const nodeGyp = [() => require.resolve('node-gyp/bin/node-gyp.js'), () => join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')]
  .map((candidate) => {
    try {
      return candidate();
    } catch {
      return undefined;
    }
  })
  .find((path) => path !== undefined && existsSync(path));
if (nodeGyp === undefined) refuse('node-gyp was not found (it ships with npm); install it with `npm install -g node-gyp`.');

work = mkdtempSync(join(tmpdir(), 'pm-electron-rebuild-'));
try {
  const copy = join(work, 'better-sqlite3');
  cpSync(sqliteDir, copy, { recursive: true, filter: (path) => !/^(build|node_modules)(\/|\\|$)/.test(relative(sqliteDir, path)) });
  // npm passes its config to scripts as npm_config_*; node-gyp reads nodedir, target, runtime, dist-url… from there.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
  log(`building better-sqlite3 ${betterSqlite3} for Electron ${electron} (ABI ${abi}, ${process.platform}-${arch}); this takes about 2 minutes…`);
  const build = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', `--target=${electron}`, `--arch=${arch}`, `--dist-url=${distUrl}`, `--devdir=${devdir}`],
    { cwd: copy, env, stdio: 'inherit' },
  );
  if (build.status !== 0) refuse(`node-gyp failed (exit ${build.status ?? build.signal}); see its output above.`);
  const addon = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(addon)) refuse(`node-gyp finished but ${addon} is missing.`);

  // 3. A build this Node can load was made against Node's headers: exactly the trap this script exists to avoid.
  if (arch === process.arch) {
    const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(addon)})`], { encoding: 'utf8', env });
    if (probe.status === 0) refuse(`the result loads in Node ${process.version}, so it was built against Node's headers, not Electron's.`);
    const found = /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires/.exec(probe.stderr)?.[1];
    if (found !== undefined && found !== abi) refuse(`the result has NODE_MODULE_VERSION ${found}, but Electron ${electron} needs ${abi}.`);
  }

  // 4. Copy it out, with what it was built for.
  mkdirSync(outDir, { recursive: true });
  copyFileSync(addon, join(outDir, 'better_sqlite3.node'));
  writeFileSync(join(outDir, 'build-info.json'), `${JSON.stringify({ electron, abi, betterSqlite3, platform: process.platform, arch, builtAt: new Date().toISOString() }, null, 2)}\n`);
  // A per-platform binary: packaged, never committed.
  writeFileSync(join(root, 'native', '.gitignore'), '*\n');
  log(`wrote ${relative(root, join(outDir, 'better_sqlite3.node'))}; node_modules/better-sqlite3 was not touched.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
