/**
 * `npm run bench [-- --json FILE] [-- --seconds N] [-- --skip-log] [-- --skip-export]`: throughput and latency of the
 * SCIM listener (logging on) next to a bare node:http server measured in the same run on the same machine, then
 * queries on a 1,000,000-row log (bench/log-queries.ts; `--skip-log` leaves them out), then a CSV export of 100,000
 * failures (bench/export.ts; `--skip-export` leaves it out), then the UI (bench/ui.ts; `--skip-ui`). Prints tables;
 * never asserts.
 */

import autocannon, { type RequestSpec } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportFigures } from './export.js';
import { logQueryFigures } from './log-queries.js';
import { recordCostFigures } from './record-cost.js';
import { uiFigures } from './ui.js';
import type { Figure } from './figure.js';

const { values } = parseArgs({ options: { json: { type: 'string' }, seconds: { type: 'string', default: '8' }, users: { type: 'string', default: '2000' }, 'skip-log': { type: 'boolean', default: false }, 'skip-export': { type: 'boolean', default: false }, 'skip-ui': { type: 'boolean', default: false } } });
const seconds = Number(values.seconds);
const CONNECTIONS = 10;

async function launch<T>(script: string, args: string[] = []): Promise<{ child: ChildProcess; info: T }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, info: JSON.parse(first) as T };
}

const stop = (child: ChildProcess): Promise<void> => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });

/** CPU time (user + system, all threads) a process has used so far, in µs; null where /proc is missing. */
function cpuMicros(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1_000_000 / CLOCK_TICKS);
  } catch {
    return null;
  }
}
/** USER_HZ: Linux reports process times in 1/100 s on every architecture Node runs on. */
const CLOCK_TICKS = 100;

/**
 * One autocannon run. Besides req/s and p99 it records the server's CPU per answered request: the ratio to the
 * baseline says how much work a request costs, independent of how the two cores were shared with the load generator.
 */
async function measure(url: string, request: RequestSpec, server: ChildProcess): Promise<{ rps: number; p99: number; errors: number; cpuUs: number | null }> {
  const before = cpuMicros(server.pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: [request] });
  const after = cpuMicros(server.pid);
  const cpuUs = before === null || after === null || result.requests.total === 0 ? null : Math.round((after - before) / result.requests.total);
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx, cpuUs };
}

const rotate = <T>(items: readonly T[]): (() => T) => {
  let i = 0;
  return () => items[(i++) % items.length]!;
};

const baseline = await launch<{ port: number }>('./servers/baseline.ts');
const base = await measure(`http://127.0.0.1:${baseline.info.port}`, { method: 'GET', path: '/scim/v2/Users?filter=userName+eq+%22x%22' }, baseline.child);
await stop(baseline.child);

