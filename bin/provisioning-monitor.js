#!/usr/bin/env node
// Entry point of the `provisioning-monitor` command. Runs the compiled core in dist/ (`npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../dist/electron/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('provisioning-monitor: not built yet; run `npm run build` first.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
const code = await main(process.argv.slice(2));
// `serve` keeps running until a signal; every other command ends here.
if (process.argv[2] !== 'serve' || code !== 0) process.exitCode = code;
