/**
 * Exports after a rehearsal, on real listener traffic: Entra's requests (the admin's token), the in-app simulator's
 * (its internal token) and a Live Replay (replay.resend) each fail once with a 409. Every format says who sent each
 * row, the `source` filter leaves the app's rows out of an export (runExport, exports.start and the `export`
 * command's --source alike), and neither Entra's secret nor the app's internal tokens reach any output.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExportFormat, ExportJob } from '../../shared/api/export-types.js';
import type { LogSource } from '../../shared/api/log-types.js';
import { callApi } from '../../electron/api/call.js';
import { exportHandlers } from '../../electron/api/exports.js';
import { logHandlers } from '../../electron/api/logs.js';
import { replayHandlers } from '../../electron/api/replay.js';
import { exportLogs } from '../../electron/cli/export.js';
import { main } from '../../electron/cli/main.js';
import { REPLAY_TOKEN_LABEL, SIMULATOR_TOKEN_LABEL } from '../../electron/auth/internal-labels.js';
import { exportsRoot } from '../../electron/export/files.js';
import { runExport, type RunExportOptions } from '../../electron/export/run.js';
import type { MonitorApiHandlers } from '../../shared/api/contract.js';
import { testApiDeps } from '../support/api.js';
import { unavailableHandlers } from '../support/admin.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import { csvObjects } from '../support/rfc4180.js';
import { SCHEMA_USER } from './scim-helpers.js';

const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson', 'html', 'har'];
const LABEL: Readonly<Record<LogSource, string>> = { entra: 'Entra', simulator: 'Simulator', replay: 'Replay' };

let t: TestMonitor;
let api: MonitorApiHandlers;
let clock = Date.UTC(2025, 5, 1, 8, 0, 0);
let runs = 0;
/** Each logged request's sender, by request id and by Change ID (HAR entries carry only the latter). */
const senderById = new Map<number, LogSource>();
const senderByChangeId = new Map<string, LogSource>();
const internalSecrets: string[] = [];
const user = (userName: string) => ({ schemas: [SCHEMA_USER], userName, active: true });

async function send(source: LogSource, method: string, path: string, body: unknown, token: string): Promise<number> {
  clock += 1_000;
  const reply = await t.scim(method, path, body, { authorization: `Bearer ${token}` });
  record(source);
  return reply.status;
}
function record(source: LogSource): number {
  const row = t.monitor.log.latest(1)[0]!;
  senderById.set(row.id, source);
  senderByChangeId.set(row.change_id, source);
  return row.id;
}

beforeAll(async () => {
  t = await startTestMonitor({ now: () => clock });
  api = { ...unavailableHandlers(), ...logHandlers(testApiDeps(t)), ...replayHandlers(testApiDeps(t)), ...exportHandlers(testApiDeps(t, { now: () => clock })) };
  const simulator = t.monitor.tokens.internal(SIMULATOR_TOKEN_LABEL);
  internalSecrets.push(simulator, t.monitor.tokens.internal(REPLAY_TOKEN_LABEL));
  expect(await send('entra', 'POST', '/Users', user('alice@contoso.com'), t.secret)).toBe(201);
  expect(await send('entra', 'POST', '/Users', user('alice@contoso.com'), t.secret)).toBe(409);
  const entraConflict = [...senderById.keys()].at(-1)!;
  expect(await send('simulator', 'POST', '/Users', user('sim@contoso.com'), simulator)).toBe(201);
  expect(await send('simulator', 'POST', '/Users', user('sim@contoso.com'), simulator)).toBe(409);
  clock += 1_000;
  const replayed = await callApi(api, 'replay.resend', { id: entraConflict });
  expect(replayed).toMatchObject({ ok: true, value: { status: 409, replayOf: entraConflict } });
  record('replay');
});

afterAll(async () => {
  await t?.stop();
});

async function exported(format: ExportFormat, options: Partial<RunExportOptions> = {}): Promise<Record<string, string>> {
  const result = await runExport({ db: t.monitor.db, format, failuresOnly: false, dir: join(t.dataDir, `source-${(runs += 1)}`), baseName: 'report', version: 'test', ...options });
  return Object.fromEntries(result.files.map((f) => [f.name, readFileSync(f.path, 'utf8')]));
}
const only = (files: Record<string, string>): string => Object.values(files)[0]!;
const ndjson = (text: string): any[] => text.split('\n').filter(Boolean).map((line) => JSON.parse(line));

describe('every format says who sent each row', () => {
  it('has one Entra, one simulator and one replay failure to tell apart', () => {
    expect(t.monitor.log.latest(10).map((row) => [senderById.get(row.id), row.status]).reverse()).toEqual([
      ['entra', 201], ['entra', 409], ['simulator', 201], ['simulator', 409], ['replay', 409],
    ]);
  });

  it('CSV: the last column of the main file, Sent by', async () => {
    const logs = csvObjects((await exported('csv'))['report_ProvisioningLogs.csv']!);
    expect(logs.map((row) => [Number(row['Request ID']), row['Sent by']])).toEqual([...senderById].map(([id, source]) => [id, LABEL[source]]));
  });

  it('JSON: Graph’s initiatedBy, and the @provisioningMonitor.source annotation', async () => {
    const items = JSON.parse(only(await exported('json'))) as any[];
    expect(items.map((item) => [Number(item.id), item['@provisioningMonitor.source'], item.initiatedBy.initiatorType])).toEqual(
      [...senderById].map(([id, source]) => [id, source, source === 'entra' ? 'system' : 'application']),
    );
  });

  it('NDJSON: a source field', async () => {
    expect(ndjson(only(await exported('ndjson'))).map((line) => [line.id, line.source])).toEqual([...senderById]);
  });

  it('HAR: a _source custom field on each entry', async () => {
    const har = JSON.parse(only(await exported('har')));
    expect(har.log.entries.map((entry: any) => [entry._changeId, entry._source])).toEqual([...senderByChangeId]);
  });

  it('HTML: the failures by sender on the cover, and a tag on the app’s failures', async () => {
    const html = only(await exported('html', { failuresOnly: true }));
    expect(html).toContain('Failures by sender: Entra 1, Simulator 1, Replay 1');
    expect(html).toMatch(/<b>2<\/b>Failures sent by the app/);
    expect(html).toContain('<td>sim@contoso.com <span class="tag">Simulator</span></td>');
    expect(html).toContain('<td>alice@contoso.com <span class="tag">Replay</span></td>');
    expect(html).toContain('<td>alice@contoso.com</td>');
  });

  it('leaves Entra’s token and the app’s internal tokens out of every format', async () => {
    for (const format of FORMATS) {
      for (const [name, text] of Object.entries(await exported(format))) {
        for (const secret of [t.secret, ...internalSecrets]) expect(text.includes(secret), `${name} holds a secret`).toBe(false);
      }
    }
  });
});

