/**
 * `serve --upstream …` flags: proxy mode's settings, the token from the environment, and clear usage errors.
 */

import { describe, expect, it } from 'vitest';
import { UPSTREAM_TOKEN_ENV, upstreamConfig, upstreamLine } from '../../../../electron/cli/serve-upstream.js';
import { UsageError } from '../../../../electron/cli/usage.js';

describe('upstreamConfig', () => {
  it('is undefined without --upstream (the built-in target)', () => {
    expect(upstreamConfig({}, {})).toBeUndefined();
  });

  it('reads the URL, token and timeout', () => {
    expect(upstreamConfig({ upstream: 'http://127.0.0.1:8080/scim/v2/', 'upstream-token': 'abc', 'upstream-timeout': '300' }, {})).toEqual({
      url: 'http://127.0.0.1:8080/scim/v2',
      token: 'abc',
      timeoutMs: 300,
    });
  });

  it('takes the token from the environment unless the flag gives one', () => {
    expect(upstreamConfig({ upstream: 'https://app/scim/v2' }, { [UPSTREAM_TOKEN_ENV]: 'from-env' })?.token).toBe('from-env');
    expect(upstreamConfig({ upstream: 'https://app/scim/v2', 'upstream-token': 'flag' }, { [UPSTREAM_TOKEN_ENV]: 'from-env' })?.token).toBe('flag');
    expect(upstreamConfig({ upstream: 'https://app/scim/v2' }, { [UPSTREAM_TOKEN_ENV]: '' })).toEqual({ url: 'https://app/scim/v2' });
  });

  it('rejects bad input with a usage error', () => {
    expect(() => upstreamConfig({ upstream: 'ftp://app' }, {})).toThrow(UsageError);
    expect(() => upstreamConfig({ upstream: 'https://app/scim/v2', 'upstream-timeout': 'soon' }, {})).toThrow(/--upstream-timeout/);
    expect(() => upstreamConfig({ 'upstream-token': 'abc' }, {})).toThrow(/need --upstream/);
  });

  it('prints the URL and never the token', () => {
    const line = upstreamLine({ url: 'https://app/scim/v2', token: 'secret-token-1234', timeoutMs: 500 });
    expect(line).toBe('Proxy mode: forwarding to https://app/scim/v2 with the upstream token, timeout 500 ms');
    expect(line).not.toContain('secret-token');
  });
});
