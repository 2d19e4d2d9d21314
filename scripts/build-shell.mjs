// `npm run build:shell` (after `tsc -b`, which emits the main-process files): bundles the preload into ONE CommonJS
// file, dist/electron/shell/preload.cjs, because a sandboxed preload can require nothing but `electron`; then
// copies the window and tray icons next to it (build/ is not packaged).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'electron', 'shell');
const outfile = join(outDir, 'preload.cjs');
/** The bridge is a few hundred lines; more means something like zod was pulled in (see electron/shell/method-names.ts). */
const MAX_BYTES = 16 * 1024;

await build({
  entryPoints: [join(root, 'electron', 'shell', 'preload.ts')],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // Electron 45 ships Chromium 142.
  target: 'chrome140',
  external: ['electron'],
  legalComments: 'none',
  logLevel: 'warning',
});

const code = readFileSync(outfile, 'utf8');
const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
const foreign = required.filter((name) => name !== 'electron');
if (foreign.length > 0) {
  console.error(`build:shell: the preload bundle requires ${foreign.join(', ')}; a sandboxed preload may only require electron.`);
  process.exit(1);
}
if (code.length > MAX_BYTES) {
  console.error(`build:shell: the preload bundle is ${code.length} bytes (limit ${MAX_BYTES}); did a runtime import of shared/api/contract.ts creep in?`);
  process.exit(1);
}

const assets = join(outDir, 'assets');
mkdirSync(assets, { recursive: true });
for (const [from, to] of [['16x16.png', 'tray.png'], ['32x32.png', 'tray@2x.png'], ['512x512.png', 'icon-512.png']]) {
  copyFileSync(join(root, 'build', 'icons', from), join(assets, to));
}
console.log(`build:shell: ${outfile.slice(root.length + 1)} (${code.length} bytes, requires only electron) and ${assets.slice(root.length + 1)}/`);
