/**
 * Runs one export (issue 7): reads the log in chunks (source.ts), redacts (redact.ts), and streams each format's
 * files through sinks with backpressure (sink.ts). The MonitorApi's export jobs (electron/api/exports.ts) and the
 * `export` command (electron/cli/export.ts) both call `runExport`.
 *
 * Files appear under their final names only when the whole export succeeded; a cancelled or failed export removes
 * what it wrote.
 */

import { mkdirSync } from 'node:fs';
import type { ExportFormat } from '../../shared/api/export-types.js';
import type { Db } from '../db/open.js';
import { csvHeader, LOGS_HEADER, logsCsvLine, MODIFIED_HEADER, modifiedCsvLines, STEPS_HEADER, stepsCsvLines } from './csv.js';
import { exportFileNames } from './files.js';
import { jsonArrayPiece, ndjsonLine } from './graph.js';
import { HAR_CLOSING, harEntries, harOpening } from './har.js';
import { createRedactor } from './redact.js';
import { FAILURES_OPENING, failureRows, failuresClosing, MAX_LISTED_FAILURES, reportHead } from './report.js';
import { addToReport, newReportStats } from './report-stats.js';
import { SENT_BY } from './sent-by.js';
import { openSink, type FileSink } from './sink.js';
import { exportSource, scopeQuery, type ExportQuery, type ExportSource } from './source.js';
import type { ExportMeta } from './types.js';

export interface ExportProgress {
  readonly rowsWritten: number;
  readonly totalEstimate: number;
}

export interface RunExportOptions {
  readonly db: Db;
  readonly format: ExportFormat;
  readonly failuresOnly: boolean;
  /** The Live screen's filters (LogQuery without paging). */
  readonly query?: ExportQuery;
  /** The folder receiving the files; created when missing. */
  readonly dir: string;
  readonly baseName: string;
  /** For one-file formats: the file's name, instead of `<baseName>.<format>`. */
  readonly fileName?: string;
  /** Attribute names whose values are redacted besides `password` (a Settings-independent list; default none). */
  readonly sensitiveAttributes?: readonly string[];
  readonly tenantUrl?: string | null;
  readonly version?: string;
  readonly now?: () => number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
  /** Rows per chunk (default CHUNK_ROWS, 500). */
  readonly chunkRows?: number;
}

export interface ExportResult {
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly path: string }[];
  readonly rows: number;
}

/** The filters in words for the report's cover line. */
export function describeFilters(query: ExportQuery): string {
  const parts: string[] = [];
  const iso = (ts: number): string => new Date(ts).toISOString();
  if (query.from !== undefined) parts.push(`from ${iso(query.from)}`);
  if (query.to !== undefined) parts.push(`to ${iso(query.to)}`);
  if (query.cycleId !== undefined) parts.push(`cycle ${query.cycleId}`);
  if (query.identity) parts.push(`identity starting "${query.identity}"`);
  for (const key of ['outcome', 'action', 'operation', 'entity', 'method'] as const) {
    const values = query[key];
    if (values?.length) parts.push(`${key} ${values.join('/')}`);
  }
  if (query.statusMin !== undefined || query.statusMax !== undefined) parts.push(`HTTP ${query.statusMin ?? 0}–${query.statusMax ?? 999}`);
  for (const key of ['resourceId', 'errorCode', 'changeId', 'text'] as const) if (query[key]) parts.push(`${key} "${query[key]}"`);
  if (query.faultOnly) parts.push('injected faults only');
  // The sender filters, so a report limited to Entra's traffic says so on its cover.
  if (query.source?.length) parts.push(`sent by ${query.source.map((source) => SENT_BY[source]).join('/')}`);
  if (query.replayOnly) parts.push('replays only');
  return parts.join(', ');
}

interface Context {
  readonly source: ExportSource;
  /** The failures within the filters, listed one by one by the HTML report; null when the filters exclude them. */
  readonly failures: ExportSource | null;
  readonly empty: boolean;
  readonly names: readonly string[];
  readonly meta: ExportMeta;
  readonly signal: AbortSignal | undefined;
  open(name: string): FileSink;
  progress(rows: number): void;
}

