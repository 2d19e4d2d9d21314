/**
 * Native dialogs: save-as copies a finished export to the chosen path; the CSV dialog reads the chosen file and
 * imports it through the MonitorApi (validated), and a cancel does nothing.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MonitorApiHandlers } from '../../../../shared/api/contract.js';
import { fake, resetElectron } from '../../../mocks/electron.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

const { importExpectedUsersCsv, MAX_CSV_BYTES, saveExportAs, saveExportFileAs } = await import('../../../../electron/shell/dialogs.js');

let dir: string;
beforeEach(() => {
  resetElectron();
  dir = mkdtempSync(join(tmpdir(), 'pm-dialogs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saveExportAs', () => {
  it('copies the finished export to the path the user chose, offering its type as the filter', async () => {
    const source = join(dir, 'failures.csv');
    writeFileSync(source, 'id,outcome\n1,Failure\n');
    const target = join(dir, 'chosen.csv');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(saveExportAs(null, source)).resolves.toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('id,outcome\n1,Failure\n');
    expect(fake.dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: 'failures.csv', filters: [{ name: 'CSV', extensions: ['csv'] }, { name: 'All files', extensions: ['*'] }] });
  });

  it('does nothing when cancelled', async () => {
    await expect(saveExportAs(null, join(dir, 'missing.har'))).resolves.toBeNull();
  });
});

describe('saveExportFileAs', () => {
  it('copies a finished file of an export job out of <dataDir>/exports', async () => {
    mkdirSync(join(dir, 'exports', 'job-1'), { recursive: true });
    writeFileSync(join(dir, 'exports', 'job-1', 'failures.har'), '{"log":{}}');
    const target = join(dir, 'out.har');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(saveExportFileAs(null, dir, 'job-1', 'failures.har')).resolves.toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('{"log":{}}');
  });

  it('refuses names that are not ours and files that are not finished, without asking', async () => {
    mkdirSync(join(dir, 'exports', 'job-1'), { recursive: true });
    writeFileSync(join(dir, 'exports', 'job-1', 'failures.har.partial'), '');
    for (const [job, name] of [['job-1', 'failures.har'], ['job-1', 'failures.har.partial'], ['..', 'settings.json'], ['job-1', '../../settings.json']]) {
      await expect(saveExportFileAs(null, dir, job!, name!)).resolves.toBe('not-found');
    }
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('importExpectedUsersCsv', () => {
  const handlers = () => ({ 'scope.importCsv': vi.fn(async ({ csv }: { csv: string }) => ({ entries: [{ value: csv.split('\n')[1] }], unexpected: [] })) }) as unknown as MonitorApiHandlers & { 'scope.importCsv': ReturnType<typeof vi.fn> };

  it('reads the chosen CSV (without a BOM) and imports it through scope.importCsv', async () => {
    const file = join(dir, 'users.csv');
    writeFileSync(file, '\uFEFFuserPrincipalName\nalice@contoso.com\n');
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const api = handlers();
    const result = await importExpectedUsersCsv(null, api);
    expect(result).toEqual({ ok: true, value: { entries: [{ value: 'alice@contoso.com' }], unexpected: [] } });
    expect(api['scope.importCsv']).toHaveBeenCalledWith({ csv: 'userPrincipalName\nalice@contoso.com\n' });
  });

  it('does nothing when cancelled', async () => {
    const api = handlers();
    await expect(importExpectedUsersCsv(null, api)).resolves.toBeNull();
    expect(api['scope.importCsv']).not.toHaveBeenCalled();
  });

  it('refuses a file far larger than the contract allows, without reading it', async () => {
    const file = join(dir, 'huge.csv');
    writeFileSync(file, Buffer.alloc(MAX_CSV_BYTES + 1, 0x61));
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const api = handlers();
    await expect(importExpectedUsersCsv(null, api)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(api['scope.importCsv']).not.toHaveBeenCalled();
  });
});
