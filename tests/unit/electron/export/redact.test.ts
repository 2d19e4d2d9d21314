/**
 * Redaction re-applied on export (issue 7): secret headers, `password`, and extra sensitive attributes in bodies,
 * PATCH operations, filters and modified properties.
 */

import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../../electron/export/redact.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('headers', () => {
  const redactor = createRedactor();

  it('keeps the log’s own mask and replaces anything else in secret headers', () => {
    const headers = redactor.headers(
      JSON.stringify({
        authorization: 'Bearer ••••WXYZ',
        Cookie: 'pm_session=abcdefghijklmnopqrstuvwxyz',
        'x-api-key': 'key-1234567890',
        'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
        'set-cookie': 'a=b',
        'content-type': 'application/scim+json',
      }),
    );
    expect(headers).toEqual({
      authorization: 'Bearer ••••WXYZ',
      Cookie: '[redacted]',
      'x-api-key': '[redacted]',
      'Proxy-Authorization': '[redacted]',
      'set-cookie': '[redacted]',
      'content-type': 'application/scim+json',
    });
  });

  it('masks a bearer token that was stored in full (an older log, another writer)', () => {
    expect(redactor.headers(JSON.stringify({ authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret' })).authorization).toBe('[redacted]');
    expect(redactor.headers(JSON.stringify({ authorization: 'Bearer ••••WXYZ-and-more' })).authorization).toBe('[redacted]');
  });

  it('survives broken JSON', () => {
    expect(redactor.headers('{nope')).toEqual({});
    expect(redactor.headers(null)).toEqual({});
  });
});

describe('bodies', () => {
  it('passes a body without sensitive names through byte for byte', () => {
    const body = '{ "userName" : "alice",  "active":true }';
    expect(createRedactor(['employeeNumber']).body(body)).toBe(body);
    expect(createRedactor().body(null)).toBeNull();
  });

  it('replaces password values anywhere, including PATCH operations on password', () => {
    const redactor = createRedactor();
    const body = JSON.stringify({ userName: 'a', password: 'P@ss-1', Operations: [{ op: 'replace', path: 'password', value: 'P@ss-2' }] });
    const out = redactor.body(body)!;
    expect(out).not.toMatch(/P@ss/);
    expect(JSON.parse(out)).toEqual({ userName: 'a', password: '[redacted]', Operations: [{ op: 'replace', path: 'password', value: '[redacted]' }] });
  });

  it('replaces the values of extra sensitive attributes: nested, URN-qualified, in PATCH paths and path-less PATCH values', () => {
    const redactor = createRedactor(['employeeNumber', 'costCenter']);
    const body = JSON.stringify({
      [ENTERPRISE]: { employeeNumber: 'EMP-1', department: 'R&D' },
      Operations: [
        { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: 'EMP-2' },
        { op: 'Add', value: { [`${ENTERPRISE}:costCenter`]: 'CC-3', displayName: 'x' } },
      ],
    });
    const out = redactor.body(body)!;
    for (const secret of ['EMP-1', 'EMP-2', 'CC-3']) expect(out).not.toContain(secret);
    expect(out).toContain('R&D');
    expect(createRedactor().body(body)).toBe(body); // default: no extra attributes
  });

  it('falls back to a pattern for text that is not JSON', () => {
    const out = createRedactor(['employeeNumber']).body('{"password":"hunter2","employeeNumber":"E-9", broken')!;
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('E-9');
  });

  it('sees through \\u escapes in key names', () => {
    expect(createRedactor().body('{"pass\\u0077ord":"hunter2"}')).not.toContain('hunter2');
  });
});

describe('queries and modified properties', () => {
  const redactor = createRedactor(['employeeNumber']);

  it('replaces a sensitive attribute’s value in a filter, leaving other filters alone', () => {
    const q = 'filter=employeeNumber+eq+%22EMP-77%22';
    expect(decodeURIComponent(redactor.query(q))).not.toContain('EMP-77');
    expect(decodeURIComponent(redactor.query(q))).toContain('employeeNumber eq "[redacted]"');
    expect(redactor.query('filter=userName+eq+%22alice%22')).toBe('filter=userName+eq+%22alice%22');
    expect(createRedactor().query(q)).toBe(q);
  });

  it('redacts old and new values of sensitive properties', () => {
    expect(
      redactor.modified([
        { attribute: `${ENTERPRISE}:employeeNumber`, oldValue: null, newValue: 'EMP-1' },
        { attribute: 'password', oldValue: 'a', newValue: 'b' },
        { attribute: 'displayName', oldValue: 'A', newValue: 'B' },
      ]),
    ).toEqual([
      { attribute: `${ENTERPRISE}:employeeNumber`, oldValue: null, newValue: '[redacted]' },
      { attribute: 'password', oldValue: '[redacted]', newValue: '[redacted]' },
      { attribute: 'displayName', oldValue: 'A', newValue: 'B' },
    ]);
  });
});
