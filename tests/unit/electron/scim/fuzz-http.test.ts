/**
 * Fuzzing the SCIM listener over real HTTP (issue 11, "Fuzzing"): random methods, targets, query bytes, headers and
 * bodies (valid, broken, binary, huge, deeply nested) against a real monitor. Every answer is 2xx/3xx/4xx — a 4xx
 * with a SCIM error body in application/scim+json and a string status — never a 5xx (501 excepted: RFC 7644's
 * answer for /Bulk and /Me, which Entra never calls); and the listener keeps answering. Raw-socket cases cover what
 * no HTTP client sends: garbage request lines, huge headers, slowloris, Content-Length/Transfer-Encoding conflicts.
 */

import { createServer, METHODS, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createScimListener } from '../../../../electron/scim/http/listener.js';
import { MAX_BODY_BYTES } from '../../../../electron/scim/http/read-body.js';
import { MAX_FILTER_LENGTH } from '../../../../electron/scim/filter/index.js';
import { MAX_OPERATIONS } from '../../../../electron/scim/patch/index.js';
import { MESSAGE_ERROR, MESSAGE_PATCH_OP, SCHEMA_USER } from '../../../../shared/scim/constants.js';
import { fuzzParams, mutated } from '../../../support/fuzz.js';
import { startTestMonitor, type TestMonitor } from '../../../support/monitor.js';
import { firstStatus, httpExchange, socketExchange, type HttpAttempt, type HttpExchange } from '../../../support/raw-http.js';

const SCIM_JSON = 'application/scim+json; charset=utf-8';
/** request-context.ts MAX_URL_LENGTH. */
const MAX_URL_LENGTH = 8192;

let t: TestMonitor;
let port: number;
const consoleError = vi.spyOn(console, 'error');

beforeAll(async () => {
  t = await startTestMonitor();
  port = t.monitor.listener.port;
});

afterEach(async () => {
  // The listener still answers a normal request after whatever the test sent.
  const health = await httpExchange(port, { method: 'GET', target: '/scim/v2/ServiceProviderConfig', headers: { authorization: `Bearer ${t.secret}` } });
  expect(health.status).toBe(200);
});

afterAll(async () => {
  try {
    const failures = t.monitor.log.latest(100_000).filter((row) => row.status >= 500 && row.status !== 501);
    expect(failures.map((row) => `${row.method} ${row.path}?${row.query} → ${row.status}`)).toEqual([]);
    expect(consoleError.mock.calls.map(String).filter((line) => /unexpected error|could not record/.test(line))).toEqual([]);
  } finally {
    consoleError.mockRestore();
    await t?.stop();
  }
});

/** The contract for every answer the listener itself gives. */
function expectListenerAnswer(reply: HttpExchange, method: string): void {
  expect(reply.status).toBeGreaterThanOrEqual(200);
  expect(reply.status < 500 || reply.status === 501, `HTTP ${reply.status}: ${reply.body.toString()}`).toBe(true);
  if (method === 'HEAD' || reply.status === 204 || reply.status === 304) return;
  expect(reply.headers['content-type']).toBe(SCIM_JSON);
  if (reply.status < 400) return;
  const body = JSON.parse(reply.body.toString('utf8'));
  expect(body.schemas).toEqual([MESSAGE_ERROR]);
  expect(body.status).toBe(String(reply.status));
  expect(typeof body.detail).toBe('string');
}

// --- generators --------------------------------------------------------------------------------------------------

