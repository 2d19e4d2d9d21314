/**
 * Export benchmark (issue 7 "Speed"; issue 10): 100,000 failures exported to the CSV trio, failures only, in ≤ 5 s
 * with flat memory. `export.csv_100k_failures.s` is the wall time of `runExport` (the code the MonitorApi's export
 * jobs and the `export` command run); `export.csv_100k_failures.rss_delta_mb` is the peak RSS during the export
 * above the RSS just before it, sampled between chunks.
 *
 * The log holds exactly 100,000 failures among about as many successes (bench/log-fixture.ts at a 50% failure
 * rate, trimmed), built in a child process so its memory is not counted.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runExport } from '../electron/export/run.js';
import { openStore, type Store } from '../electron/monitor.js';
import { buildLogFixture } from './log-fixture.js';
import type { Figure } from './figure.js';

export interface ExportFixtureSummary {
  readonly rows: number;
  readonly failures: number;
  readonly buildMs: number;
}

/** Fills `store` with exactly `failures` failed requests (and about as many successes) ending at `now`. */
export function buildExportFixture(store: Store, failures: number, now: number): ExportFixtureSummary {
  const started = performance.now();
  // A 50% failure rate over non-discovery requests (99% of them) gives ~0.495 failures a row; 2.1x covers it.
  buildLogFixture(store, Math.ceil(failures * 2.1), now, { failureRate: 0.5 });
  const count = (): number => store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM failures').get()?.n ?? 0;
  const excess = count() - failures;
  if (excess < 0) throw new Error(`the fixture has ${count()} failures, fewer than ${failures}`);
  // The newest surplus failures go; their bodies, modified properties and failures rows follow by ON DELETE CASCADE.
  store.db.prepare('DELETE FROM requests WHERE id IN (SELECT request_id FROM failures ORDER BY request_id DESC LIMIT ?)').run(excess);
  const rows = store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM requests').get()?.n ?? 0;
  return { rows, failures: count(), buildMs: performance.now() - started };
}

function buildInChild(dataDir: string, failures: number, now: number): Promise<ExportFixtureSummary> {
  const script = fileURLToPath(new URL('./servers/export-fixture.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(failures), String(now)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim()) as ExportFixtureSummary) : reject(new Error(`export fixture build exited with ${code}`))));
  });
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

export async function exportFigures(options: { failures?: number; runs?: number } = {}): Promise<Figure[]> {
  const failures = options.failures ?? 100_000;
  const runs = options.runs ?? 3;
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-export-'));
  try {
    const summary = await buildInChild(dataDir, failures, Date.now());
    console.log(`export fixture: ${summary.failures} failures in ${summary.rows} rows, built in ${(summary.buildMs / 1000).toFixed(1)} s`);
    const store = openStore(dataDir);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let rssDelta = 0;
    let loopDelayMax = 0;
    let chunkCpuMax = 0;
    let bytes = 0;
    try {
      for (let run = 0; run < runs; run += 1) {
        globalThis.gc?.();
        const before = process.memoryUsage.rss();
        let peak = before;
        const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
        // How long the event loop (the SCIM listener's, in the app) waited at worst while the export ran.
        const loop = monitorEventLoopDelay({ resolution: 5 });
        loop.enable();
        const started = performance.now();
        const cpu = process.cpuUsage();
        // CPU between two progress calls (one chunk: read, format, write): what the export holds the loop for at
        // most, without the time a busy machine keeps the process off the CPU.
        let lastCpu = process.cpuUsage();
        const onProgress = (): void => {
          const used = process.cpuUsage(lastCpu);
          chunkCpuMax = Math.max(chunkCpuMax, (used.user + used.system) / 1000);
          lastCpu = process.cpuUsage();
        };
        const result = await runExport({ db: store.db, format: 'csv', failuresOnly: true, dir: join(dataDir, 'out', String(run)), baseName: 'bench', version: 'bench', onProgress });
        times.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        cpuTimes.push((used.user + used.system) / 1000);
        clearInterval(sample);
        loop.disable();
        loopDelayMax = Math.max(loopDelayMax, loop.max / 1e6);
        peak = Math.max(peak, process.memoryUsage.rss());
        rssDelta = Math.max(rssDelta, peak - before);
        bytes = result.files.reduce((sum, f) => sum + f.bytes, 0);
        if (result.rows !== summary.failures) throw new Error(`exported ${result.rows} rows, expected ${summary.failures}`);
        rmSync(join(dataDir, 'out', String(run)), { recursive: true, force: true });
      }
    } finally {
      store.db.close();
    }
    const best = Math.min(...times);
    const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    console.log(
      `export csv, failures only: ${runs} runs, ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} s (CPU ${cpuTimes.map((t) => (t / 1000).toFixed(2)).join(' / ')} s); ` +
        `best ${(best / 1000).toFixed(2)} s; ${(bytes / 2 ** 20).toFixed(1)} MiB written; peak RSS +${(rssDelta / 2 ** 20).toFixed(0)} MB; ` +
        `event loop delay max ${loopDelayMax.toFixed(0)} ms (a chunk: at most ${chunkCpuMax.toFixed(0)} ms of CPU)`,
    );
    return [
      { name: 'export.fixture.build_s', value: round(summary.buildMs / 1000, 1), unit: 's' },
      { name: 'export.csv_100k_failures.s', value: round(median(times) / 1000), unit: 's', goal: '<= 5' },
      // CPU time of the export process: less sensitive than wall time to other work on the machine.
      { name: 'export.csv_100k_failures.cpu_s', value: round(median(cpuTimes) / 1000), unit: 's' },
      { name: 'export.csv_100k_failures.rss_delta_mb', value: Math.round(rssDelta / 2 ** 20), unit: 'MB' },
      { name: 'export.csv_100k_failures.loop_delay_max_ms', value: Math.round(loopDelayMax), unit: 'ms' },
      { name: 'export.csv_100k_failures.chunk_cpu_max_ms', value: Math.round(chunkCpuMax), unit: 'ms' },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
