/**
 * Exports on real listener traffic (issue 7; entra-behavior.md §4, §6, §11; design/screens.md Screen 4): known
 * failures (401, 409, 400, 404) among successes; every failure in the report with its likely Entra code; no secret
 * in any output; HAR 1.2 shape; the CSV trio parses back and joins on Change ID; JSON with Graph names; NDJSON;
 * escaping; scope and filters; export jobs over the MonitorApi with progress, downloads and cancel; and the
 * `export` command while a monitor runs on the same data directory and after it stopped.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportDownloadPath } from '../../shared/api/admin-http.js';
import type { MonitorEvent } from '../../shared/api/admin-types.js';
import type { ExportFormat, ExportJob } from '../../shared/api/export-types.js';
import { startAdminServer, type AdminServer } from '../../electron/admin/server.js';
import { createEventHub } from '../../electron/api/events.js';
import { exportHandlers } from '../../electron/api/exports.js';
import { exportLogs } from '../../electron/cli/export.js';
import { main } from '../../electron/cli/main.js';
import { exportsRoot } from '../../electron/export/files.js';
import { createRedactor } from '../../electron/export/redact.js';
import { runExport, type RunExportOptions } from '../../electron/export/run.js';
import { exportSource, type ExportQuery } from '../../electron/export/source.js';
import { inferTenantUrl } from '../../electron/export/tenant-url.js';
import { openStore, startMonitor } from '../../electron/monitor.js';
import { buildLogFixture } from '../../bench/log-fixture.js';
import { testApiDeps } from '../support/api.js';
import { unavailableHandlers } from '../support/admin.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';
import { csvObjects } from '../support/rfc4180.js';
import { patchOp, SCHEMA_ENTERPRISE_USER, SCHEMA_USER } from './scim-helpers.js';

const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const WRONG_TOKEN = 'not-the-token-at-all-0123456789WXYZ';
const COOKIE_SECRET = 'cookie-secret-5d41402abc4b2a76';
const API_KEY_SECRET = 'api-key-secret-7d793037a0760186';
const PASSWORD = 'P@ssw0rd-never-exported';
const EMPLOYEE_NUMBER = 'EMP-4711-SENSITIVE';
const SCRIPT_NAME = '<script>alert("pwned")</script>@contoso.com';
const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson', 'html', 'har'];

let t: TestMonitor;
let clock = T0;
let out: string;
let outCount = 0;
const user = (userName: string, extra: Record<string, unknown> = {}) => ({ schemas: [SCHEMA_USER], userName, active: true, ...extra });

beforeAll(async () => {
  t = await startTestMonitor({ now: () => clock });
  out = mkdtempSync(join(tmpdir(), 'pm-export-'));
  const step = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    clock += 1_000;
    return t.scim(method, path, body, headers);
  };
  // Cycle 1: a create carrying a password and a sensitive attribute, then each kind of failure.
  const alice = await step('POST', '/Users', user('alice@contoso.com', { password: PASSWORD, schemas: [SCHEMA_USER, SCHEMA_ENTERPRISE_USER], [SCHEMA_ENTERPRISE_USER]: { employeeNumber: EMPLOYEE_NUMBER } }));
  expect(alice.status).toBe(201);
  expect((await step('POST', '/Users', user('alice@contoso.com'))).status).toBe(409);
  expect((await step('POST', '/Users', { schemas: [SCHEMA_USER], userName: 42 })).status).toBe(400);
  expect((await step('GET', '/Users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  expect((await step('GET', '/Users?filter=userName+eq+%22alice%40contoso.com%22', undefined, { authorization: `Bearer ${WRONG_TOKEN}` })).status).toBe(401);
  const patched = await step('PATCH', `/Users/${alice.body.id}`, patchOp({ op: 'Replace', path: 'displayName', value: '=HYPERLINK("http://evil.example","x")' }), {
    cookie: `pm_session=${COOKIE_SECRET}`,
    'x-api-key': API_KEY_SECRET,
  });
  expect(patched.status).toBe(200);
  expect((await step('POST', '/Users', user(SCRIPT_NAME))).status).toBe(201);
  expect((await step('POST', '/Users', user(SCRIPT_NAME))).status).toBe(409);
  // Cycle 2, past the idle gap.
  clock += 10 * 60_000;
  expect((await step('GET', '/Users?filter=userName+eq+%22bob%40contoso.com%22')).status).toBe(200);
  expect((await step('POST', '/Users', user('bob@contoso.com', { password: PASSWORD }))).status).toBe(201);
  expect((await step('POST', '/Users', user('bob@contoso.com'))).status).toBe(409);
  expect((await step('DELETE', `/Users/${alice.body.id}`)).status).toBe(204);
  expect((await step('GET', `/Users/${alice.body.id}`)).status).toBe(404);
});

afterAll(async () => {
  await t?.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

interface DbFailure {
  readonly change_id: string;
  readonly status: number;
  readonly error_code: string;
  readonly cycle_id: number;
}
const failuresInLog = (): DbFailure[] =>
  t.monitor.db.prepare("SELECT change_id, status, error_code, cycle_id FROM requests WHERE outcome = 'Failure' ORDER BY id").all() as DbFailure[];
const rowCount = (): number => t.monitor.log.count();

async function exportText(format: ExportFormat, options: Partial<RunExportOptions> = {}): Promise<{ files: Record<string, string>; rows: number }> {
  const dir = join(out, `run-${(outCount += 1)}`);
  const result = await runExport({ db: t.monitor.db, format, failuresOnly: false, dir, baseName: 'report', version: 'test', now: () => clock, ...options });
  expect(readdirSync(dir).sort()).toEqual(result.files.map((f) => f.name).sort());
  const files = Object.fromEntries(result.files.map((f) => [f.name, readFileSync(f.path, 'utf8')]));
  for (const f of result.files) expect(Buffer.byteLength(files[f.name]!)).toBe(f.bytes);
  return { files, rows: result.rows };
}
const only = (files: Record<string, string>): string => Object.values(files)[0]!;

describe('the HTML failure report', () => {
  it('has every failure with its likely Entra code (401, 409, 400, 404)', async () => {
    const { files } = await exportText('html', { failuresOnly: true, tenantUrl: inferTenantUrl(t.monitor.db) });
    const html = only(files);
    const failures = failuresInLog();
    expect(failures.map((f) => f.status).sort()).toEqual([400, 401, 404, 404, 409, 409, 409]);
    for (const failure of failures) {
      const row = html.split('<tr>').find((tr) => tr.includes(failure.change_id));
      expect(row, failure.change_id).toBeDefined();
      expect(row).toContain(`<code>${failure.error_code}</code>`);
    }
    for (const code of ['EntryConflict', 'SystemForCrossDomainIdentityManagementBadRequest', 'InvalidAnchor', 'Unauthorized']) expect(html).toContain(code);
    expect(html).toContain('Correct the conflicting attribute value');
    expect(html).toContain(`Tenant URL: ${t.base.replace(/\/+$/, '')}`);
    expect(html).toContain('2025-06-01 08:00:02 UTC');
    expect(html).toMatch(/<b>7<\/b>Failures/);
    expect(html).toContain('All sent by Entra');
    expect(html).not.toContain('class="tag"');
    expect(html).toContain('<svg');
  });

  it('escapes a <script> userName and allows no script at all', async () => {
    for (const failuresOnly of [true, false]) {
      const html = only((await exportText('html', { failuresOnly })).files);
      expect(html).not.toContain('<script');
      expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;@contoso.com');
    }
  });
});

describe('redaction', () => {
  it('leaves the token, other credentials and passwords out of every format', async () => {
    expect(t.secret.length).toBeGreaterThan(20);
    const secrets = [t.secret, WRONG_TOKEN, COOKIE_SECRET, API_KEY_SECRET, PASSWORD];
    for (const format of FORMATS) {
      for (const failuresOnly of [false, true]) {
        const { files } = await exportText(format, { failuresOnly, sensitiveAttributes: ['employeeNumber'] });
        for (const [name, text] of Object.entries(files)) {
          for (const secret of secrets) expect(text.includes(secret), `${name} holds a secret`).toBe(false);
          expect(text.includes(EMPLOYEE_NUMBER), `${name} holds employeeNumber`).toBe(false);
        }
      }
    }
  });

  it('redacts extra sensitive attributes only when asked (default none)', async () => {
    expect(only((await exportText('ndjson')).files)).toContain(EMPLOYEE_NUMBER);
    expect(only((await exportText('ndjson', { sensitiveAttributes: ['employeeNumber'] })).files)).toContain('[redacted]');
  });
});

/** HAR 1.2 (softwareishard.com/blog/har-12-spec): required fields and their types; custom fields start with `_`. */
function harProblems(har: any): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => void (ok || problems.push(what));
  const str = (v: unknown): boolean => typeof v === 'string';
  const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
  const obj = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  const nameValues = (list: any, where: string): void => {
    need(Array.isArray(list), `${where} is an array`);
    if (Array.isArray(list)) list.forEach((nv, i) => need(obj(nv) && str(nv.name) && str(nv.value), `${where}[${i}] name/value strings`));
  };
  const onlyKnown = (value: any, known: readonly string[], where: string): void => {
    for (const key of Object.keys(value ?? {})) need(known.includes(key) || key.startsWith('_'), `${where}.${key} is not a HAR field (custom fields start with _)`);
  };
  need(obj(har) && obj(har.log), 'log object');
  const log = har?.log ?? {};
  need(log.version === '1.2', 'log.version "1.2"');
  need(obj(log.creator) && str(log.creator.name) && str(log.creator.version), 'log.creator {name, version}');
  need(Array.isArray(log.entries), 'log.entries array');
  onlyKnown(log, ['version', 'creator', 'browser', 'pages', 'entries', 'comment'], 'log');
  (Array.isArray(log.entries) ? log.entries : []).forEach((e: any, i: number) => {
    const at = `entries[${i}]`;
    onlyKnown(e, ['pageref', 'startedDateTime', 'time', 'request', 'response', 'cache', 'timings', 'serverIPAddress', 'connection', 'comment'], at);
    need(str(e.startedDateTime) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(e.startedDateTime), `${at}.startedDateTime ISO 8601`);
    need(num(e.time) && e.time >= 0, `${at}.time`);
    const q = e.request ?? {};
    onlyKnown(q, ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'postData', 'headersSize', 'bodySize', 'comment'], `${at}.request`);
    need(str(q.method) && str(q.httpVersion) && num(q.headersSize) && num(q.bodySize), `${at}.request scalars`);
    need(str(q.url) && URL.canParse(q.url), `${at}.request.url absolute`);
    need(Array.isArray(q.cookies), `${at}.request.cookies`);
    nameValues(q.headers, `${at}.request.headers`);
    nameValues(q.queryString, `${at}.request.queryString`);
    if (q.postData !== undefined) need(obj(q.postData) && str(q.postData.mimeType) && str(q.postData.text), `${at}.request.postData {mimeType, text}`);
    const r = e.response ?? {};
    onlyKnown(r, ['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL', 'headersSize', 'bodySize', 'comment'], `${at}.response`);
    need(Number.isInteger(r.status) && str(r.statusText) && str(r.httpVersion) && str(r.redirectURL) && num(r.headersSize) && num(r.bodySize), `${at}.response scalars`);
    need(Array.isArray(r.cookies), `${at}.response.cookies`);
    nameValues(r.headers, `${at}.response.headers`);
    need(obj(r.content) && num(r.content.size) && str(r.content.mimeType) && (r.content.text === undefined || str(r.content.text)), `${at}.response.content`);
    need(obj(e.cache), `${at}.cache`);
    const tm = e.timings ?? {};
    need(['send', 'wait', 'receive'].every((k) => num(tm[k]) && tm[k] >= 0), `${at}.timings send/wait/receive >= 0`);
    need(['blocked', 'dns', 'connect', 'ssl'].every((k) => tm[k] === undefined || (num(tm[k]) && tm[k] >= -1)), `${at}.timings optional`);
    const total = ['blocked', 'dns', 'connect', 'send', 'wait', 'receive'].reduce((sum, k) => sum + (num(tm[k]) && tm[k] > 0 ? tm[k] : 0), 0);
    need(Math.abs(total - e.time) < 0.01, `${at}.time equals the sum of timings`);
  });
  return problems;
}

