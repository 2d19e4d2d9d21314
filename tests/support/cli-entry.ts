/**
 * Runs the real `provisioning-monitor` CLI from source, with no build: `node --import tsx tests/support/cli-entry.ts
 * serve --port 0 …`. The same dispatch as bin/provisioning-monitor.js, which needs dist/.
 */

import { main } from '../../electron/cli/main.js';

const code = await main(process.argv.slice(2));
// `serve` keeps running until a signal; every other command ends here.
if (process.argv[2] !== 'serve' || code !== 0) process.exitCode = code;
