/**
 * Query figures on a 1,000,000-row request log (issue "Performance"; issue 3, "Speed and memory"): filtered pages
 * of 100 (≤ 50 ms p95), free-text search (≤ 200 ms p95), failure groups / cycles / health-like counters (≤ 100 ms
 * p95), and the peak RSS of the process serving them (≤ 300 MB). Each figure is the p95 of varied calls through the
 * same MonitorApi handlers the UI uses, on a fixture built in a child process (bench/servers/log-fixture.ts).
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from '../shared/api/admin-types.js';
import type { ApiDeps } from '../electron/api/deps.js';
import { failureHandlers } from '../electron/api/failures.js';
import type { LogQueryInput } from '../electron/api/log-query.js';
import { logLister } from '../electron/api/logs.js';
import { openStore, type Store } from '../electron/monitor.js';
import { healthEvidence } from '../electron/provisioning/health-evidence.js';
import type { FixtureSummary } from './log-fixture.js';
import type { Figure } from './figure.js';

const HOUR = 3_600_000;

function buildInChild(dataDir: string, rows: number, now: number): Promise<FixtureSummary> {
  const script = fileURLToPath(new URL('./servers/log-fixture.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(rows), String(now)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim()) as FixtureSummary) : reject(new Error(`fixture build exited with ${code}`))));
  });
}

const p95 = (samples: readonly number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
};
const round = (value: number): number => Math.round(value * 10) / 10;

function depsFor(store: Store, dataDir: string, now: number): ApiDeps {
  return {
    store,
    settings: { get: () => DEFAULT_SETTINGS, update: () => DEFAULT_SETTINGS },
    health: { current: () => { throw new Error('not measured here'); } },
    scimUrl: () => 'http://127.0.0.1:0/scim/v2',
    tunnel: () => null,
    dataDir,
    version: 'bench',
    now: () => now,
  };
}

/** The Health screen's evidence, gathered by the monitor's own code (cycles, recent auth failures, last success). */
function healthCounters(store: Store, now: number): () => unknown {
  const gather = healthEvidence(store.db);
  return () => gather(now);
}

export async function logQueryFigures(options: { rows?: number } = {}): Promise<Figure[]> {
  const rows = options.rows ?? 1_000_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-log-'));
  try {
    const now = Date.now();
    const summary = await buildInChild(dataDir, rows, now);
    console.log(`log fixture: ${summary.rows} rows, ${summary.cycles} cycles, built in ${(summary.buildMs / 1000).toFixed(1)} s`);
    const store = openStore(dataDir);
    let peakRss = process.memoryUsage.rss();
    const time = (run: () => unknown): number => {
      const started = performance.now();
      run();
      const elapsed = performance.now() - started;
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      return elapsed;
    };
    const deps = depsFor(store, dataDir, now);
    const list = logLister(store.db);
    const groups = failureHandlers(deps)['failures.groups'];
    // The first read puts every failure of the fixture into its group (migration 0006); in use this happens a few
    // rows at a time, on each read after new failures arrived.
    const signing = time(() => groups(undefined));
    console.log(`failure signatures assigned for the whole fixture in ${signing.toFixed(0)} ms (once)`);

    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n);
    const deepId = (): number => 1 + random(Math.floor(summary.rows / 10));
    const pages: (() => LogQueryInput)[] = [
      () => ({ outcome: ['Failure'] }),
      () => ({ outcome: ['Failure'], before: 1 + random(summary.rows) }),
      () => ({ operation: ['create'], before: 1 + random(summary.rows) }),
      () => ({ identity: `user${random(1800)}` }),
      () => ({ identity: `user${random(180)}`, outcome: ['Success'] }),
      () => ({ identity: `USER1` }),
      () => ({ cycleId: 1 + random(summary.cycles) }),
      () => ({ from: now - (1 + random(700)) * HOUR, to: now - random(700) * HOUR + HOUR }),
      () => ({ before: deepId() }),
      () => ({ outcome: ['Failure'], operation: ['update'], statusMin: 400, before: deepId() + summary.rows / 2 }),
      () => ({ method: ['PATCH'], statusMin: 500 }),
      () => ({ entity: ['Group'], action: ['Update'], before: 1 + random(summary.rows) }),
    ];
    const searches: (() => LogQueryInput)[] = [
      () => ({ text: `user${random(1800)}@` }),
      () => ({ text: 'EntryConflict' }),
      () => ({ text: '/Groups' }),
      () => ({ text: `no such thing ${random(1000)}` }),
      () => ({ text: 'contoso', before: 1 + random(summary.rows) }),
      () => ({ text: 'userName eq', outcome: ['Failure'] }),
    ];
    const cycles = (): unknown => store.cycles.list(50);
    const counters = healthCounters(store, now);
    const aggregates: (() => unknown)[] = [
      () => groups({ from: now - 24 * HOUR }),
      () => groups(undefined),
      () => groups({ unresolvedOnly: true }),
      () => groups({ cycleId: 1 + random(summary.cycles) }),
      () => groups({ identity: `user${random(1800)}` }),
      // The admin's report without the rehearsals (the fixture's simulated cycles).
      () => groups({ source: ['entra'] }),
      cycles,
      counters,
    ];
    const runs = (makers: readonly (() => unknown)[], rounds: number, call: (made: unknown) => unknown): number[] => {
      const samples: number[] = [];
      for (let round = 0; round < rounds; round += 1) for (const make of makers) samples.push(time(() => call(make())));
      return samples;
    };
    const page = runs(pages, 5, (query) => list(query as LogQueryInput));
    const search = runs(searches, 6, (query) => list(query as LogQueryInput));
    const aggregate = runs(aggregates, 6, (result) => result);
    store.db.close();
    const figures: Figure[] = [
      { name: 'log.fixture.build_s', value: round(summary.buildMs / 1000), unit: 's' },
      { name: 'log.page.p95_ms', value: round(p95(page)), unit: 'ms', goal: '<= 50' },
      { name: 'log.search.p95_ms', value: round(p95(search)), unit: 'ms', goal: '<= 200' },
      { name: 'log.aggregate.p95_ms', value: round(p95(aggregate)), unit: 'ms', goal: '<= 100' },
      { name: 'serve.rss_mb', value: Math.round(peakRss / 2 ** 20), unit: 'MB', goal: '<= 300' },
    ];
    console.log(`log queries: ${page.length} pages, ${search.length} searches, ${aggregate.length} aggregates; max ${round(Math.max(...page))} / ${round(Math.max(...search))} / ${round(Math.max(...aggregate))} ms`);
    return figures;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
