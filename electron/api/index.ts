/**
 * The MonitorApi implementation, one module per namespace, over the monitor's store.
 */

import type { MonitorApiHandlers } from '../../shared/api/contract.js';
import { coverageHandlers } from './coverage.js';
import { cycleHandlers } from './cycles.js';
import type { ApiDeps } from './deps.js';
import { directoryHandlers } from './directory.js';
import { exportHandlers } from './exports.js';
import { failureHandlers } from './failures.js';
import { faultHandlers } from './faults.js';
import { healthHandlers } from './health.js';
import { logHandlers } from './logs.js';
import { replayHandlers } from './replay.js';
import { scopeHandlers } from './scope.js';
import { settingsHandlers } from './settings.js';
import { simulateHandlers } from './simulate.js';
import { statusHandlers } from './status.js';
import { tokenHandlers } from './tokens.js';

export function createMonitorApi(deps: ApiDeps): MonitorApiHandlers {
  return {
    ...statusHandlers(deps),
    ...tokenHandlers(deps),
    ...logHandlers(deps),
    ...replayHandlers(deps),
    ...cycleHandlers(deps),
    ...failureHandlers(deps),
    ...healthHandlers(deps),
    ...directoryHandlers(deps),
    ...scopeHandlers(deps),
    ...coverageHandlers(deps),
    ...settingsHandlers(deps),
    ...exportHandlers(deps),
    ...faultHandlers(deps),
    ...simulateHandlers(deps),
  };
}
