/**
 * `provisioning-monitor simulate`: an Entra-like provisioning client against a SCIM Tenant URL
 * (electron/simulate/, entra-behavior.md §5). Exit code 0 when every operation passed, 1 when any failed or the
 * target cannot be reached, 2 for a bad invocation.
 */

import { parseArgs } from 'node:util';
import type { PatchDialect } from '../../shared/domain/operation.js';
import { parseTarget, simulate as runSimulation, SIMULATE_DEFAULTS } from '../simulate/simulator.js';
import { UsageError } from './usage.js';

const DIALECTS: readonly PatchDialect[] = ['default', 'aadOptscim062020'];

function whole(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return value;
}

/** Runs the simulation and prints progress and the summary; resolves to the exit code. */
export async function simulate(args: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      target: { type: 'string' },
      token: { type: 'string' },
      users: { type: 'string' },
      groups: { type: 'string' },
      dialect: { type: 'string' },
      concurrency: { type: 'string' },
      cycles: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.target) throw new UsageError('simulate needs --target, the Tenant URL (e.g. http://127.0.0.1:7643/scim/v2).');
  if (!values.token) throw new UsageError('simulate needs --token, the Secret Token the listener accepts.');
  try {
    parseTarget(values.target);
  } catch {
    throw new UsageError(`--target must be an http(s) URL such as http://127.0.0.1:7643/scim/v2, got "${values.target}".`);
  }
  if (values.dialect !== undefined && !DIALECTS.includes(values.dialect as PatchDialect)) {
    throw new UsageError(`--dialect must be default or aadOptscim062020, got "${values.dialect}".`);
  }
  const users = whole('users', values.users, 0, 10_000);
  const groups = whole('groups', values.groups, 0, 1_000);
  const concurrency = whole('concurrency', values.concurrency, 1, 64);
  const cycles = whole('cycles', values.cycles, 1, 100);
  const result = await runSimulation({
    target: values.target,
    token: values.token,
    ...(users === undefined ? {} : { users }),
    ...(groups === undefined ? {} : { groups }),
    ...(values.dialect === undefined ? {} : { dialect: values.dialect as PatchDialect }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(cycles === undefined ? {} : { cycles }),
    seed: values.seed ?? SIMULATE_DEFAULTS.seed,
    progress: out,
  });
  out('');
  for (const line of result.summary) out(line);
  return result.failed === 0 ? 0 : 1;
}
