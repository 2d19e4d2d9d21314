/**
 * Starts `provisioning-monitor serve` as a real child process (from source, through cli-entry.ts) and waits for its
 * `SCIM endpoint:` line; keeps everything it prints so a test can search it (for a leaked secret, for example).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServeProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT/scim/v2` */
  readonly scimUrl: string;
  /** Everything printed on stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  readonly exited: Promise<number | string>;
}

/** Spawns `serve` with `args` (after `serve`); rejects if it exits or prints nothing useful within `boundMs`. */
export function startServe(args: readonly string[], boundMs = 30_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'serve', '--no-open', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    const bound = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start within ${boundMs} ms:\n${output}`));
    }, boundMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const url = /SCIM endpoint: (\S+)/.exec(output)?.[1];
      if (url !== undefined) {
        clearTimeout(bound);
        resolve({ child, scimUrl: url, output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(bound);
      reject(new Error(`serve exited (${code}) before it was ready:\n${output}`));
    });
  });
}
