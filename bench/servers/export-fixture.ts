/**
 * Builds the export benchmark's log in its own process (so the build's memory never counts in the export's RSS):
 * exactly FAILURES failed requests among about as many successes (bench/export.ts). Prints one JSON line.
 */

import { openStore } from '../../electron/monitor.js';
import { buildExportFixture } from '../export.js';

const [dataDir, failures = '100000', now = String(Date.now())] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: export-fixture.ts DATA_DIR [FAILURES] [NOW]');
const store = openStore(dataDir);
const summary = buildExportFixture(store, Number(failures), Number(now));
store.db.close();
process.stdout.write(`${JSON.stringify(summary)}\n`);
