import { describe, expect, it } from 'vitest';
import { modifiedProperties } from '../../../../electron/provisioning/modified-properties.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('modifiedProperties', () => {
  it('names attributes the way Entra\'s mapping rows do', () => {
    const before = { userName: 'a', emails: [{ type: 'work', value: 'a@x' }, { type: 'home', value: 'h@x' }], name: { givenName: 'A' } };
    const after = {
      userName: 'a',
      emails: [{ type: 'work', value: 'b@x' }, { type: 'home', value: 'h@x' }],
      name: { givenName: 'B', familyName: 'F' },
      active: false,
      [ENT]: { department: 'Sales', manager: { value: 'm1' } },
    };
    expect(modifiedProperties(before, after)).toEqual([
      { attribute: 'active', oldValue: null, newValue: 'false' },
      { attribute: 'emails[type eq "work"].value', oldValue: 'a@x', newValue: 'b@x' },
      { attribute: 'name.familyName', oldValue: null, newValue: 'F' },
      { attribute: 'name.givenName', oldValue: 'A', newValue: 'B' },
      { attribute: `${ENT}:department`, oldValue: null, newValue: 'Sales' },
      { attribute: `${ENT}:manager`, oldValue: null, newValue: 'm1' },
    ]);
  });

  it('reports member changes one member at a time', () => {
    const before = { displayName: 'G', members: [{ value: 'u1' }, { value: 'u2' }] };
    const after = { displayName: 'G', members: [{ value: 'u2' }, { value: 'u3' }] };
    expect(modifiedProperties(before, after)).toEqual([
      { attribute: 'members[value eq "u1"]', oldValue: 'u1', newValue: null },
      { attribute: 'members[value eq "u3"]', oldValue: null, newValue: 'u3' },
    ]);
  });

  it('lists everything on create and delete, and nothing when unchanged', () => {
    expect(modifiedProperties(null, { userName: 'a' })).toEqual([{ attribute: 'userName', oldValue: null, newValue: 'a' }]);
    expect(modifiedProperties({ userName: 'a' }, null)).toEqual([{ attribute: 'userName', oldValue: 'a', newValue: null }]);
    expect(modifiedProperties({ userName: 'a', roles: [{ value: 'x' }] }, { userName: 'a', roles: [{ value: 'x' }] })).toEqual([]);
  });
});
