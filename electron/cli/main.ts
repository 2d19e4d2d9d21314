/**
 * The `provisioning-monitor` command: dispatches to a sub-command and maps failures to exit codes
 * (2 for a bad invocation, 1 for anything else).
 */

import { exportLogs } from './export.js';
import { serve } from './serve.js';
import { simulate } from './simulate.js';
import { token } from './token.js';
import { USAGE, UsageError } from './usage.js';

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'serve':
        await serve(args);
        return 0;
      case 'token':
        token(args);
        return 0;
      case 'simulate':
        return await simulate(args);
      case 'export':
        await exportLogs(args);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    console.error(`provisioning-monitor: ${error instanceof Error ? error.message : String(error)}`);
    if (usage) process.stderr.write(`\n${USAGE}`);
    return usage ? 2 : 1;
  }
}
