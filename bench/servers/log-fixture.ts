/**
 * Builds the 1M-row log fixture in its own process, so the build's memory (a large page cache, batches of rows)
 * never counts in the RSS the query benchmark reports. Prints one JSON line with the summary.
 */

import { openStore } from '../../electron/monitor.js';
import { buildLogFixture } from '../log-fixture.js';

const [dataDir, rows = '1000000', now = String(Date.now())] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: log-fixture.ts DATA_DIR [ROWS] [NOW]');
const store = openStore(dataDir);
const summary = buildLogFixture(store, Number(rows), Number(now));
store.db.close();
process.stdout.write(`${JSON.stringify(summary)}\n`);