const listener = await launch<{ port: number; secret: string; ids: string[] }>('./servers/listener.ts', [values.users]);
const { port, secret, ids } = listener.info;
const url = `http://127.0.0.1:${port}`;
const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' };
const nextIndex = rotate(ids.map((_, i) => i));
const nextId = rotate(ids);
let created = 0;
let patched = 0;
const runs: Record<string, RequestSpec> = {
  match: { method: 'GET', headers, setupRequest: (r) => ({ ...r, path: `/scim/v2/Users?filter=userName+eq+%22user${nextIndex()}%40contoso.com%22` }) },
  get: { method: 'GET', headers, setupRequest: (r) => ({ ...r, path: `/scim/v2/Users/${nextId()}` }) },
  create: {
    method: 'POST',
    headers,
    path: '/scim/v2/Users',
    setupRequest: (r) => ({ ...r, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `bench${created++}@contoso.com`, active: true, displayName: `Bench ${created}` }) }),
  },
  patch: {
    method: 'PATCH',
    headers,
    setupRequest: (r) => ({
      ...r,
      path: `/scim/v2/Users/${nextId()}`,
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'displayName', value: `Patched ${patched++}` }] }),
    }),
  },
};
const goals: Record<string, number> = { match: 0.5, get: 0.5, create: 0.3, patch: 0.3 };
const cpuCell = (us: number | null): string => (us === null ? '-' : String(us));
const figures: Figure[] = [{ name: 'baseline.http.rps', value: Math.round(base.rps), unit: 'req/s' }];
if (base.cpuUs !== null) figures.push({ name: 'baseline.http.cpu_us_per_req', value: base.cpuUs, unit: 'µs' });
const rows: string[][] = [['baseline (bare node:http)', String(Math.round(base.rps)), base.p99.toFixed(1), '1.00', cpuCell(base.cpuUs), '', String(base.errors)]];
for (const [name, request] of Object.entries(runs)) {
  const result = await measure(url, request, listener.child);
  const ratio = result.rps / base.rps;
  const goal = goals[name]!;
  figures.push({ name: `scim.${name}.rps`, value: Math.round(result.rps), unit: 'req/s', goal: `>= ${goal}x baseline` });
  figures.push({ name: `scim.${name}.p99_ms`, value: result.p99, unit: 'ms', goal: '<= 15' });
  if (result.cpuUs !== null) figures.push({ name: `scim.${name}.cpu_us_per_req`, value: result.cpuUs, unit: 'µs' });
  const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const goalCell = `${goal}x: ${verdict(ratio >= goal)}, p99<=15ms: ${verdict(result.p99 <= 15)}`;
  rows.push([`scim ${name}`, String(Math.round(result.rps)), result.p99.toFixed(1), ratio.toFixed(2), cpuCell(result.cpuUs), goalCell, String(result.errors)]);
}
await stop(listener.child);
const recordCost = await recordCostFigures();
figures.push(...recordCost);

const header = ['run', 'req/s', 'p99 ms', 'x baseline', 'server CPU µs/req', 'goal', 'errors'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(`\n${CONNECTIONS} connections, ${seconds}s per run, ${ids.length} users stored, logging on\n`);
console.log(line(header));
for (const row of rows) console.log(line(row));
const [withIndexes, unindexed] = recordCost;
console.log(`\nlogging alone (${withIndexes!.name}): ${withIndexes!.value} ${withIndexes!.unit} of CPU per logged GET, the floor under scim get's CPU beyond the baseline's`);
console.log(`the same without the four indexes every row enters (${unindexed!.name}): ${unindexed!.value} ${unindexed!.unit}`);
if (!values['skip-log']) {
  const logFigures = await logQueryFigures();
  figures.push(...logFigures);
  const met = (f: Figure): string => (f.goal === undefined ? '' : `${f.goal}: ${f.value <= Number(f.goal.replace('<=', '')) ? 'met' : 'MISSED'}`);
  console.log('\n1,000,000 logged requests (p95 of varied calls)\n');
  for (const f of logFigures) console.log(`${f.name.padEnd(22)}  ${String(f.value).padStart(7)} ${f.unit.padEnd(3)}  ${met(f)}`);
}
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version };
if (!values['skip-export']) {
  const exported = await exportFigures();
  figures.push(...exported);
  console.log('\n100,000 failures exported to the CSV trio (failures only)\n');
  for (const f of exported) console.log(`${f.name.padEnd(38)}  ${String(f.value).padStart(7)} ${f.unit.padEnd(3)}  ${f.goal === undefined ? '' : `${f.goal}: ${f.value <= Number(f.goal.replace('<=', '')) ? 'met' : 'MISSED'}`}`);
}
if (!values['skip-ui']) {
  // The UI figures (bench/ui.ts): long tasks with Live open under 200 req/s, first paint on a 1,000,000-row log.
  const ui = await uiFigures();
  figures.push(...ui);
  console.log('\nUI (Debian Chromium)\n');
  for (const f of ui) console.log(`${f.name.padEnd(38)}  ${String(f.value).padStart(7)} ${f.unit.padEnd(5)}  ${f.goal === undefined ? '' : `${f.goal}: ${f.value <= Number(f.goal.replace('<=', '')) ? 'met' : 'MISSED'}`}`);
}
if (values.json) writeFileSync(values.json, JSON.stringify({ machine, results: figures }, null, 2));
