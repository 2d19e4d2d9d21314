/**
 * Opens the admin UI in the default browser, best effort: a headless machine has none, and that is fine (the
 * address is printed anyway).
 */

import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  // CI and tests never open windows.
  if (process.env.CI || process.env.VITEST) return;
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener installed: the printed address is enough.
  }
}
