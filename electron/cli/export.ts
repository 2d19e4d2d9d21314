/**
 * `provisioning-monitor export [--data-dir DIR] --format csv|json|ndjson|html|har [--failures-only] --out PATH`
 * (architecture.md, command-line surface; issue 7). For csv, PATH is a folder receiving the three files joined on
 * Change ID (entra-behavior.md §11); otherwise it is the file. Progress goes to stderr, the files written to stdout.
 * `--source entra` leaves out what the app sent itself (a rehearsal's simulated cycle, Live's replays), so a report
 * for a vendor holds Entra's traffic alone.
 *
 * Works while `serve` runs on the same data directory and when it does not: the database is opened read-only
 * (electron/export/open-reader.ts), and a reader never blocks the listener's writes (SQLite WAL).
 */

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/api/export-types.js';
import { LOG_SOURCES, type LogSource } from '../../shared/api/log-types.js';
import type { EntraStatus } from '../../shared/domain/operation.js';
import { defaultDataDir } from '../data-dir.js';
import { BASE_NAME, defaultBaseName } from '../export/files.js';
import { openReader } from '../export/open-reader.js';
import { runExport, type ExportResult } from '../export/run.js';
import type { ExportQuery } from '../export/source.js';
import { inferTenantUrl } from '../export/tenant-url.js';
import { APP_VERSION } from '../monitor-app.js';
import { UsageError } from './usage.js';

const STATUSES: readonly EntraStatus[] = ['Success', 'Failure', 'Skipped', 'Warning'];
const PROGRESS_EVERY_MS = 500;

function time(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(value)) throw new UsageError(`${flag} must be an ISO date/time or milliseconds since 1970, got "${raw}".`);
  return value;
}

/** `--source a,b` (repeatable): the senders to keep, or undefined for all of them. */
function senders(raw: readonly string[] | undefined): LogSource[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.flatMap((value) => value.split(',')).map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(LOG_SOURCES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    const got = unknown.map((name) => (name === '' ? 'an empty name' : `"${name}"`)).join(', ');
    throw new UsageError(`--source takes a comma-separated list of ${LOG_SOURCES.join(', ')} (who sent the request); got ${got}.`);
  }
  return LOG_SOURCES.filter((source) => names.includes(source));
}

export interface ExportCommandIo {
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  /** Stops the export (removing its partial files); the command itself listens for SIGINT. */
  readonly signal?: AbortSignal;
}

/** Runs the command; resolves with the result (for tests) or throws. */
export async function exportLogs(args: string[], io: ExportCommandIo = {}): Promise<ExportResult> {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      format: { type: 'string' },
      'failures-only': { type: 'boolean', default: false },
      out: { type: 'string' },
      'base-name': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      cycle: { type: 'string' },
      identity: { type: 'string' },
      status: { type: 'string', multiple: true },
      source: { type: 'string', multiple: true },
      'redact-attribute': { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format as ExportFormat | undefined;
  if (format === undefined || !EXPORT_FORMATS.includes(format)) throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}.`);
  if (!values.out) throw new UsageError(`export needs --out PATH (${format === 'csv' ? 'a folder for the three CSV files' : 'the file to write'}).`);
  if (values['base-name'] !== undefined && !BASE_NAME.test(values['base-name'])) throw new UsageError('--base-name may hold letters, digits, ".", "_", "-" and spaces.');
  const cycle = values.cycle === undefined ? undefined : Number(values.cycle);
  if (cycle !== undefined && !(Number.isInteger(cycle) && cycle > 0)) throw new UsageError(`--cycle must be a cycle number, got "${values.cycle}".`);
  const statuses = values.status?.map((s) => STATUSES.find((known) => known.toLowerCase() === s.toLowerCase()));
  if (statuses?.some((s) => s === undefined)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}.`);
  const from = time('--from', values.from);
  const to = time('--to', values.to);
  const source = senders(values.source);
  const query: ExportQuery = {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(cycle === undefined ? {} : { cycleId: cycle }),
    ...(values.identity ? { identity: values.identity } : {}),
    ...(statuses?.length ? { outcome: statuses as EntraStatus[] } : {}),
    ...(source === undefined ? {} : { source }),
  };
  const failuresOnly = values['failures-only'];
  const target = resolve(values.out);
  // For one-file formats PATH names the file; an existing folder receives `<base>.<format>` instead.
  const intoFolder = format === 'csv' || (existsSync(target) && statSync(target).isDirectory());
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const db = openReader(dataDir);
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  if (io.signal?.aborted) controller.abort();
  io.signal?.addEventListener('abort', onSignal);
  process.once('SIGINT', onSignal);
  let lastReport = 0;
  try {
    const started = Date.now();
    const result = await runExport({
      db,
      format,
      failuresOnly,
      query,
      dir: intoFolder ? target : dirname(target),
      baseName: values['base-name'] ?? defaultBaseName(failuresOnly, started),
      ...(intoFolder ? {} : { fileName: basename(target) }),
      sensitiveAttributes: values['redact-attribute'] ?? [],
      tenantUrl: inferTenantUrl(db),
      version: APP_VERSION,
      signal: controller.signal,
      onProgress: ({ rowsWritten, totalEstimate }) => {
        const at = Date.now();
        if (rowsWritten > 0 && at - lastReport < PROGRESS_EVERY_MS) return;
        lastReport = at;
        err(`Exporting ${failuresOnly ? 'failures' : 'exchanges'}: ${rowsWritten.toLocaleString('en-US')} of ~${totalEstimate.toLocaleString('en-US')} rows`);
      },
    });
    err(`Exported ${result.rows.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    for (const file of result.files) out(`${file.path}  (${file.bytes.toLocaleString('en-US')} bytes)`);
    return result;
  } finally {
    process.off('SIGINT', onSignal);
    io.signal?.removeEventListener('abort', onSignal);
    db.close();
  }
}
