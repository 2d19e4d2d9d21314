import { describe, expect, it } from 'vitest';

import { normalizeResource } from '../../../../../electron/scim/resource/normalize.js';
import { scimError } from './scim-error.js';

const ROLE_JSON = '{"id":"7b1f8a2e","value":"Admin","displayName":"Admin"}';

describe('normalizeResource: multi-valued attributes', () => {
  it('wraps a single object in an array and coerces primary', () => {
    const body = { userName: 'u', emails: { value: 'e@x', type: 'work', primary: 'True' }, phoneNumbers: [{ value: '1', primary: 'false' }] };
    expect(normalizeResource('User', body)).toEqual({
      userName: 'u',
      emails: [{ value: 'e@x', type: 'work', primary: true }],
      phoneNumbers: [{ value: '1', primary: false }],
    });
  });

  it('rejects two primary values (RFC 7643 §2.4)', () => {
    const body = { userName: 'u', emails: [{ value: 'a', primary: true }, { value: 'b', primary: 'True' }] };
    const error = scimError(() => normalizeResource('User', body));
    expect([error.scimType, error.message.includes("'emails'")]).toEqual(['invalidValue', true]);
  });

  it('rejects strings where an array of objects is expected', () => {
    expect(scimError(() => normalizeResource('User', { userName: 'u', emails: 'e@x' })).scimType).toBe('invalidValue');
    expect(scimError(() => normalizeResource('User', { userName: 'u', emails: ['e@x'] })).message).toContain('emails[0]');
  });

  it('keeps addresses, ims, photos, entitlements and x509Certificates as sent', () => {
    const body = {
      userName: 'u',
      addresses: [{ type: 'work', formatted: '1 Main St', locality: 'Town', country: 'NZ' }],
      ims: [{ value: 'im', type: 'skype' }],
      photos: [{ value: 'https://p', type: 'photo' }],
      entitlements: [{ value: 'ent' }],
      x509Certificates: [{ value: 'MIIC' }],
    };
    expect(normalizeResource('User', body)).toEqual(body);
  });

  it('keeps roles as sent, including a JSON string inside value (§3.2 rule 7)', () => {
    const body = {
      userName: 'u',
      roles: [
        { value: ROLE_JSON },
        { primary: 'True', type: 'WindowsAzureActiveDirectoryRole', display: 'Reader', value: 'Reader' },
      ],
    };
    expect(normalizeResource('User', body)).toEqual({
      userName: 'u',
      roles: [{ value: ROLE_JSON }, { primary: true, type: 'WindowsAzureActiveDirectoryRole', display: 'Reader', value: 'Reader' }],
    });
  });

  it('rejects a role without a string value', () => {
    expect(scimError(() => normalizeResource('User', { userName: 'u', roles: [{ display: 'Admin' }] })).scimType).toBe('invalidValue');
    expect(scimError(() => normalizeResource('User', { userName: 'u', roles: [{ value: { id: 'x' } }] })).scimType).toBe('invalidValue');
  });
});

describe('normalizeResource: Group members', () => {
  it('stores members as { value, type? }, dropping $ref and display, and drops duplicates', () => {
    const body = {
      displayName: 'G',
      members: [
        { $ref: null, value: 'u1' },
        { value: 'u2', type: 'User', display: 'Two', $ref: 'https://h/Users/u2' },
        { value: 'u1' },
      ],
    };
    expect(normalizeResource('Group', body)).toEqual({ displayName: 'G', members: [{ value: 'u1' }, { value: 'u2', type: 'User' }] });
  });

  it('requires a non-empty string value on every member', () => {
    expect(scimError(() => normalizeResource('Group', { displayName: 'G', members: [{ display: 'x' }] })).scimType).toBe('invalidValue');
    expect(scimError(() => normalizeResource('Group', { displayName: 'G', members: [{ value: 7 }] })).scimType).toBe('invalidValue');
  });
});

describe('normalizeResource: required attributes and body shape', () => {
  it.each([
    ['missing', {}],
    ['empty', { userName: '' }],
    ['null', { userName: null }],
  ])('rejects a User with %s userName, saying so', (_case, body) => {
    const error = scimError(() => normalizeResource('User', body));
    expect([error.status, error.scimType]).toEqual([400, 'invalidValue']);
    expect(error.message).toContain('userName');
  });

  it('rejects a non-string userName and a Group without displayName', () => {
    expect(scimError(() => normalizeResource('User', { userName: 12 })).scimType).toBe('invalidValue');
    expect(scimError(() => normalizeResource('Group', { externalId: 'x' })).message).toContain('displayName');
  });

  it.each([[null], ['text'], [[{ userName: 'u' }]], [42]])('rejects the non-object body %j with invalidSyntax', (body) => {
    const error = scimError(() => normalizeResource('User', body));
    expect([error.status, error.scimType]).toEqual([400, 'invalidSyntax']);
  });
});
