// `node scripts/make-icons.mjs`: rasterises the app icon (build/icon.svg) into the PNGs electron-builder and the
// tray use: build/icon.png (1024) and build/icons/<n>x<n>.png. Sizes up to 24 px come from build/icon-small.svg,
// a bolder variant without the fine detail that turns to mush at tray size. The PNGs are committed, so only a
// change to an SVG needs this script; it uses Debian's rsvg-convert (apt-get install -y librsvg2-bin).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const build = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const SMALL_MAX = 24;

function rasterise(svg, size, out) {
  const result = spawnSync('rsvg-convert', ['--width', String(size), '--height', String(size), '--keep-aspect-ratio', '--output', out, svg], { encoding: 'utf8' });
  if (result.error?.code === 'ENOENT') {
    console.error('make-icons: rsvg-convert is not installed (Debian: apt-get install -y librsvg2-bin).');
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`make-icons: rsvg-convert failed for ${out}: ${result.stderr.trim()}`);
    process.exit(1);
  }
}

mkdirSync(join(build, 'icons'), { recursive: true });
for (const size of ICON_SIZES) {
  const svg = join(build, size <= SMALL_MAX ? 'icon-small.svg' : 'icon.svg');
  rasterise(svg, size, join(build, 'icons', `${size}x${size}.png`));
}
rasterise(join(build, 'icon.svg'), 1024, join(build, 'icon.png'));
console.log(`make-icons: wrote build/icon.png and build/icons/{${ICON_SIZES.join(',')}} from build/icon.svg and build/icon-small.svg`);
