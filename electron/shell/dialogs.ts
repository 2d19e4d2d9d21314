/**
 * Native file dialogs: save-as for a finished export, open for the expected-users CSV.
 *
 * The renderer never names a path: the user picks it in the OS dialog, and the main process reads or writes it.
 */

import { copyFile, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { MonitorApiHandlers } from '../../shared/api/contract.js';
import type { ScopeReport } from '../../shared/api/provisioning-types.js';
import { fail, type ApiResult } from '../../shared/api/result.js';
import { callApi } from '../api/call.js';
import { exportFilePath, exportsRoot } from '../export/files.js';

/** ScopeCsvInput allows 5,000,000 characters; a file with more bytes than 4 per character could never fit. */
export const MAX_CSV_BYTES = 20_000_000;

const EXPORT_FILTERS: Readonly<Record<string, { name: string; extensions: string[] }>> = {
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.json': { name: 'JSON', extensions: ['json'] },
  '.ndjson': { name: 'NDJSON', extensions: ['ndjson'] },
  '.html': { name: 'HTML report', extensions: ['html'] },
  '.har': { name: 'HAR archive', extensions: ['har'] },
};

/**
 * Asks where to save an export that is already written at `sourcePath` (by electron/export, or any file the
 * core produced) and copies it there. Resolves to the chosen path, or null when the user cancelled.
 */
export async function saveExportAs(parent: BrowserWindow | null, sourcePath: string, suggestedName: string = basename(sourcePath)): Promise<string | null> {
  const extension = /\.[a-z]+$/i.exec(suggestedName)?.[0]?.toLowerCase() ?? '';
  const filter = EXPORT_FILTERS[extension];
  const options = { title: 'Save export', defaultPath: suggestedName, filters: [...(filter ? [filter] : []), { name: 'All files', extensions: ['*'] }] };
  const choice = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
  await copyFile(sourcePath, choice.filePath);
  return choice.filePath;
}

/**
 * Save-as for one file of a finished export job (`<dataDir>/exports/<jobId>/<name>`, electron/export/files.ts).
 * Resolves to the chosen path, null when cancelled, or `not-found` when the job id or name is not one of ours or
 * the file is not finished (still running, cancelled, pruned).
 */
export async function saveExportFileAs(parent: BrowserWindow | null, dataDir: string, jobId: string, name: string): Promise<string | null | 'not-found'> {
  const source = exportFilePath(exportsRoot(dataDir), jobId, name);
  return source === null ? 'not-found' : saveExportAs(parent, source, name);
}

/**
 * Asks for the CSV exported from Entra's "Users and groups" blade, reads it and imports it as the expected scope
 * through the MonitorApi (validated like any other call). Resolves to null when the user cancelled.
 */
export async function importExpectedUsersCsv(parent: BrowserWindow | null, handlers: MonitorApiHandlers): Promise<ApiResult<ScopeReport> | null> {
  const options = {
    title: 'Import expected users and groups',
    properties: ['openFile' as const],
    filters: [
      { name: 'CSV', extensions: ['csv'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const choice = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
  const file = choice.filePaths[0];
  if (choice.canceled || file === undefined) return null;
  const { size } = await stat(file);
  if (size > MAX_CSV_BYTES) return fail('invalid-argument', `${basename(file)} is ${Math.round(size / 1e6)} MB; an expected-users CSV is at most ${MAX_CSV_BYTES / 1e6} MB.`);
  // Excel writes a byte-order mark; it is not part of the first column's name.
  const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  return (await callApi(handlers, 'scope.importCsv', { csv })) as ApiResult<ScopeReport>;
}
