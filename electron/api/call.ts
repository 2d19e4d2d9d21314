/**
 * Runs one MonitorApi call: validates the input against the contract's schema and turns any failure into a
 * result, so neither transport ever sees an exception.
 */

import { MONITOR_API, type MethodName, type MonitorApiHandlers } from '../../shared/api/contract.js';
import { ApiFailure, fail, ok, type ApiResult } from '../../shared/api/result.js';

const isMethod = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(MONITOR_API, name);

export async function callApi(handlers: MonitorApiHandlers, name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (!isMethod(name)) return fail('not-found', `No MonitorApi method "${name}".`);
  const parsed = MONITOR_API[name].input.safeParse(input ?? undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail('invalid-argument', `Invalid input for ${name}${where}: ${issue?.message ?? 'invalid'}.`);
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof ApiFailure) return fail(error.code, error.message);
    console.error(`provisioning-monitor: MonitorApi ${name} failed:`, error);
    return fail('internal', `${name} failed unexpectedly; see the monitor's console output.`);
  }
}