async function writeFormat(format: ExportFormat, ctx: Context): Promise<number> {
  let rows = 0;
  const chunks = (needs: Parameters<ExportSource['chunks']>[0], source: ExportSource | null = ctx.source) =>
    ctx.empty || source === null ? (async function* () {})() : source.chunks(needs, ctx.signal);
  const [name = 'export'] = ctx.names;
  if (format === 'csv') {
    const [logs, steps, modified] = ctx.names.map((n) => ctx.open(n)) as [FileSink, FileSink, FileSink];
    await logs.write(csvHeader(LOGS_HEADER));
    await steps.write(csvHeader(STEPS_HEADER));
    await modified.write(csvHeader(MODIFIED_HEADER));
    for await (const chunk of chunks({ responseBody: true, modified: true })) {
      await logs.write(chunk.map(logsCsvLine).join(''));
      await steps.write(chunk.map(stepsCsvLines).join(''));
      await modified.write(chunk.map(modifiedCsvLines).join(''));
      ctx.progress((rows += chunk.length));
    }
    return rows;
  }
  const sink = ctx.open(name);
  if (format === 'html') {
    const stats = newReportStats();
    for await (const chunk of chunks({ detail: true })) {
      for (const row of chunk) addToReport(stats, row);
      ctx.progress((rows += chunk.length));
    }
    await sink.write(reportHead(ctx.meta, stats) + FAILURES_OPENING);
    let listed = 0;
    for await (const chunk of chunks({ detail: true }, ctx.failures)) {
      const take = chunk.slice(0, MAX_LISTED_FAILURES - listed);
      await sink.write(failureRows(take));
      listed += take.length;
      if (listed >= MAX_LISTED_FAILURES) break;
    }
    await sink.write(failuresClosing(listed, stats.outcomes.Failure));
    return rows;
  }
  const opening = format === 'json' ? '[' : format === 'har' ? harOpening(ctx.meta.version, `Exported ${ctx.meta.failuresOnly ? 'failures' : 'exchanges'}${ctx.meta.filters ? `; ${ctx.meta.filters}` : ''}`) : '';
  await sink.write(opening);
  for await (const chunk of chunks({ headers: format !== 'json', requestBody: format !== 'json', responseBody: true, modified: format !== 'har', detail: format === 'json' })) {
    const first = rows === 0;
    await sink.write(format === 'json' ? jsonArrayPiece(chunk, first) : format === 'har' ? harEntries(chunk, first) : chunk.map(ndjsonLine).join(''));
    ctx.progress((rows += chunk.length));
  }
  await sink.write(format === 'json' ? '\n]\n' : format === 'har' ? HAR_CLOSING : '');
  return rows;
}

export async function runExport(options: RunExportOptions): Promise<ExportResult> {
  const now = options.now ?? Date.now;
  const query = options.query ?? {};
  const redactor = createRedactor(options.sensitiveAttributes);
  const scoped = scopeQuery(query, options.failuresOnly);
  const chunkOptions = options.chunkRows === undefined ? {} : { chunkRows: options.chunkRows };
  const source = exportSource(options.db, scoped.query, redactor, chunkOptions);
  const failuresScope = scopeQuery(query, true);
  const failures =
    options.format !== 'html' || failuresScope.empty ? null : options.failuresOnly ? source : exportSource(options.db, failuresScope.query, redactor, chunkOptions);
  const estimate = scoped.empty ? 0 : source.estimate().rows;
  const names = options.fileName !== undefined && options.format !== 'csv' ? [options.fileName] : exportFileNames(options.format, options.baseName);
  mkdirSync(options.dir, { recursive: true });
  const sinks: FileSink[] = [];
  const meta: ExportMeta = {
    generatedAt: now(),
    version: options.version ?? '0.0.0',
    tenantUrl: options.tenantUrl ?? null,
    failuresOnly: options.failuresOnly,
    filters: describeFilters(query),
  };
  options.onProgress?.({ rowsWritten: 0, totalEstimate: estimate });
  const ctx: Context = {
    source,
    failures,
    empty: scoped.empty,
    names,
    meta,
    signal: options.signal,
    open(name) {
      const sink = openSink(options.dir, name);
      sinks.push(sink);
      return sink;
    },
    progress: (rowsWritten) => options.onProgress?.({ rowsWritten, totalEstimate: Math.max(estimate, rowsWritten) }),
  };
  try {
    const rows = await writeFormat(options.format, ctx);
    options.signal?.throwIfAborted();
    const files = [];
    for (const sink of sinks) files.push({ name: sink.name, bytes: await sink.finish(), path: sink.path });
    return { files, rows };
  } catch (error) {
    await Promise.all(sinks.map((sink) => sink.abort().catch(() => undefined)));
    throw error;
  }
}