const hex = (byte: number): string => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`;
const percentBytes = fc.uint8Array({ maxLength: 16 }).map((bytes) => [...bytes].map(hex).join(''));
/** Printable ASCII without space: what node:http puts on a request line unescaped. */
const asciiText = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });
/** Header-safe latin1 (no CR, LF, NUL or DEL). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 80 });

const SEGMENTS = ['Users', 'Groups', 'users', 'GROUPS', 'Schemas', 'ServiceProviderConfig', 'ResourceTypes', 'Bulk', 'Me', '.search',
  '00000000-0000-0000-0000-000000000000', '%00', '%2e%2e', '..', '.', '%E0%A4%A', '%zz', '%2F', '__proto__', 'constructor', SCHEMA_USER];
const segment = fc.oneof({ arbitrary: fc.constantFrom(...SEGMENTS), weight: 4 }, percentBytes, asciiText(20).map((s) => s.replace(/[?#]/g, '')));
const FILTERS = ['userName eq "a"', 'emails[type eq "work"].value eq "x"', 'members[value eq "1"]', 'not (active eq true)', 'userName eq', '(', '"'];
const queryPart = fc.oneof(
  fc.constantFrom(...FILTERS).map((f) => `filter=${encodeURIComponent(f)}`),
  mutated(fc.constantFrom(...FILTERS), ['(', ')', '[', ']', '"', '\\', '%', ' ']).map((f) => `filter=${encodeURIComponent(f)}`),
  fc.tuple(fc.constantFrom('filter', 'attributes', 'excludedAttributes', 'startIndex', 'count', 'sortBy', 'aadOptscim062020', 'x'), fc.oneof(percentBytes, asciiText(12), fc.integer().map(String)))
    .map(([k, v]) => `${k}=${v}`),
  percentBytes,
  asciiText(30),
);
const query = fc.option(fc.array(queryPart, { maxLength: 4 }).map((parts) => `?${parts.join('&')}`), { nil: '' });
const target = fc.oneof(
  {
    // Where Entra's requests go: the endpoints, an id or .search, a query.
    arbitrary: fc
      .tuple(fc.constantFrom('Users', 'Groups', 'Schemas', 'ServiceProviderConfig', 'ResourceTypes'), fc.constantFrom('', '', '/.search', '/00000000-0000-0000-0000-000000000000', `/${SCHEMA_USER}`), query)
      .map(([endpoint, rest, q]) => `/scim/v2/${endpoint}${rest}${q}`),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('/scim/v2', '/SCIM/v2', '', '/scim', '/api', '//scim/v2', 'http://evil.example/scim/v2'), fc.array(segment, { maxLength: 3 }), query)
      .map(([prefix, segments, q]) => `${prefix}/${segments.join('/')}${q}`),
    weight: 2,
  },
);

const method = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), weight: 6 },
  { arbitrary: fc.constantFrom(...METHODS.filter((m) => m !== 'CONNECT')), weight: 2 },
);

const headers = fc
  .record(
    {
      authorization: fc.oneof({ arbitrary: fc.constant('valid'), weight: 6 }, fc.constant('Bearer'), headerText, headerText.map((s) => `Bearer ${s}`)),
      'content-type': fc.constantFrom('application/scim+json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
      accept: headerText,
      'x-forwarded-host': headerText,
      'x-forwarded-proto': fc.constantFrom('https', 'http', 'gopher', ''),
      'x-forwarded-for': headerText,
      'if-match': fc.constantFrom('*', 'W/"1"', '"x"', ''),
      'if-none-match': fc.constantFrom('*', 'W/"1"', 'W/"2"'),
      'content-encoding': fc.constantFrom('gzip', 'br', 'identity'),
      adscimversion: headerText,
      cookie: headerText,
    },
    { requiredKeys: ['authorization'] },
  )
  .chain((known) => fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerText, { maxKeys: 4 }).map((extra) => ({ ...extra, ...known })));

/** Gives a body a short rendering in fast-check's counterexamples (a 1 MiB Buffer would print a million numbers). */
const described = (bytes: Buffer): Buffer =>
  Object.assign(bytes, { [fc.toStringMethod]: () => `<${bytes.length} bytes: ${JSON.stringify(bytes.subarray(0, 80).toString('latin1'))}…>` });
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const nested = (open: string, close: string, n: number, middle = '1'): Buffer => Buffer.from(open.repeat(n) + middle + close.repeat(n));
const body: fc.Arbitrary<Buffer | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.record({ userName: fc.string({ minLength: 1 }), active: fc.constantFrom(true, 'False', 'maybe'), emails: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }).map(json), weight: 3 },
  { arbitrary: fc.record({ schemas: fc.constant([MESSAGE_PATCH_OP]), Operations: fc.array(fc.record({ op: fc.constantFrom('Add', 'replace', 'Remove', 'x'), path: fc.constantFrom('title', 'members', 'active', '__proto__', 'emails[type eq "work"].value'), value: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }), { maxLength: 4 }) }).map(json), weight: 3 },
  { arbitrary: fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s)), weight: 2 },
  { arbitrary: mutated(fc.json({ maxDepth: 2 }), ['{', '}', '[', ']', '"', ',', ':', '\\', '\\u']).map((s) => Buffer.from(s)), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)), weight: 2 },
  {
    arbitrary: fc.tuple(fc.integer({ min: 17, max: 200_000 }), fc.constantFrom('array', 'object', 'password', 'escaped', 'operations')).map(([n, kind]) => {
      if (kind === 'array') return nested('[', ']', n);
      if (kind === 'object') return nested('{"a":', '}', n);
      // Bodies the log redaction parses again ("password", "\u"), nested past its depth cap and V8's stringify stack.
      if (kind === 'password') return Buffer.concat([Buffer.from('{"userName":"deep","password":'), nested('[', ']', n), Buffer.from('}')]);
      if (kind === 'escaped') return Buffer.concat([Buffer.from('{"userName":"\\u0064eep","x":'), nested('{"password":', '}', n), Buffer.from('}')]);
      return Buffer.concat([Buffer.from('{"Operations":'), nested('[', ']', n), Buffer.from('}')]);
    }),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(MAX_BODY_BYTES, MAX_BODY_BYTES + 1).map((n) => Buffer.alloc(n, 0x7b)), weight: 1 },
).map((bytes) => (bytes === undefined ? undefined : described(bytes)));

const attempt = (secret: () => string): fc.Arbitrary<HttpAttempt> =>
  fc.record({ method, target, headers, body }).map(({ headers: h, body: b, ...rest }) => ({
    ...rest,
    headers: h.authorization === 'valid' ? { ...h, authorization: `Bearer ${secret()}` } : h,
    ...(b === undefined ? {} : { body: b }),
  }));

describe('HTTP fuzzing: the listener answers everything with a 2xx/3xx or a SCIM 4xx', () => {
  it('survives random methods, targets, query bytes, headers and bodies', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(attempt(() => t.secret), async (request) => {
        const reply = await httpExchange(port, request);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expectListenerAnswer(reply, request.method);
      }),
      fuzzParams(300),
    );
    console.info(`HTTP fuzz statuses: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    expect(statuses.get(401)).toBeGreaterThan(0);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
  }, 60_000);

  it('survives random PATCH, PUT, DELETE and GET on existing resources, and keeps them readable', async () => {
    const user = await t.scim('POST', '/Users', { userName: 'fuzz.target@contoso.com', emails: [{ type: 'work', value: 'w@x' }] });
    const group = await t.scim('POST', '/Groups', { displayName: 'Fuzz Target', members: [{ value: user.body.id }] });
    const ids = { Users: user.body.id as string, Groups: group.body.id as string };
    const request = fc.record({
      kind: fc.constantFrom('Users', 'Groups') as fc.Arbitrary<keyof typeof ids>,
      method: fc.constantFrom('PATCH', 'PATCH', 'PUT', 'GET', 'DELETE'),
      body,
      query: fc.option(queryPart, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ kind, method: m, body: b, query }) => {
        // DELETE is rare and only of a fresh resource, so later runs still find their target.
        const id = m === 'DELETE' ? (await t.scim('POST', `/${kind}`, kind === 'Users' ? { userName: `del.${Math.random()}` } : { displayName: `del.${Math.random()}` })).body.id : ids[kind];
        const targetPath = `/scim/v2/${kind}/${id}${query === undefined ? '' : `?${query}`}`;
        const reply = await httpExchange(port, { method: m, target: targetPath, headers: { authorization: `Bearer ${t.secret}`, 'content-type': 'application/scim+json' }, ...(b ? { body: b } : {}) });
        expectListenerAnswer(reply, m);
      }),
      fuzzParams(200),
    );
    for (const [kind, id] of Object.entries(ids)) expectListenerAnswer(await httpExchange(port, { method: 'GET', target: `/scim/v2/${kind}/${id}`, headers: { authorization: `Bearer ${t.secret}` } }), 'GET');
  }, 60_000);
});

