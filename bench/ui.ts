/**
 * UI figures (issue 4 "Speed", issue 10): `ui.longtask_max_ms`, the longest main-thread long task while the Live
 * screen is open and 200 requests/s arrive for 30 s (PerformanceObserver('longtask') in the page), and
 * `ui.first_paint_ms`, the time from opening the page to the first screen painted with its data, on a log of
 * 1,000,000 requests (bench/log-fixture.ts). Debian's Chromium, launched as the e2e tests launch it.
 */

import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMonitorApp, type MonitorApp } from '../electron/monitor-app.js';
import config from '../playwright.config.js';
import { driveLoad, seedUsers } from './ui-load.js';
import { traceMainThread, type MainThreadCpu } from './ui-trace.js';
import type { Figure } from './figure.js';

const RATE = 200;
const SECONDS = 30;
const TRACED_SECONDS = 10;
const FIXTURE_ROWS = 1_000_000;
const PAINT_SAMPLES = 5;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
type Probe = Window & { __longtasks?: number[]; __readyPaint?: number };

/** The e2e project's flags (playwright.config.ts), so the bench browser is the tested browser. */
function launchOptions() {
  const use = config.projects?.[0]?.use;
  return { ...use?.launchOptions, executablePath: '/usr/bin/chromium' };
}

async function startApp(dataDir: string): Promise<MonitorApp> {
  return startMonitorApp({ dataDir, host: '127.0.0.1', port: 0, adminPort: 0 });
}

async function openPage(browser: Browser, app: MonitorApp, probe: () => void): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(app.admin?.issueOpenUrl() ?? '');
  return page;
}

/** Longest long task with Live open under load; the page opens on a log that already has rows, as in use. */
async function longTasks(browser: Browser): Promise<{ max: number; count: number; rps: number; cpu: MainThreadCpu }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-ui-'));
  const app = await startApp(dataDir);
  try {
    const { secret } = app.monitor.tokens.create({ label: 'bench-ui', days: 1 });
    const scimUrl = app.monitor.listener.url;
    const ids = await seedUsers(scimUrl, secret, 200);
    const page = await openPage(browser, app, () => {
      const w = window as Probe;
      w.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longtasks?.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.locator('[data-screen="live"][data-app-state="ready"]').waitFor();
    // Start counting once the screen is up: loading the page is the other figure.
    await page.evaluate(() => void ((window as Probe).__longtasks = []));
    const load = await driveLoad(scimUrl, secret, ids, RATE, SECONDS);
    // The last rows are on screen once the list shows the newest request's id.
    const latest = await app.api['logs.list']({ limit: 1 });
    const newest = latest.rows[0]?.id ?? 0;
    await page.waitForFunction((n) => document.querySelector(`[data-row-id="${n}"]`) !== null, newest, { timeout: 15_000 }).catch(() => undefined);
    const tasks = await page.evaluate(() => (window as Probe).__longtasks ?? []);
    console.log(`ui load: ${load.sent} requests in ${load.seconds.toFixed(1)} s (${load.rps.toFixed(0)}/s), ${load.failed} failed, ${load.skipped} skipped; ${tasks.length} long tasks [${tasks.map((t) => t.toFixed(0)).join(', ')}] ms; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`);
    // A second, traced run: thread time of the same tasks, which the machine's other work cannot inflate.
    const cpu = await traceMainThread(browser, page, () => driveLoad(scimUrl, secret, ids, RATE, TRACED_SECONDS));
    console.log(`ui trace (${TRACED_SECONDS} s): ${cpu.tasks} tasks, longest ${cpu.maxCpuMs.toFixed(0)} ms CPU (${cpu.maxWallMs.toFixed(0)} ms wall), main thread busy ${(cpu.cpuShare * 100).toFixed(0)}% CPU`);
    await page.context().close();
    return { max: Math.max(0, ...tasks), count: tasks.length, rps: load.rps, cpu };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function buildFixture(dataDir: string): Promise<void> {
  const script = join(ROOT, 'bench', 'servers', 'log-fixture.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(FIXTURE_ROWS), String(Date.now())], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? (console.log(`ui fixture: ${out.trim()}`), resolve()) : reject(new Error(`fixture build exited with ${code}`)))));
}

/** Opening the page until the first screen (Live, since the log is not empty) is painted with its data. */
async function firstPaint(browser: Browser): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-ui-1m-'));
  try {
    await buildFixture(dataDir);
    // The fixture spans 30 days; retention would start pruning its oldest rows as the clock moves, in the middle of
    // the measurement, so it is off here (the query figures measure the log on its own).
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ retentionDays: 0, maxDatabaseMb: 0, cycleIdleGapMinutes: 5 }));
    const app = await startApp(dataDir);
    const samples: number[] = [];
    try {
      for (let i = 0; i < PAINT_SAMPLES; i += 1) {
        const page = await openPage(browser, app, () => {
          const w = window as Probe;
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-app-state="ready"]') === null) return;
            observer.disconnect();
            // Two frames: the one that applies the ready state, and the one after it is painted.
            requestAnimationFrame(() => requestAnimationFrame(() => void (w.__readyPaint ??= performance.now())));
          });
          observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app-state'] });
        });
        await page.waitForFunction(() => (window as Probe).__readyPaint !== undefined, null, { timeout: 30_000 });
        const screen = await page.locator('[data-app-state="ready"]').getAttribute('data-screen');
        samples.push(await page.evaluate(() => (window as Probe).__readyPaint ?? 0));
        console.log(`ui first paint #${i + 1}: ${samples.at(-1)?.toFixed(0)} ms (${screen})`);
        await page.context().close();
      }
    } finally {
      await app.close();
    }
    return samples;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function uiFigures(): Promise<Figure[]> {
  // The bench measures the UI as it is now; `npm run build` compiles the core only.
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const browser = await chromium.launch(launchOptions());
  try {
    const tasks = await longTasks(browser);
    const paints = await firstPaint(browser);
    const sorted = [...paints].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    return [
      { name: 'ui.longtask_max_ms', value: Math.round(tasks.max), unit: 'ms', goal: '<= 100' },
      { name: 'ui.longtask_count', value: tasks.count, unit: 'tasks' },
      { name: 'ui.longtask_max_cpu_ms', value: Math.round(tasks.cpu.maxCpuMs), unit: 'ms' },
      { name: 'ui.main_thread_cpu_pct', value: Math.round(tasks.cpu.cpuShare * 100), unit: '%' },
      { name: 'ui.load_rps', value: Math.round(tasks.rps), unit: 'req/s' },
      { name: 'ui.first_paint_ms', value: Math.round(median), unit: 'ms', goal: '<= 1000' },
      { name: 'ui.first_paint_max_ms', value: Math.round(sorted.at(-1) ?? 0), unit: 'ms' },
    ];
  } finally {
    await browser.close();
  }
}

// `node --import tsx bench/ui.ts` runs the UI figures alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await uiFigures());
