/**
 * Proxy mode's plumbing without a network: the upstream address of a request, plain-words failures, Location
 * rewriting, and the upstream settings.
 */

import { describe, expect, it } from 'vitest';
import { upstreamFailure, upstreamUrl } from '../../../../electron/proxy/forward.js';
import { rewriteLocation } from '../../../../electron/proxy/settle.js';
import { checkUpstreamTimeout, checkUpstreamUrl } from '../../../../electron/proxy/upstream-config.js';
import { ScimError } from '../../../../electron/scim/errors.js';
import { parseTarget, type ParsedTarget } from '../../../../electron/scim/http/request-context.js';

const target = (url: string): ParsedTarget => parseTarget(url) as ParsedTarget;
const BASE = 'https://app.example.com/api/scim/v2';
const withCause = (code: string, message = code): Error => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

describe('upstreamUrl', () => {
  it('puts the path under the upstream base and keeps the query as sent', () => {
    expect(upstreamUrl(BASE, target('/scim/v2/Users?filter=userName+eq+%22a%22&aadOptscim062020'))).toBe(`${BASE}/Users?filter=userName+eq+%22a%22&aadOptscim062020`);
    expect(upstreamUrl(BASE, target('/scim/v2/Groups/g%201'))).toBe(`${BASE}/Groups/g%201`);
    expect(upstreamUrl(BASE, target('/SCIM/v2/ServiceProviderConfig'))).toBe(`${BASE}/ServiceProviderConfig`);
  });

  it('refuses a path whose dot segments climb out of the base', () => {
    const escaped = upstreamUrl(BASE, target('/scim/v2/../../admin'));
    expect(escaped).toBeInstanceOf(ScimError);
    expect((escaped as ScimError).status).toBe(404);
    expect(upstreamUrl(BASE, target('/scim/v2/%2e%2e/%2e%2e/admin'))).toBeInstanceOf(ScimError);
  });
});

describe('upstreamFailure', () => {
  const url = 'http://127.0.0.1:9/scim/v2';
  it('names the upstream and says what happened, with the code Entra would log', () => {
    expect(upstreamFailure(withCause('ECONNREFUSED'), url, 1000)).toMatchObject({ status: 502, errorCode: 'WebExceptionProtocolError', detail: expect.stringContaining(`${url} is unreachable: the connection was refused`) });
    expect(upstreamFailure(withCause('ENOTFOUND'), url, 1000).detail).toContain('could not be resolved (ENOTFOUND)');
    expect(upstreamFailure(withCause('CERT_HAS_EXPIRED', 'certificate has expired'), url, 1000)).toMatchObject({ status: 502, detail: expect.stringContaining('TLS connection') });
    expect(upstreamFailure(withCause('ERR_TLS_CERT_ALTNAME_INVALID'), url, 1000).detail).toContain('TLS');
    expect(upstreamFailure(withCause('ECONNRESET'), url, 1000).detail).toContain('closed the connection');
    expect(upstreamFailure(Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') }), url, 1000).detail).toContain('a port that fetch refuses');
    expect(upstreamFailure(new Error('odd'), url, 1000)).toMatchObject({ status: 502, detail: expect.stringContaining('odd') });
  });

  it('calls a timeout 504 Timeout, naming the limit', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(upstreamFailure(timeout, url, 300)).toMatchObject({ status: 504, errorCode: 'Timeout', detail: expect.stringContaining('300 ms') });
    expect(upstreamFailure(withCause('UND_ERR_CONNECT_TIMEOUT'), url, 300)).toMatchObject({ status: 504, errorCode: 'Timeout' });
  });

  it('says so when the monitor stopped while the upstream was still working', () => {
    expect(upstreamFailure(new DOMException('This operation was aborted', 'AbortError'), url, 300)).toMatchObject({ status: 502, detail: expect.stringContaining('the monitor stopped') });
  });
});

describe('rewriteLocation', () => {
  const ours = 'https://tunnel.example/scim/v2';
  it('rewrites an absolute or path-only Location under the upstream base', () => {
    expect(rewriteLocation(`${BASE}/Users/1`, BASE, ours)).toBe(`${ours}/Users/1`);
    expect(rewriteLocation('/api/scim/v2/Users/1', BASE, ours)).toBe(`${ours}/Users/1`);
  });

  it('leaves anything else alone', () => {
    expect(rewriteLocation('https://elsewhere.example/Users/1', BASE, ours)).toBe('https://elsewhere.example/Users/1');
    expect(rewriteLocation(`${BASE}x/Users/1`, BASE, ours)).toBe(`${BASE}x/Users/1`);
  });
});

describe('upstream settings', () => {
  it('accepts an http(s) SCIM base and drops a trailing slash', () => {
    expect(checkUpstreamUrl('http://127.0.0.1:8080/scim/v2/')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/scim/v2' });
  });

  it('refuses other schemes, credentials, a query and nonsense', () => {
    expect(checkUpstreamUrl('ftp://x/scim').ok).toBe(false);
    expect(checkUpstreamUrl('https://user:pw@x/scim').ok).toBe(false);
    expect(checkUpstreamUrl('https://x/scim?aadOptscim062020').ok).toBe(false);
    expect(checkUpstreamUrl('not a url').ok).toBe(false);
  });

  it('bounds the timeout', () => {
    expect(checkUpstreamTimeout(300)).toBeNull();
    expect(checkUpstreamTimeout(0)).toContain('1 to');
    expect(checkUpstreamTimeout(1.5)).not.toBeNull();
  });
});
