/**
 * The append-only list of schema migrations. Never edit an applied one: add the next number instead; the runner
 * refuses to open a database whose applied migrations no longer match their text (design/style.md §6.8).
 */

import { sql as directory } from './0001-directory.js';
import { sql as tokens } from './0002-tokens.js';
import { sql as requestLog } from './0003-request-log.js';
import { sql as classification } from './0004-classification.js';
import { sql as semantics } from './0005-cycles-scope-health.js';
import { sql as failuresLogSearch } from './0006-failures-log-search.js';
import { sql as failuresFromRecorder } from './0007-failures-from-recorder.js';
import { sql as replay } from './0008-replay.js';
import { sql as partialLogIndexes } from './0009-partial-log-indexes.js';
import { sql as cyclesEntraWork } from './0010-cycles-entra-work.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'directory', sql: directory },
  { version: 2, name: 'tokens', sql: tokens },
  { version: 3, name: 'request-log', sql: requestLog },
  { version: 4, name: 'classification', sql: classification },
  { version: 5, name: 'cycles-scope-health', sql: semantics },
  { version: 6, name: 'failures-log-search', sql: failuresLogSearch },
  { version: 7, name: 'failures-from-recorder', sql: failuresFromRecorder },
  { version: 8, name: 'replay', sql: replay },
  { version: 9, name: 'partial-log-indexes', sql: partialLogIndexes },
  { version: 10, name: 'cycles-entra-work', sql: cyclesEntraWork },
];
