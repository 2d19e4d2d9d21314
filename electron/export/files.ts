/**
 * Where exports are written and what their files are called (issue 7): `<dataDir>/exports/<jobId>/<file>`.
 *
 * The CSV trio mirrors Entra's download, three files joined on Change ID (entra-behavior.md §11); the other formats
 * are one file each. A file is written as `<name>.partial` and renamed when complete, so a name that exists on disk
 * is a finished file: the admin server and the desktop shell may hand it out without asking the job.
 */

import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/api/export-types.js';

export const EXPORTS_FOLDER = 'exports';
export const PARTIAL_SUFFIX = '.partial';

/** Job ids are ours (random UUIDs); anything else in a URL or a call is refused before it touches a path. */
const JOB_ID = /^[A-Za-z0-9-]{1,64}$/;
/** File names we produce: a base name of safe characters and one of our suffixes; never a separator or `..`. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,150}\.(?:csv|json|ndjson|html|har)$/;
/** Base names a caller may choose. */
export const BASE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,79}$/;

/** The folder holding every export of a data directory; an in-memory monitor (tests) uses the temp folder. */
export function exportsRoot(dataDir: string): string {
  return dataDir === ':memory:' ? join(tmpdir(), `provisioning-monitor-${EXPORTS_FOLDER}`) : join(dataDir, EXPORTS_FOLDER);
}

export const isJobId = (value: string): boolean => JOB_ID.test(value);
export const isExportFileName = (value: string): boolean => FILE_NAME.test(value) && !value.includes('..');

/** The names a format writes for a base name (entra-behavior.md §11 for the CSV trio). */
export function exportFileNames(format: ExportFormat, baseName: string): string[] {
  if (format === 'csv') return [`${baseName}_ProvisioningLogs.csv`, `${baseName}_ProvisioningSteps.csv`, `${baseName}_ModifiedProperties.csv`];
  return [`${baseName}.${format}`];
}

/** `failures-20250601-080000` / `provisioning-20250601-080000` (UTC). */
export function defaultBaseName(failuresOnly: boolean, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${failuresOnly ? 'failures' : 'provisioning'}-${stamp}`;
}

/**
 * The path of a finished export file, or null when the job id or name is not one of ours or the file is not there
 * (still running, cancelled, pruned). For the admin server's downloads and the desktop shell's "Save as…" copy.
 */
export function exportFilePath(root: string, jobId: string, name: string): string | null {
  if (!isJobId(jobId) || !isExportFileName(name)) return null;
  const path = join(root, jobId, name);
  try {
    return existsSync(path) && statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}
