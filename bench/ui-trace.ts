/**
 * Reads a Chromium trace (devtools.timeline) for the renderer's main thread: the longest task by CPU time and the
 * share of CPU the thread used. PerformanceObserver reports wall-clock durations, which on a machine shared with
 * other work include time the thread waited to be scheduled; thread time shows the work the UI itself did.
 */

import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  readonly name?: string;
  readonly tid?: number;
  readonly ts?: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

export interface MainThreadCpu {
  readonly tasks: number;
  readonly maxCpuMs: number;
  readonly maxWallMs: number;
  /** CPU time of the main thread over the traced span, 0..1. */
  readonly cpuShare: number;
}

export async function traceMainThread(browser: Browser, page: Page, during: () => Promise<unknown>): Promise<MainThreadCpu> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
  await during();
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.tid === main && e.dur !== undefined && e.ts !== undefined);
  if (tasks.length === 0) return { tasks: 0, maxCpuMs: 0, maxWallMs: 0, cpuShare: 0 };
  const start = Math.min(...tasks.map((e) => e.ts ?? 0));
  const end = Math.max(...tasks.map((e) => (e.ts ?? 0) + (e.dur ?? 0)));
  const cpu = tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0);
  return {
    tasks: tasks.length,
    maxCpuMs: Math.max(...tasks.map((e) => e.tdur ?? 0)) / 1000,
    maxWallMs: Math.max(...tasks.map((e) => e.dur ?? 0)) / 1000,
    cpuShare: end > start ? cpu / (end - start) : 0,
  };
}