describe('HAR 1.2', () => {
  it('validates against the HAR 1.2 shape, one entry per exchange, bodies as recorded', async () => {
    const har = JSON.parse(only((await exportText('har')).files));
    expect(harProblems(har)).toEqual([]);
    expect(har.log.entries).toHaveLength(rowCount());
    const conflict = har.log.entries.find((e: any) => e.response.status === 409);
    expect(conflict.request.postData.text).toContain('alice@contoso.com');
    expect(JSON.parse(conflict.response.content.text)).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect(conflict._entraErrorCode).toBe('EntryConflict');
    expect(har.log.entries.every((e: any) => e._source === 'entra')).toBe(true);
    const auth = conflict.request.headers.find((h: any) => h.name === 'authorization');
    expect(auth.value).toBe(`Bearer ••••${t.secret.slice(-4)}`);
    expect(harProblems({ log: { version: '1.1', entries: [{ time: -1, request: {}, response: {} }] } }).length).toBeGreaterThan(5);
  });
});

describe('the CSV trio', () => {
  it('parses back (RFC 4180) into three files joined on Change ID', async () => {
    const { files, rows } = await exportText('csv');
    expect(Object.keys(files).sort()).toEqual(['report_ModifiedProperties.csv', 'report_ProvisioningLogs.csv', 'report_ProvisioningSteps.csv']);
    for (const text of Object.values(files)) expect(text.startsWith('\uFEFF')).toBe(true);
    const logs = csvObjects(files['report_ProvisioningLogs.csv']!);
    const steps = csvObjects(files['report_ProvisioningSteps.csv']!);
    const modified = csvObjects(files['report_ModifiedProperties.csv']!);
    expect(logs).toHaveLength(rows);
    expect(rows).toBe(rowCount());
    const ids = new Set(logs.map((row) => row['Change ID']));
    expect(ids.size).toBe(logs.length);
    for (const row of [...steps, ...modified]) expect(ids.has(row['Change ID']!)).toBe(true);
    for (const id of ids) expect(steps.some((s) => s['Change ID'] === id)).toBe(true);
    const failures = failuresInLog();
    expect(logs.filter((row) => row.Status === 'Failure').map((row) => [row['Change ID'], row['Error code']])).toEqual(failures.map((f) => [f.change_id, f.error_code]));
    expect(modified.find((row) => row.Property === 'displayName')?.['New value']).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(logs.find((row) => row['HTTP status'] === '409')?.['Status reason']).toMatch(/^StatusCode: Conflict\n/);
    // Every request here came from outside the app (the 401's wrong token too): Entra's, in the last column.
    expect(new Set(logs.map((row) => row['Sent by']))).toEqual(new Set(['Entra']));
  });
});

