/**
 * Where the monitor keeps its data: the same folder the desktop app uses (Electron's `userData` for the product
 * name), so `serve` and the desktop app share one database.
 */

import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Provisioning Monitor';

/** Mirrors Electron's `app.getPath('userData')`: appData (per platform) joined with the product name. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PROVISIONING_MONITOR_DATA_DIR) return env.PROVISIONING_MONITOR_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
