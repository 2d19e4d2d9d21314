/**
 * The application menu: File offers the CSV import and saving the newest finished export; the Edit role is there
 * (copy and paste need it on macOS); devtools only in development.
 */

import { describe, expect, it, vi } from 'vitest';
import type { ExportJob } from '../../../../shared/api/export-types.js';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

const { latestFinishedExport, menuTemplate } = await import('../../../../electron/shell/menu.js');

type Item = { label?: string; role?: string; submenu?: Item[] };
const template = (devTools: boolean) => menuTemplate({ handlers: {} as MonitorApiHandlers, window: () => null, dataDir: '/tmp/x', isMac: false, devTools }) as Item[];

describe('menuTemplate', () => {
  it('has File → Import expected users (CSV)… and Save latest export as…, plus the Edit role', () => {
    const file = template(false).find((item) => item.label === 'File');
    expect(file?.submenu?.map((item) => item.label ?? item.role)).toEqual(['Import expected users (CSV)…', 'Save latest export as…', undefined, 'quit']);
    expect(template(false).some((item) => item.role === 'editMenu')).toBe(true);
  });

  it('offers devtools only in development', () => {
    const roles = (devTools: boolean) => template(devTools).find((item) => item.label === 'View')?.submenu?.map((item) => item.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });
});

describe('latestFinishedExport', () => {
  const job = (jobId: string, state: ExportJob['state'], finishedAt: number | null, files = 1): ExportJob => ({
    jobId,
    format: 'csv',
    failuresOnly: true,
    state,
    rowsWritten: 1,
    totalEstimate: 1,
    files: Array.from({ length: files }, (_, i) => ({ name: `f${i}.csv`, bytes: 1 })),
    error: null,
    startedAt: 0,
    finishedAt,
  });

  it('picks the newest done job with files', () => {
    expect(latestFinishedExport([job('a', 'done', 1), job('b', 'done', 3), job('c', 'running', null), job('d', 'done', 5, 0), job('e', 'failed', 9)])?.jobId).toBe('b');
    expect(latestFinishedExport([job('c', 'running', null)])).toBeUndefined();
  });
});
