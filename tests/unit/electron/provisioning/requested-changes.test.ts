/**
 * Modified properties read from a request alone (proxy mode): PATCH ops in both dialects, create bodies, deletes.
 */

import { describe, expect, it } from 'vitest';
import { requestedChanges } from '../../../../electron/provisioning/requested-changes.js';
import { MESSAGE_PATCH_OP, SCHEMA_ENTERPRISE_USER, SCHEMA_USER } from '../../../../shared/scim/constants.js';

const patch = (...operations: unknown[]) => ({ schemas: [MESSAGE_PATCH_OP], Operations: operations });
const added = (attribute: string, newValue: string) => ({ attribute, oldValue: null, newValue });

describe('requestedChanges', () => {
  it('reads default-dialect ops: filtered paths, URN paths, "False", the legacy manager array', () => {
    expect(
      requestedChanges(
        'PATCH',
        patch(
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'a@contoso.com' },
          { op: 'Replace', path: `${SCHEMA_ENTERPRISE_USER}:department`, value: 'Finance' },
          { op: 'Replace', path: 'active', value: 'False' },
          { op: 'Add', path: 'manager', value: [{ $ref: 'https://x/Users/m1', value: 'm1' }] },
        ),
      ),
    ).toEqual([
      added('active', 'False'),
      added('emails[type eq "work"].value', 'a@contoso.com'),
      added(`${SCHEMA_ENTERPRISE_USER}:department`, 'Finance'),
      added(`${SCHEMA_ENTERPRISE_USER}:manager`, 'm1'),
    ]);
  });

  it('reads the flag dialect: a path-less replace with dotted and URN keys, manager as a bare string', () => {
    expect(
      requestedChanges(
        'PATCH',
        patch(
          { op: 'replace', value: { 'name.givenName': 'Barbara', [`${SCHEMA_ENTERPRISE_USER}:employeeNumber`]: '42', active: false } },
          { op: 'add', path: `${SCHEMA_ENTERPRISE_USER}:manager`, value: 'm2' },
        ),
      ),
    ).toEqual([added('active', 'false'), added('name.givenName', 'Barbara'), added(`${SCHEMA_ENTERPRISE_USER}:employeeNumber`, '42'), added(`${SCHEMA_ENTERPRISE_USER}:manager`, 'm2')]);
  });

  it('turns member adds and both removal forms into one row per member', () => {
    expect(requestedChanges('PATCH', patch({ op: 'Add', path: 'members', value: [{ $ref: null, value: 'u1' }, { value: 'u2' }] }))).toEqual([
      added('members[value eq "u1"]', 'u1'),
      added('members[value eq "u2"]', 'u2'),
    ]);
    expect(requestedChanges('PATCH', patch({ op: 'Remove', path: 'members', value: [{ value: 'u1' }] }))).toEqual([{ attribute: 'members[value eq "u1"]', oldValue: 'u1', newValue: null }]);
    expect(requestedChanges('PATCH', patch({ op: 'remove', path: 'members[value eq "u2"]' }))).toEqual([{ attribute: 'members[value eq "u2"]', oldValue: 'u2', newValue: null }]);
  });

  it('records a removed attribute with both values unknown, and a later op over an earlier one', () => {
    expect(requestedChanges('PATCH', patch({ op: 'Remove', path: 'nickName' }))).toEqual([{ attribute: 'nickName', oldValue: null, newValue: null }]);
    expect(requestedChanges('PATCH', patch({ op: 'Replace', path: 'title', value: 'A' }, { op: 'Replace', path: 'title', value: 'B' }))).toEqual([added('title', 'B')]);
  });

  it('makes every attribute of a create body new, without schemas, meta, id or the password', () => {
    expect(
      requestedChanges('POST', {
        schemas: [SCHEMA_USER, SCHEMA_ENTERPRISE_USER],
        id: 'client-sent',
        userName: 'ada@contoso.com',
        password: 'S3cret!',
        active: true,
        emails: [{ type: 'work', value: 'ada@contoso.com', primary: true }],
        meta: { resourceType: 'User' },
        roles: [],
        [SCHEMA_ENTERPRISE_USER]: { department: 'R&D', manager: 'm1' },
      }),
    ).toEqual([
      added('active', 'true'),
      added('emails[type eq "work"].primary', 'true'),
      added('emails[type eq "work"].value', 'ada@contoso.com'),
      added(`${SCHEMA_ENTERPRISE_USER}:department`, 'R&D'),
      added(`${SCHEMA_ENTERPRISE_USER}:manager`, 'm1'),
      added('userName', 'ada@contoso.com'),
    ]);
    expect(JSON.stringify(requestedChanges('PATCH', patch({ op: 'replace', path: 'password', value: 'S3cret!' })))).not.toContain('S3cret');
  });

  it('has nothing for a delete, a read or a body that is not an object', () => {
    expect(requestedChanges('DELETE', undefined)).toEqual([]);
    expect(requestedChanges('GET', { userName: 'x' })).toEqual([]);
    expect(requestedChanges('PATCH', 'not json')).toEqual([]);
  });
});
