/**
 * The application menu: the standard Edit/View/Window roles (copy and paste need them on macOS) plus File →
 * "Import expected users (CSV)…" and "Save latest export as…", which open the native dialogs (dialogs.ts).
 *
 * The window has no admin server to download exports from (renderer/screens/failures/export-api.ts shows no link
 * in the desktop), so the files of the newest finished export are saved from here.
 */

import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MonitorApiHandlers } from '../../shared/api/contract.js';
import type { ExportJob } from '../../shared/api/export-types.js';
import { callApi } from '../api/call.js';
import { importExpectedUsersCsv, saveExportFileAs } from './dialogs.js';

const say = async (window: BrowserWindow | null, type: 'info' | 'error', message: string): Promise<void> => {
  await (window === null ? dialog.showMessageBox({ type, message }) : dialog.showMessageBox(window, { type, message }));
};

/** Imports the CSV chosen by the user and says how it went in a message box. */
async function importCsv(window: BrowserWindow | null, handlers: MonitorApiHandlers): Promise<void> {
  try {
    const result = await importExpectedUsersCsv(window, handlers);
    if (result === null) return;
    if (result.ok) await say(window, 'info', `Imported ${result.value.entries.length} expected users and groups. The Connect screen's checklist now tracks them.`);
    else await say(window, 'error', `The CSV was not imported: ${result.error.message}`);
  } catch (error) {
    dialog.showErrorBox('Import failed', error instanceof Error ? error.message : String(error));
  }
}

/** The newest finished export with files, if any. */
export function latestFinishedExport(jobs: readonly ExportJob[]): ExportJob | undefined {
  return jobs.filter((job) => job.state === 'done' && job.files.length > 0).sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0];
}

/** Offers save-as for each file of the newest finished export (the CSV trio is three files). */
async function saveLatestExport(window: BrowserWindow | null, handlers: MonitorApiHandlers, dataDir: string): Promise<void> {
  try {
    const jobs = await callApi(handlers, 'exports.list', undefined);
    const job = jobs.ok ? latestFinishedExport(jobs.value as ExportJob[]) : undefined;
    if (job === undefined) return await say(window, 'info', 'No finished export yet: start one on the Failures screen, then save it from here.');
    for (const file of job.files) {
      const saved = await saveExportFileAs(window, dataDir, job.jobId, file.name);
      if (saved === null) return;
      if (saved === 'not-found') return await say(window, 'error', `${file.name} is no longer there; run the export again.`);
    }
  } catch (error) {
    dialog.showErrorBox('Save failed', error instanceof Error ? error.message : String(error));
  }
}

export interface MenuOptions {
  readonly handlers: MonitorApiHandlers;
  readonly window: () => BrowserWindow | null;
  readonly dataDir: string;
  readonly isMac: boolean;
  readonly devTools: boolean;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { handlers, window, isMac } = options;
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import expected users (CSV)…', click: () => void importCsv(window(), handlers) },
        { label: 'Save latest export as…', click: () => void saveLatestExport(window(), handlers, options.dataDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}

export function installAppMenu(options: Omit<MenuOptions, 'isMac' | 'devTools'>): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ ...options, isMac: process.platform === 'darwin', devTools: !app.isPackaged })));
}
