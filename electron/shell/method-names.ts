/**
 * The MonitorApi's method names, as a plain list the preload can bundle.
 *
 * shared/api/contract.ts holds the same names as keys of MONITOR_API, next to their zod schemas; importing it from
 * the preload would bundle zod (about 450 kB minified) into every window for the sake of 22 strings. The compiler
 * keeps this list complete (below) and tests/unit/electron/shell/method-names.test.ts keeps it equal, in order, to
 * Object.keys(MONITOR_API). The import is type-only, so nothing of the contract reaches the bundle.
 */

import type { MethodName } from '../../shared/api/contract.js';

export const PRELOAD_METHOD_NAMES = [
  'status.get',
  'tokens.list',
  'tokens.create',
  'tokens.revoke',
  'tokens.recreate',
  'logs.list',
  'logs.get',
  'replay.draft',
  'replay.resend',
  'cycles.overview',
  'cycles.list',
  'cycles.get',
  'failures.groups',
  'health.get',
  'health.history',
  'directory.users',
  'directory.groups',
  'directory.identity',
  'scope.get',
  'scope.set',
  'scope.importCsv',
  'coverage.get',
  'settings.get',
  'settings.update',
  'exports.start',
  'exports.get',
  'exports.list',
  'exports.cancel',
  'faults.get',
  'faults.set',
  'faults.clear',
  'simulate.start',
  'simulate.get',
  'simulate.cancel',
] as const satisfies readonly MethodName[];

/** A method of the contract missing from the list above; `never` when the list is complete. */
export type MissingFromPreload = Exclude<MethodName, (typeof PRELOAD_METHOD_NAMES)[number]>;

// A type error on this line names the contract method to add above.
const _complete: [MissingFromPreload] extends [never] ? true : MissingFromPreload = true;