describe('JSON and NDJSON', () => {
  it('writes JSON as an array of provisioningObjectSummary objects with Graph field names', async () => {
    const items = JSON.parse(only((await exportText('json', { failuresOnly: true })).files)) as any[];
    expect(items).toHaveLength(failuresInLog().length);
    for (const item of items) {
      for (const field of ['id', 'activityDateTime', 'jobId', 'cycleId', 'changeId', 'provisioningAction', 'durationInMilliseconds', 'provisioningStatusInfo', 'provisioningSteps', 'modifiedProperties', 'sourceIdentity', 'targetIdentity', 'sourceSystem', 'targetSystem', 'initiatedBy']) {
        expect(item).toHaveProperty(field);
      }
      expect(item.provisioningStatusInfo.status).toBe('failure');
      expect(Object.keys(item.provisioningStatusInfo.errorInformation).sort()).toEqual(['additionalDetails', 'errorCategory', 'errorCode', 'reason', 'recommendedAction']);
      expect(['create', 'update', 'delete', 'stagedDelete', 'disable', 'other']).toContain(item.provisioningAction);
      expect(item.provisioningSteps.every((s: any) => typeof s.name === 'string' && typeof s.provisioningStepType === 'string')).toBe(true);
      expect(item).toMatchObject({ initiatedBy: { initiatorType: 'system' }, '@provisioningMonitor.source': 'entra' });
    }
    expect(items.map((i) => i.provisioningStatusInfo.errorInformation.errorCode)).toEqual(failuresInLog().map((f) => f.error_code));
  });

  it('writes NDJSON with one exchange per line', async () => {
    const text = only((await exportText('ndjson')).files);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(rowCount());
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed[0]).toMatchObject({ request: { method: 'POST', path: '/scim/v2/Users' }, response: { status: 201 } });
    expect(parsed.map((p) => p.id)).toEqual([...parsed.map((p) => p.id)].sort((a, b) => a - b));
    expect(parsed.every((p) => p.source === 'entra')).toBe(true);
  });
});

