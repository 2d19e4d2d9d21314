import { describe, expect, it } from 'vitest';
import { classifyRequest } from '../../../../electron/provisioning/operation.js';

const shape = (method: string, path: string, body?: unknown) => {
  const [p = '', q = ''] = path.split('?');
  return { method, segments: p.split('/').filter(Boolean), query: new URLSearchParams(q), body };
};
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('classifyRequest', () => {
  it('tells Test Connection probes from matches and lists (entra-behavior.md §1.1)', () => {
    expect(classifyRequest(shape('GET', '/Users?filter=userName+eq+%22cf4d78e8-cc4f-4d5d-b8b9-183561c0104a%22')).operation).toBe('test-connection');
    expect(classifyRequest(shape('GET', '/Users?filter=userName+eq+%22alice%40contoso.com%22')).operation).toBe('match');
    expect(classifyRequest(shape('GET', '/Groups?excludedAttributes=members&filter=displayName+eq+%22Sales%22')).operation).toBe('match');
    expect(classifyRequest(shape('GET', '/Users?startIndex=1&count=2')).operation).toBe('list');
    expect(classifyRequest(shape('POST', '/Users/.search', { filter: 'externalId eq "x"' })).operation).toBe('match');
  });

  it('names reads, creates, deletes and discovery', () => {
    expect(classifyRequest(shape('GET', '/Users/u1'))).toEqual({ entity: 'User', operation: 'read', memberCount: null, dialect: null });
    expect(classifyRequest(shape('POST', '/Groups', { displayName: 'G' })).operation).toBe('create');
    expect(classifyRequest(shape('DELETE', '/Users/u1')).operation).toBe('delete');
    expect(classifyRequest(shape('GET', '/Schemas'))).toMatchObject({ entity: 'Config', operation: 'discovery' });
    expect(classifyRequest(shape('GET', '/Nope'))).toMatchObject({ entity: 'Unknown', operation: 'unknown' });
  });

  it('reads a disable in the default dialect ("False" string, PascalCase op)', () => {
    const info = classifyRequest(shape('PATCH', '/Users/u1', { Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }));
    expect(info).toEqual({ entity: 'User', operation: 'disable', memberCount: null, dialect: 'default' });
  });

  it('reads a disable in the aadOptscim062020 dialect and in Okta\'s path-less form', () => {
    expect(classifyRequest(shape('PATCH', '/Users/u1', { Operations: [{ op: 'replace', path: 'active', value: false }] })).operation).toBe('disable');
    const pathless = classifyRequest(shape('PATCH', '/Users/u1', { Operations: [{ op: 'replace', value: { active: false, 'name.givenName': 'A' } }] }));
    expect(pathless).toMatchObject({ operation: 'disable', dialect: 'aadOptscim062020' });
  });

  it('tells enable from update', () => {
    expect(classifyRequest(shape('PATCH', '/Users/u1', { Operations: [{ op: 'Replace', path: 'active', value: 'True' }] })).operation).toBe('enable');
    const update = classifyRequest(shape('PATCH', '/Users/u1', { Operations: [{ op: 'Replace', path: `${ENT}:department`, value: 'Sales' }] }));
    expect(update).toMatchObject({ operation: 'update', dialect: 'default' });
  });

  it('counts members added and removed in both dialects', () => {
    const add = classifyRequest(shape('PATCH', '/Groups/g1', { Operations: [{ op: 'Add', path: 'members', value: [{ value: 'a' }, { value: 'b' }] }] }));
    expect(add).toEqual({ entity: 'Group', operation: 'add-members', memberCount: 2, dialect: 'default' });
    const removeDefault = classifyRequest(shape('PATCH', '/Groups/g1', { Operations: [{ op: 'Remove', path: 'members', value: [{ value: 'a' }] }] }));
    expect(removeDefault).toMatchObject({ operation: 'remove-members', memberCount: 1, dialect: 'default' });
    const removeFlag = classifyRequest(shape('PATCH', '/Groups/g1', { Operations: [{ op: 'remove', path: 'members[value eq "a"]' }] }));
    expect(removeFlag).toMatchObject({ operation: 'remove-members', memberCount: 1, dialect: 'aadOptscim062020' });
    const rename = classifyRequest(shape('PATCH', '/Groups/g1', { Operations: [{ op: 'Replace', path: 'displayName', value: 'New' }] }));
    expect(rename.operation).toBe('update');
  });

  it('never throws on hostile bodies', () => {
    for (const body of [null, 'x', 42, [], { Operations: 'x' }, { Operations: [null, 1, 'x', { op: 7 }] }]) {
      expect(() => classifyRequest(shape('PATCH', '/Users/u1', body))).not.toThrow();
    }
  });
});