describe('raw sockets: what no HTTP client sends', () => {
  const valid = (query = 'filter=userName+eq+%22x%22'): string => `GET /scim/v2/Users?${query} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer SECRET\r\n\r\n`;

  it('answers garbage, mutated request lines and raw query bytes with a 4xx or a listener answer, never a crash', async () => {
    const raw = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
      mutated(fc.constant(valid()), ['\r', '\n', ' ', '\0', ':', '\u00ff', 'HTTP/1.1', 'Transfer-Encoding: chunked\r\n', 'Content-Length: 9\r\n']).map((s) => Buffer.from(s.replace('SECRET', t.secret), 'latin1')),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from('GET /scim/v2/Users?filter='), Buffer.from(bytes), Buffer.from(` HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.secret}\r\n\r\n`)])),
    );
    await fc.assert(
      fc.asyncProperty(raw, async (bytes) => {
        const { text, closedByServer } = await socketExchange(port, [bytes]);
        expect(closedByServer).toBe(true);
        const status = firstStatus(text);
        if (status !== null) expect(status < 500 || status === 501, text.slice(0, 200)).toBe(true);
      }),
      fuzzParams(200),
    );
  }, 60_000);

  it.each([
    ['Content-Length with Transfer-Encoding', 'POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /scim/v2/Users/smuggled HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['two Content-Lengths', 'POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 62\r\n\r\nhello GET /scim/v2/Users/smuggled HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['Transfer-Encoding not ending in chunked', 'POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n'],
    ['Transfer-Encoding with a space before the colon', 'POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n'],
    ['an obsolete folded header', 'POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n Transfer-Encoding: chunked\r\n\r\n{}'],
    ['a bad chunk size', 'POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n'],
    ['a negative Content-Length', 'POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}'],
    ['a NUL in a header', 'GET /scim/v2/Users HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n'],
    ['bare LF line ends', 'GET /scim/v2/Users HTTP/1.1\nHost: x\n\n'],
    ['no Host header', 'GET /scim/v2/Users HTTP/1.1\r\n\r\n'],
    ['an unknown method', 'FOO /scim/v2/Users HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a control byte in the target', 'GET /scim/v2/Users?x=\x01 HTTP/1.1\r\nHost: x\r\n\r\n'],
  ])('answers %s with 400 from the HTTP parser and handles nothing smuggled', async (_name, text) => {
    const before = t.monitor.log.count();
    const { text: reply, closedByServer } = await socketExchange(port, [text]);
    expect(firstStatus(reply)).toBe(400);
    expect(closedByServer).toBe(true);
    // A request whose headers parsed but whose body did not is logged as abandoned (499); nothing else is handled.
    await new Promise((resolve) => setImmediate(resolve));
    const rows = t.monitor.log.latest(t.monitor.log.count() - before);
    expect(rows.map((row) => row.status).filter((status) => status !== 499)).toEqual([]);
    expect(rows.filter((row) => row.path.includes('smuggled'))).toEqual([]);
  });

  it('answers headers over 16 KiB with 431 and a CONNECT with a closed connection', async () => {
    const huge = await socketExchange(port, [`GET /scim/v2/Users HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
    expect(firstStatus(huge.text)).toBe(431);
    const tunnel = await socketExchange(port, ['CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n']);
    expect([tunnel.text, tunnel.closedByServer]).toEqual(['', true]);
  });

  it('cuts a slowloris client at headersTimeout and a slow body at requestTimeout (logged as 499)', async () => {
    // The production server checks timeouts every 30 s (Node's connectionsCheckingInterval); a server around the same
    // listener pipeline with short timeouts proves the mechanism without a minute-long test.
    expect([t.monitor.listener.server.headersTimeout, t.monitor.listener.server.requestTimeout]).toEqual([30_000, 120_000]);
    const server: Server = createServer({ connectionsCheckingInterval: 50, headersTimeout: 300, requestTimeout: 600 }, createScimListener(t.monitor));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const slowPort = (server.address() as AddressInfo).port;
      const trickle = ['GET /scim/v2/Users HTTP/1.1\r\n', ...Array.from({ length: 200 }, (_, i) => `X-${i}: a\r\n`)];
      const slowHeaders = await socketExchange(slowPort, trickle, { gapMs: 50, keepOpen: true });
      expect(slowHeaders.closedByServer).toBe(true);
      expect([null, 408]).toContain(firstStatus(slowHeaders.text));

      const before = t.monitor.log.count();
      const head = `POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.secret}\r\nContent-Length: 1000\r\n\r\n`;
      const slowBody = await socketExchange(slowPort, [head, ...Array.from({ length: 200 }, () => ' ')], { gapMs: 50, keepOpen: true });
      expect(slowBody.closedByServer).toBe(true);
      await vi.waitFor(() => expect(t.monitor.log.count()).toBe(before + 1));
      expect(t.monitor.log.latest(1)[0]).toMatchObject({ method: 'POST', status: 499 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('bounds over HTTP, at their edges', () => {
  const auth = (): Record<string, string> => ({ authorization: `Bearer ${t.secret}`, 'content-type': 'application/scim+json' });
  const get = (targetPath: string) => httpExchange(port, { method: 'GET', target: targetPath, headers: auth() });

  it(`URL: ${MAX_URL_LENGTH} characters are served, one more is 414`, async () => {
    const base = '/scim/v2/Users?x=';
    expect((await get(base + 'a'.repeat(MAX_URL_LENGTH - base.length))).status).toBe(200);
    const over = await get(base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1));
    expectListenerAnswer(over, 'GET');
    expect(over.status).toBe(414);
  });

  it(`body: ${MAX_BODY_BYTES} bytes are read, one more is 413`, async () => {
    const padded = (size: number): Buffer => {
      const head = '{"userName":"edge.body","x-pad":"';
      return Buffer.from(`${head}${'p'.repeat(size - head.length - 2)}"}`);
    };
    const exact = await httpExchange(port, { method: 'POST', target: '/scim/v2/Users', headers: auth(), body: padded(MAX_BODY_BYTES) });
    expect(exact.status, exact.body.toString().slice(0, 200)).toBe(201);
    const over = await httpExchange(port, { method: 'POST', target: '/scim/v2/Users', headers: auth(), body: padded(MAX_BODY_BYTES + 1) });
    expectListenerAnswer(over, 'POST');
    expect(over.status).toBe(413);
  });

  it(`filter: ${MAX_FILTER_LENGTH} characters are evaluated, one more is 400 invalidFilter`, async () => {
    const filter = (n: number): string => `userName eq "${'a'.repeat(n - 'userName eq ""'.length)}"`;
    expect((await get(`/scim/v2/Users?filter=${encodeURIComponent(filter(MAX_FILTER_LENGTH))}`)).status).toBe(200);
    const over = await get(`/scim/v2/Users?filter=${encodeURIComponent(filter(MAX_FILTER_LENGTH + 1))}`);
    expectListenerAnswer(over, 'GET');
    expect(JSON.parse(over.body.toString()).scimType).toBe('invalidFilter');
  });

  it(`PATCH: ${MAX_OPERATIONS} operations are applied, one more is 400 tooMany`, async () => {
    const user = await t.scim('POST', '/Users', { userName: 'edge.patch' });
    const ops = (n: number) => Array.from({ length: n }, (_, i) => ({ op: 'Replace', path: 'title', value: `t${i}` }));
    const patch = (n: number) => httpExchange(port, { method: 'PATCH', target: `/scim/v2/Users/${user.body.id}`, headers: auth(), body: json({ schemas: [MESSAGE_PATCH_OP], Operations: ops(n) }) });
    expect((await patch(MAX_OPERATIONS)).status).toBe(200);
    const over = await patch(MAX_OPERATIONS + 1);
    expectListenerAnswer(over, 'PATCH');
    expect(JSON.parse(over.body.toString()).scimType).toBe('tooMany');
  });

  it('body depth: 16 levels are stored, 17 are 400 invalidValue', async () => {
    // The body object is level 1, so `x-deep` holds 15 more levels at the limit.
    const deep = (levels: number) => Buffer.from(`{"userName":"edge.depth.${levels}","x-deep":${'['.repeat(levels - 1)}1${']'.repeat(levels - 1)}}`);
    expect((await httpExchange(port, { method: 'POST', target: '/scim/v2/Users', headers: auth(), body: deep(16) })).status).toBe(201);
    const over = await httpExchange(port, { method: 'POST', target: '/scim/v2/Users', headers: auth(), body: deep(17) });
    expectListenerAnswer(over, 'POST');
    expect(JSON.parse(over.body.toString()).scimType).toBe('invalidValue');
  });
});