describe('scope and filters', () => {
  const lines = async (options: Partial<RunExportOptions>): Promise<any[]> =>
    only((await exportText('ndjson', options)).files).split('\n').filter(Boolean).map((line) => JSON.parse(line));

  it('exports failures only, or all operations', async () => {
    const all = await lines({});
    const failures = await lines({ failuresOnly: true });
    expect(all).toHaveLength(rowCount());
    expect(failures.map((f) => f.changeId)).toEqual(failuresInLog().map((f) => f.change_id));
    expect(failures.every((f) => f.status === 'Failure')).toBe(true);
    expect(await lines({ failuresOnly: true, query: { outcome: ['Success'] } })).toEqual([]);
  });

  it('applies the Live screen’s filters: cycle, identity, operation, time', async () => {
    const byCycle = await lines({ query: { cycleId: 2 } });
    expect(byCycle.length).toBe(5);
    expect(byCycle.every((row) => row.cycleId === 2)).toBe(true);
    const bob = await lines({ query: { identity: 'BOB' } });
    expect(bob.filter((row) => row.operation === 'create').map((row) => row.response.status)).toEqual([201, 409]);
    expect(bob.every((row) => row.identity === 'bob@contoso.com')).toBe(true);
    expect((await lines({ failuresOnly: true, query: { cycleId: 2 } })).map((row) => row.errorCode).sort()).toEqual(['EntryConflict', 'InvalidAnchor']);
    expect((await lines({ query: { operation: ['create'], to: T0 + 4_000 } })).map((row) => row.response.status)).toEqual([201, 409, 400]);
  });
});