describe('the source filter', () => {
  const entraIds = (): number[] => [...senderById].filter(([, source]) => source === 'entra').map(([id]) => id);

  it('limits every format to Entra’s rows with source: [entra]', async () => {
    const query = { source: ['entra'] as LogSource[] };
    expect(ndjson(only(await exported('ndjson', { query }))).map((line) => [line.id, line.source])).toEqual(entraIds().map((id) => [id, 'entra']));
    expect(csvObjects((await exported('csv', { query }))['report_ProvisioningLogs.csv']!).map((row) => row['Sent by'])).toEqual(['Entra', 'Entra']);
    expect((JSON.parse(only(await exported('json', { query }))) as any[]).map((item) => item['@provisioningMonitor.source'])).toEqual(['entra', 'entra']);
    expect(JSON.parse(only(await exported('har', { query }))).log.entries.map((entry: any) => entry._source)).toEqual(['entra', 'entra']);
    const html = only(await exported('html', { failuresOnly: true, query }));
    expect(html).toContain('All sent by Entra');
    expect(html).toContain('Filters: sent by Entra');
    expect(html).not.toContain('class="tag"');
    expect(html).not.toContain('sim@contoso.com');
  });

  it('keeps only the app’s rows with source: [simulator, replay]', async () => {
    const lines = ndjson(only(await exported('ndjson', { query: { source: ['simulator', 'replay'] } })));
    expect(lines.map((line) => line.source)).toEqual(['simulator', 'simulator', 'replay']);
  });

  it('reaches the export job through exports.start', async () => {
    const started = await callApi(api, 'exports.start', { format: 'ndjson', query: { source: ['entra'] } });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    let job: ExportJob | undefined;
    for (let i = 0; i < 250 && job?.state !== 'done'; i += 1) {
      const got = await callApi(api, 'exports.get', { jobId });
      job = got.ok ? (got.value as ExportJob) : undefined;
      if (job?.state === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
      else if (job?.state !== 'done') throw new Error(`export ended ${job?.state}: ${job?.error}`);
    }
    expect(job).toMatchObject({ state: 'done', rowsWritten: 2 });
    const lines = ndjson(readFileSync(join(exportsRoot(t.dataDir), jobId, job!.files[0]!.name), 'utf8'));
    expect(lines.map((line) => [line.id, line.source])).toEqual(entraIds().map((id) => [id, 'entra']));
  });

  describe('the export command’s --source', () => {
    const cli = async (...args: string[]): Promise<any[]> => {
      const file = join(t.dataDir, `cli-source-${(runs += 1)}.ndjson`);
      await exportLogs(['--data-dir', t.dataDir, '--format', 'ndjson', '--out', file, ...args], { out: () => undefined, err: () => undefined });
      return ndjson(readFileSync(file, 'utf8')).map((line) => [line.id, line.source]);
    };

    it('keeps Entra’s rows alone with --source entra', async () => {
      expect(await cli('--source', 'entra')).toEqual(entraIds().map((id) => [id, 'entra']));
    });

    it('takes a comma list, in any case and repeated, with --failures-only', async () => {
      const app = [...senderById].filter(([, source]) => source !== 'entra');
      expect(await cli('--source', 'simulator,Replay')).toEqual(app);
      expect(await cli('--source', 'simulator', '--source', 'replay')).toEqual(app);
      expect(await cli('--source', 'entra,replay', '--failures-only')).toEqual(
        [...senderById].filter(([id, source]) => source !== 'simulator' && t.monitor.db.prepare('SELECT status FROM requests WHERE id = ?').pluck().get(id) === 409),
      );
    });

    it('refuses an unknown sender, naming the allowed ones (exit code 2)', async () => {
      const args = ['--data-dir', t.dataDir, '--format', 'ndjson', '--out', join(t.dataDir, 'never.ndjson')];
      const allowed = '--source takes a comma-separated list of entra, simulator, replay (who sent the request)';
      await expect(exportLogs([...args, '--source', 'entra,app'])).rejects.toThrow(`${allowed}; got "app".`);
      await expect(exportLogs([...args, '--source', 'entra,'])).rejects.toThrow(`${allowed}; got an empty name.`);
      const stderr: string[] = [];
      const spies = [
        vi.spyOn(console, 'error').mockImplementation((line: unknown) => void stderr.push(String(line))),
        vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true)),
      ];
      try {
        expect(await main(['export', ...args, '--source', 'sim'])).toBe(2);
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      expect(stderr.join('')).toContain(`${allowed}; got "sim".`);
      expect(stderr.join('')).toContain('[--source entra,simulator,replay]');
    });
  });
});
