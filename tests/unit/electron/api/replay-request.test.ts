/**
 * What a replay sends (electron/api/replay-request.ts), without a listener: how it authenticates, which headers it
 * keeps, and how it treats a password the log removed (shared/domain/redacted-password.ts).
 */

import { describe, expect, it } from 'vitest';
import { replayDraft, replayRequest } from '../../../../electron/api/replay-request.js';
import { hasRedactedPassword } from '../../../../shared/domain/redacted-password.js';
import type { LoggedRequest } from '../../../../electron/db/request-log-repo.js';
import { ApiFailure } from '../../../../shared/api/result.js';

const SECRET = 'pmscim_internal-secret-for-tests';

const logged = (over: Partial<LoggedRequest> = {}): LoggedRequest =>
  ({
    id: 7, ts: 0, method: 'POST', path: '/scim/v2/Users', query: '', status: 201, duration_ms: 1, client_ip: '127.0.0.1', token_id: 't', resource_type: 'User',
    resource_id: 'u1', scim_type: null, req_bytes: 40, res_bytes: 10, entity: 'User', operation: 'create', action: 'Create', outcome: 'Success',
    identity: 'alice@contoso.com', external_id: null, change_id: 'c', cycle_id: 1, error_code: null, member_count: null, dialect: null, fault: null,
    forwarded_for: '20.190.128.1', replay_of: null,
    req_headers: JSON.stringify({
      host: 'contoso.ngrok.app', authorization: 'Bearer ••••WXYZ', 'content-type': 'application/scim+json', 'content-length': '40',
      'x-forwarded-for': '20.190.128.1', 'x-forwarded-proto': 'https', connection: 'keep-alive', adscimversion: '1.0', cookie: '[redacted]',
    }),
    req_body: '{"userName":"alice@contoso.com"}', res_headers: '{}', res_body: null,
    ...over,
  }) as LoggedRequest;

describe('hasRedactedPassword', () => {
  it('finds the mask where the log writes it, and nowhere else', () => {
    expect(hasRedactedPassword('{"userName":"a","password":"[redacted]"}')).toBe(true);
    expect(hasRedactedPassword('{"Operations":[{"op":"replace","path":"password","value":"[redacted]"}]}')).toBe(true);
    expect(hasRedactedPassword('{"Operations":[{"op":"replace","value":{"PASSWORD":"[redacted]"}}]}')).toBe(true);
    expect(hasRedactedPassword('{"password":"[redacted]", not json')).toBe(true);
    expect(hasRedactedPassword('{"displayName":"[redacted]"}')).toBe(false);
    expect(hasRedactedPassword('{"password":"real"}')).toBe(false);
    expect(hasRedactedPassword(null)).toBe(false);
  });
});

describe('replayDraft', () => {
  it('keeps what SCIM needs and leaves out what the tunnel or the transport added', () => {
    const draft = replayDraft(logged());
    expect(draft.headers).toEqual([
      { name: 'authorization', value: 'Bearer ••••WXYZ' },
      { name: 'content-type', value: 'application/scim+json' },
      { name: 'adscimversion', value: '1.0' },
    ]);
    expect(draft).toMatchObject({ id: 7, method: 'POST', path: '/scim/v2/Users', redactedPassword: false });
    expect(draft.notes).toEqual(['Not re-sent: x-forwarded-for, x-forwarded-proto, cookie (added by the tunnel, or a secret the log does not keep).']);
  });

  it('says when the original body was never logged', () => {
    expect(replayDraft(logged({ req_body: null, req_bytes: 2_000_000 })).notes.join(' ')).toMatch(/2000000 bytes\) was not logged/);
  });
});

describe('replayRequest', () => {
  it('as it was: the replay token instead of the mask, the link header, the logged body', () => {
    const request = replayRequest(logged({ query: 'x=1' }), undefined, SECRET);
    expect(request).toMatchObject({ method: 'POST', path: '/scim/v2/Users?x=1', body: '{"userName":"alice@contoso.com"}', auth: 'replay-token' });
    expect(request.headers).toEqual({
      'content-type': 'application/scim+json',
      adscimversion: '1.0',
      'x-provisioning-monitor-replay-of': '7',
      authorization: `Bearer ${SECRET}`,
    });
  });

  it('sends a typed token exactly, with the key that only links the row; an empty line sends none', () => {
    const typed = replayRequest(logged(), { headers: [{ name: 'Authorization', value: 'Bearer wrong' }] }, SECRET);
    expect(typed.auth).toBe('edited');
    expect(typed.headers).toMatchObject({ authorization: 'Bearer wrong', 'x-provisioning-monitor-replay-key': SECRET });
    const none = replayRequest(logged(), { headers: [{ name: 'authorization', value: '  ' }] }, SECRET);
    expect(none.auth).toBe('none');
    expect(none.headers.authorization).toBeUndefined();
  });

  it('ignores headers the monitor sets itself, and joins repeated ones', () => {
    const request = replayRequest(
      logged(),
      { headers: [{ name: 'Host', value: 'evil' }, { name: 'Content-Length', value: '1' }, { name: 'X-Provisioning-Monitor-Replay-Of', value: '1' }, { name: 'Accept', value: 'a' }, { name: 'accept', value: 'b' }] },
      SECRET,
    );
    expect(request.headers).toEqual({ accept: 'a, b', 'x-provisioning-monitor-replay-of': '7', authorization: `Bearer ${SECRET}` });
  });

  it('refuses a password the log removed unless the body was edited, then warns', () => {
    const withPassword = logged({ req_body: '{"userName":"a","password":"[redacted]"}' });
    expect(() => replayRequest(withPassword, undefined, SECRET)).toThrow(ApiFailure);
    expect(() => replayRequest(withPassword, { method: 'PUT' }, SECRET)).toThrow(/Edit & replay/);
    const edited = replayRequest(withPassword, { body: '{"userName":"a","password":"[redacted]"}' }, SECRET);
    expect(edited.warnings).toEqual(['The body still holds "[redacted]" where the log removed a password; it was sent as that literal text.']);
    expect(replayRequest(withPassword, { body: '{"userName":"a","password":"N3w!"}' }, SECRET).warnings).toEqual([]);
  });

  it('warns when the original body was never logged, not about routine left-out tunnel headers', () => {
    expect(replayRequest(logged(), undefined, SECRET).warnings).toEqual([]);
    expect(replayRequest(logged({ req_body: null, req_bytes: 2_000_000 }), undefined, SECRET).warnings[0]).toMatch(/was not logged/);
    expect(replayRequest(logged({ req_body: null, req_bytes: 2_000_000 }), { body: '{}' }, SECRET).warnings).toEqual([]);
  });

  it('refuses two Authorization lines', () => {
    expect(() => replayRequest(logged(), { headers: [{ name: 'Authorization', value: 'a' }, { name: 'authorization', value: 'b' }] }, SECRET)).toThrow(/at most one/);
  });
});
