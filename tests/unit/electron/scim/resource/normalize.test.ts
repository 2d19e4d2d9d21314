import { describe, expect, it } from 'vitest';

import { normalizeResource } from '../../../../../electron/scim/resource/normalize.js';
import {
  SCHEMA_ENTERPRISE_USER,
  SCHEMA_MICROSOFT_ADSCIM_GROUP,
  SCHEMA_USER,
} from '../../../../../shared/scim/constants.js';
import { scimError } from './scim-error.js';

const ENT = SCHEMA_ENTERPRISE_USER;
const CUSTOM = 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User';

describe('normalizeResource: Entra create bodies (entra-behavior.md §2.1, §2.2)', () => {
  it('normalises the documented create body without error and keeps every value as sent', () => {
    const body = JSON.parse(`{
      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
      "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      "userName": "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
      "active": true,
      "emails": [{"primary": true, "type": "work",
                  "value": "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"}],
      "meta": {"resourceType": "User"},
      "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
      "roles": []
    }`) as unknown;
    expect(normalizeResource('User', body)).toEqual({
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com' }],
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    });
  });

  it('tolerates the older example: explicit nulls, top-level department/manager, the malformed URN', () => {
    const body = JSON.parse(`{
      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
      "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      "userName": "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1",
      "active": true,
      "addresses": null,
      "displayName": "Test_User_2f7a1c5d",
      "emails": [{"type": "work", "value": "Test_User@testuser.com", "primary": true}],
      "meta": {"resourceType": "User"},
      "name": {"familyName": "familyName", "givenName": "givenName"},
      "phoneNumbers": null,
      "title": null,
      "department": null,
      "manager": null
    }`) as unknown;
    expect(normalizeResource('User', body)).toEqual({
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
      active: true,
      displayName: 'Test_User_2f7a1c5d',
      emails: [{ type: 'work', value: 'Test_User@testuser.com', primary: true }],
      name: { familyName: 'familyName', givenName: 'givenName' },
    });
  });

  it('moves top-level department/manager/employeeNumber under the enterprise URN', () => {
    const body = { userName: 'u', department: 'Sales', manager: 'm-1', EmployeeNumber: '42' };
    expect(normalizeResource('User', body)).toEqual({
      userName: 'u',
      [ENT]: { department: 'Sales', manager: { value: 'm-1' }, employeeNumber: '42' },
    });
  });

  it('reads the enterprise object under the malformed URN key, and the URN object wins over top-level values', () => {
    const body = {
      userName: 'u',
      department: 'old',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0User': { Department: 'new', costCenter: 'CC' },
    };
    expect(normalizeResource('User', body)).toEqual({ userName: 'u', [ENT]: { department: 'new', costCenter: 'CC' } });
  });

  it('normalises a Group create body with the Microsoft ADSCIM schema URI', () => {
    const body = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', SCHEMA_MICROSOFT_ADSCIM_GROUP],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'displayName',
      meta: { resourceType: 'Group' },
    };
    expect(normalizeResource('Group', body)).toEqual({ externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159', displayName: 'displayName' });
  });
});

describe('normalizeResource: names and values', () => {
  it('canonicalises top-level and sub-attribute names case-insensitively', () => {
    const body = { UserName: 'u', ACTIVE: 'true', Name: { GIVENNAME: 'B' }, Emails: [{ VALUE: 'e', Type: 'work' }] };
    expect(normalizeResource('User', body)).toEqual({ userName: 'u', active: true, name: { givenName: 'B' }, emails: [{ value: 'e', type: 'work' }] });
  });

  it('keeps values exactly as sent (no trimming, no case changes)', () => {
    const body = { userName: '  MiXeD@Example.COM ', title: ' VP ', name: { givenName: 'ÉMILE ' } };
    expect(normalizeResource('User', body)).toEqual(body);
  });

  it('coerces "True"/"False" strings to booleans (§3.2 rule 2) and rejects other values naming the attribute', () => {
    expect(normalizeResource('User', { userName: 'u', active: 'True' })).toEqual({ userName: 'u', active: true });
    expect(normalizeResource('User', { userName: 'u', active: 'FALSE' })).toEqual({ userName: 'u', active: false });
    const error = scimError(() => normalizeResource('User', { userName: 'u', active: 'no' }));
    expect([error.status, error.scimType]).toEqual([400, 'invalidValue']);
    expect(error.message).toContain("'active'");
  });

  it('rejects a number where a string is expected', () => {
    expect(scimError(() => normalizeResource('User', { userName: 'u', title: 7 })).scimType).toBe('invalidValue');
    expect(scimError(() => normalizeResource('User', { userName: 'u', [ENT]: { employeeNumber: 7 } })).message).toContain('employeeNumber');
  });

  it('keeps unknown attributes and custom extension objects as sent (Entra custom mappings, §3.2 rule 3)', () => {
    const body = { userName: 'u', favouriteColour: 'blue', [CUSTOM]: { CustomAttribute: 'x', nested: { n: 1 } } };
    expect(normalizeResource('User', body)).toEqual(body);
  });

  it('drops schemas, id, meta, password and a User\'s readOnly groups', () => {
    const body = { schemas: [SCHEMA_USER], id: 'x', meta: { version: 'W/"1"' }, password: 'hunter2', groups: [{ value: 'g' }], userName: 'u' };
    expect(normalizeResource('User', body)).toEqual({ userName: 'u' });
  });

  it('reads core attributes wrapped in the core schema URN', () => {
    expect(normalizeResource('User', { [SCHEMA_USER]: { userName: 'u', active: 'True' } })).toEqual({ userName: 'u', active: true });
  });

  it('drops explicit nulls everywhere and empty arrays of known attributes', () => {
    const body = { userName: 'u', name: { givenName: null, familyName: 'F' }, roles: [], emails: [null], [ENT]: { department: null } };
    expect(normalizeResource('User', body)).toEqual({ userName: 'u', name: { familyName: 'F' } });
  });
});

describe('normalizeResource: manager in three shapes (§3.2 rule 6)', () => {
  it.each([
    ['bare string', 'm-1', { value: 'm-1' }],
    ['object with $ref', { value: 'm-1', $ref: 'https://host/scim/v2/Users/m-1', displayName: 'Boss' }, { value: 'm-1', displayName: 'Boss' }],
    ['legacy array', [{ $ref: 'https://host/scim/v2/Users/m-1', value: 'm-1' }], { value: 'm-1' }],
    ['object with only $ref', { $ref: 'https://host/scim/v2/Users/m-1' }, { value: 'm-1' }],
  ])('stores the %s as { value }', (_shape, manager, stored) => {
    expect(normalizeResource('User', { userName: 'u', [ENT]: { manager } })).toEqual({ userName: 'u', [ENT]: { manager: stored } });
  });

  it('drops an empty manager and rejects two managers or a number', () => {
    expect(normalizeResource('User', { userName: 'u', [ENT]: { manager: '' } })).toEqual({ userName: 'u' });
    expect(scimError(() => normalizeResource('User', { userName: 'u', [ENT]: { manager: ['a', 'b'] } })).scimType).toBe('invalidValue');
    expect(scimError(() => normalizeResource('User', { userName: 'u', [ENT]: { manager: 5 } })).scimType).toBe('invalidValue');
  });
});