describe('reading in chunks', () => {
  const ids = async (query: ExportQuery, options: { chunkRows?: number; window?: number }): Promise<number[]> => {
    const source = exportSource(t.monitor.db, query, createRedactor(), options);
    const seen: number[] = [];
    for await (const chunk of source.chunks({})) seen.push(...chunk.map((row) => row.id));
    return seen;
  };
  const expected = (where: string, ...params: unknown[]): number[] =>
    (t.monitor.db.prepare(`SELECT id FROM requests WHERE ${where} ORDER BY ts, id`).all(...params) as { id: number }[]).map((r) => r.id);

  it('pages oldest first with any chunk size and bounds residual filters to windows without losing rows', async () => {
    const all = expected('1');
    for (const options of [{}, { chunkRows: 1 }, { chunkRows: 2, window: 3 }, { chunkRows: 5, window: 1 }]) expect(await ids({}, options)).toEqual(all);
    const failures1 = expected("cycle_id = 1 AND outcome = 'Failure'");
    const creates = expected("operation = 'create' AND status >= 400");
    for (const options of [{}, { chunkRows: 1, window: 2 }, { chunkRows: 2, window: 1 }, { chunkRows: 3, window: 4 }]) {
      expect(await ids({ cycleId: 1, outcome: ['Failure'] }, options)).toEqual(failures1);
      expect(await ids({ operation: ['create'], statusMin: 400 }, options)).toEqual(creates);
    }
    expect(failures1.length).toBeGreaterThan(2);
    const estimate = exportSource(t.monitor.db, { cycleId: 1, outcome: ['Failure'] }, createRedactor()).estimate();
    expect(estimate.exact).toBe(false);
    expect(estimate.rows).toBeGreaterThanOrEqual(failures1.length);
    expect(exportSource(t.monitor.db, { outcome: ['Failure'] }, createRedactor()).estimate()).toEqual({ rows: failuresInLog().length, exact: true });
  });
});

