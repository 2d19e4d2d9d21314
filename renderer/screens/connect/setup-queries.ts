/**
 * The MonitorApi queries behind the setup checklist's evidence (use-setup-evidence.ts), kept apart from the hook so
 * a test can run exactly these against a real monitor.
 *
 * Only Entra's traffic counts: the checklist tells the admin whether Entra itself is wired up, and the monitor's own
 * simulator and Replay authenticate with internal tokens Entra does not have (LogRow.source). Cycles are inferred
 * from all traffic, so only those in which Entra did work are asked for.
 */

import type { MethodInput } from '../../../shared/api/contract.js';

/** Requests from outside the app: Entra's, not the simulator's or Replay's. */
const ENTRA: ['entra'] = ['entra'];

export const SETUP_QUERIES = {
  okProbe: { operation: ['test-connection'], statusMin: 200, statusMax: 299, source: ENTRA, limit: 1 },
  okAny: { statusMin: 200, statusMax: 299, source: ENTRA, limit: 1 },
  auth: { statusMin: 401, statusMax: 401, source: ENTRA, limit: 1 },
  // 404s on /Users/{id} are Entra's normal "does it still exist?" reads; only paths outside /scim/v2 mean a bad URL.
  notFound: { statusMin: 404, statusMax: 404, entity: ['Unknown'], source: ENTRA, limit: 1 },
  discovery: { operation: ['discovery'], source: ENTRA, limit: 1 },
} as const satisfies Record<string, MethodInput<'logs.list'>>;

export const SETUP_CYCLES: MethodInput<'cycles.list'> = { limit: 100, workFrom: ENTRA };