/** Waits for a job to leave `running`, polling exports.get. */
async function settled(get: (jobId: string) => Promise<ExportJob> | ExportJob, jobId: string): Promise<ExportJob> {
  for (let i = 0; i < 500; i += 1) {
    const job = await get(jobId);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('export did not finish');
}

describe('export jobs (MonitorApi) and downloads (admin server)', () => {
  let admin: AdminServer;
  const hub = createEventHub();
  const events: MonitorEvent[] = [];
  let call: (method: string, input?: unknown) => Promise<any>;

  beforeAll(async () => {
    hub.subscribe((event) => events.push(event));
    const handlers = { ...unavailableHandlers(), ...exportHandlers(testApiDeps(t, { events: hub, now: () => clock })) };
    admin = await startAdminServer({ handlers, events: hub, exportsDir: exportsRoot(t.dataDir) });
    call = async (method, input) => {
      const response = await fetch(`${admin.url}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${admin.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) });
      return response.json();
    };
  });
  afterAll(async () => admin?.close());

  it('runs an export, reports progress and serves the finished files as attachments behind the admin credentials', async () => {
    const started = await call('exports.start', { format: 'csv', failuresOnly: true, query: { cycleId: 1 }, baseName: 'cycle 1 failures' });
    expect(started.ok).toBe(true);
    const jobId: string = started.value.jobId;
    const job = await settled(async (id) => (await call('exports.get', { jobId: id })).value, jobId);
    expect(job).toMatchObject({ jobId, format: 'csv', failuresOnly: true, state: 'done', rowsWritten: 5, totalEstimate: 5, error: null });
    expect(job.files.map((f) => f.name)).toEqual(['cycle 1 failures_ProvisioningLogs.csv', 'cycle 1 failures_ProvisioningSteps.csv', 'cycle 1 failures_ModifiedProperties.csv']);
    expect((await call('exports.list')).value.map((j: ExportJob) => j.jobId)).toContain(jobId);
    const progress = events.filter((e) => e.type === 'export-progress' && e.job.jobId === jobId);
    expect(progress.at(-1)).toMatchObject({ job: { state: 'done' } });

    const url = admin.url + exportDownloadPath(jobId, job.files[0]!.name);
    const download = await fetch(url, { headers: { authorization: `Bearer ${admin.adminKey}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="cycle 1 failures_ProvisioningLogs.csv"; filename*=UTF-8''cycle%201%20failures_ProvisioningLogs.csv`);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(job.files[0]!.bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM, for Excel
    expect(csvObjects(bytes.toString('utf8'))).toHaveLength(5);

    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${admin.adminKey}`, origin: 'http://evil.example' } })).status).toBe(403);
    for (const bad of [`/exports/${jobId}/..%2F..%2Fmonitor.db`, `/exports/${jobId}/nope.csv`, '/exports/../monitor.db', `/exports/${jobId}`]) {
      expect((await fetch(admin.url + bad, { headers: { authorization: `Bearer ${admin.adminKey}` } })).status, bad).toBe(404);
    }
  });

  it('refuses bad input and unknown jobs as results', async () => {
    expect((await call('exports.start', { format: 'pdf' })).error.code).toBe('invalid-argument');
    expect((await call('exports.start', { format: 'csv', baseName: '../x' })).error.code).toBe('invalid-argument');
    expect((await call('exports.start', { format: 'csv', query: { before: 5 } })).error.code).toBe('invalid-argument');
    expect((await call('exports.get', { jobId: 'nope' })).error.code).toBe('not-found');
    expect((await call('exports.cancel', { jobId: '../x' })).error.code).toBe('invalid-argument');
  });
});

describe('a large export', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-export-big-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('can be cancelled, removes its partial files, and never stops the listener answering', async () => {
    const store = openStore(dataDir);
    buildLogFixture(store, 50_000, Date.now());
    store.db.close();
    const monitor = await startMonitor({ dataDir, host: '127.0.0.1', port: 0 });
    try {
      const { secret } = monitor.tokens.create({ label: 'test', days: 1 });
      const hub = createEventHub();
      const progress: number[] = [];
      hub.subscribe((event) => {
        if (event.type === 'export-progress') progress.push(Date.now());
      });
      const api = exportHandlers({ ...testApiDeps({ monitor, dataDir, base: monitor.listener.url } as TestMonitor), events: hub });
      const { jobId } = await api['exports.start']({ format: 'ndjson' });
      const jobDir = join(exportsRoot(dataDir), jobId);
      // The listener keeps answering while the export runs in the same process.
      const latencies: number[] = [];
      while ((await api['exports.get']({ jobId })).rowsWritten < 6_000) {
        const started = performance.now();
        const reply = await fetch(`${monitor.listener.url}/Users?filter=userName+eq+%22x%22`, { headers: { authorization: `Bearer ${secret}` } });
        expect(reply.status).toBe(200);
        latencies.push(performance.now() - started);
      }
      expect(latencies.length).toBeGreaterThan(0);
      expect(Math.max(...latencies)).toBeLessThan(1_000);
      expect(await api['exports.get']({ jobId })).toMatchObject({ state: 'running', totalEstimate: 50_000 });
      expect(readdirSync(jobDir)).toEqual(expect.arrayContaining([expect.stringMatching(/\.ndjson\.partial$/)]));
      expect(await api['exports.cancel']({ jobId })).toEqual({ cancelled: true });
      expect(await api['exports.get']({ jobId })).toMatchObject({ state: 'cancelled', files: [], error: null });
      expect(existsSync(jobDir)).toBe(false);
      expect(await api['exports.cancel']({ jobId })).toEqual({ cancelled: false });
      // At most ~4 progress events a second, plus the first and the last.
      const seconds = (progress.at(-1)! - progress[0]!) / 1000;
      expect(progress.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
    } finally {
      await monitor.close();
    }
  }, 60_000);
});

describe('the export command', () => {
  it('exports while a monitor is running on the same data directory', async () => {
    const dir = join(out, 'cli-running');
    const lines: string[] = [];
    const progress: string[] = [];
    const exporting = exportLogs(['--data-dir', t.dataDir, '--format', 'csv', '--failures-only', '--out', dir], { out: (l) => lines.push(l), err: (l) => progress.push(l) });
    // The listener still answers (and logs) while the command reads.
    clock += 1_000;
    expect((await t.scim('GET', '/Users?filter=userName+eq+%22zed%22')).status).toBe(200);
    const result = await exporting;
    expect(result.files.map((f) => f.name.replace(/^failures-\d{8}-\d{6}/, 'B'))).toEqual(['B_ProvisioningLogs.csv', 'B_ProvisioningSteps.csv', 'B_ModifiedProperties.csv']);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(join(dir, result.files[0]!.name));
    expect(progress.at(-1)).toMatch(/^Exported 7 rows in/);
    expect(csvObjects(readFileSync(result.files[0]!.path, 'utf8')).map((row) => row['Change ID'])).toEqual(failuresInLog().map((f) => f.change_id));
  });

  it('stops when interrupted and leaves no partial file', async () => {
    const dir = join(out, 'cli-cancelled');
    const controller = new AbortController();
    controller.abort();
    await expect(exportLogs(['--data-dir', t.dataDir, '--format', 'json', '--out', join(dir, 'all.json')], { signal: controller.signal, out: () => undefined, err: () => undefined })).rejects.toThrow(/abort/i);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('runs as its own process beside the monitor (node --import tsx)', async () => {
    const file = join(out, 'cli-process', 'failures.html');
    const script = `const { main } = await import(${JSON.stringify(new URL('../../electron/cli/main.ts', import.meta.url).href)}); process.exitCode = await main(process.argv.slice(1));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'export', '--data-dir', t.dataDir, '--format', 'html', '--failures-only', '--out', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ code, stderr: stderr.includes('Exported 7 rows') }).toEqual({ code: 0, stderr: true });
    expect(stdout).toContain(file);
    const html = readFileSync(file, 'utf8');
    for (const failure of failuresInLog()) expect(html).toContain(failure.change_id);
    expect(html).not.toContain(t.secret);
  }, 30_000);

  it('exports after the monitor stopped, and refuses a bad invocation', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-export-stopped-'));
    try {
      const monitor = await startMonitor({ dataDir, host: '127.0.0.1', port: 0 });
      const { secret } = monitor.tokens.create({ label: 'x', days: 1 });
      await fetch(`${monitor.listener.url}/Users`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' }, body: JSON.stringify(user('dora@contoso.com')) });
      await fetch(`${monitor.listener.url}/Users/missing`, { headers: { authorization: `Bearer ${secret}` } });
      await monitor.close();
      const file = join(dataDir, 'out', 'all.har');
      const result = await exportLogs(['--data-dir', dataDir, '--format', 'har', '--out', file], { out: () => undefined, err: () => undefined });
      expect(result.rows).toBe(2);
      const har = JSON.parse(readFileSync(file, 'utf8'));
      expect(harProblems(har)).toEqual([]);
      expect(JSON.stringify(har)).not.toContain(secret);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    await expect(exportLogs(['--format', 'csv', '--out', join(out, 'none'), '--data-dir', join(out, 'no-such-dir')])).rejects.toThrow(/No monitor database/);
    const quiet = [vi.spyOn(console, 'error').mockImplementation(() => undefined), vi.spyOn(process.stderr, 'write').mockImplementation(() => true)];
    try {
      expect(await main(['export', '--format', 'csv'])).toBe(2);
      expect(await main(['export', '--format', 'pdf', '--out', 'x'])).toBe(2);
      expect(await main(['export', '--format', 'csv', '--out', join(out, 'none'), '--data-dir', join(out, 'no-such-dir')])).toBe(1);
    } finally {
      for (const spy of quiet) spy.mockRestore();
    }
  });
});
