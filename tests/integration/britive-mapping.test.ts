import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRITIVE_GROUP_ATTRIBUTES, BRITIVE_USER_ATTRIBUTES } from '../../shared/scim/britive-mapping.js';
import { SCHEMA_ENTERPRISE_USER } from '../../shared/scim/constants.js';
import { startTestMonitor, type TestMonitor } from '../support/monitor.js';

/** Reads a mapping path (`emails[type eq "work"].value`, `name.givenName`, `urn:…:User:department`) from a resource. */
function read(resource: any, path: string): unknown {
  if (path.startsWith(`${SCHEMA_ENTERPRISE_USER}:`)) {
    const attribute = path.slice(SCHEMA_ENTERPRISE_USER.length + 1);
    const value = resource[SCHEMA_ENTERPRISE_USER]?.[attribute];
    return attribute === 'manager' ? value?.value : value;
  }
  const typed = /^(\w+)\[type eq "(\w+)"\]\.(\w+)$/.exec(path);
  if (typed) {
    const [, attribute, type, sub] = typed;
    return (resource[attribute!] ?? []).find((element: any) => element.type === type)?.[sub!];
  }
  return path.split('.').reduce((value: any, key) => value?.[key], resource);
}

const valueFor = (path: string, managerId: string): unknown => {
  if (path === 'active') return false;
  if (path.endsWith(':manager')) return managerId;
  return `v-${path.replace(/\W+/g, '-')}`;
};

describe('the Britive mapping rows round-trip through PATCH and GET', () => {
  let t: TestMonitor;
  let managerId: string;
  beforeAll(async () => {
    t = await startTestMonitor();
    managerId = (await t.scim('POST', '/Users', { userName: 'manager@contoso.com' })).body.id;
  });
  afterAll(() => t.stop());

  it('has the rows of the tutorial table', () => {
    expect(BRITIVE_USER_ATTRIBUTES).toHaveLength(45);
    expect(BRITIVE_GROUP_ATTRIBUTES.map((a) => a.path)).toEqual(['displayName', 'externalId', 'members']);
  });

  for (const dialect of ['Add', 'replace'] as const) {
    it(`stores every user row sent one op each (${dialect})`, async () => {
      const created = await t.scim('POST', '/Users', { userName: `mapped-${dialect}@contoso.com`, active: true });
      expect(created.status).toBe(201);
      const paths = BRITIVE_USER_ATTRIBUTES.map((a) => a.path).filter((p) => p !== 'userName');
      const Operations = paths.map((path) => ({ op: dialect, path, value: valueFor(path, managerId) }));
      const patched = await t.scim('PATCH', `/Users/${created.body.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations });
      expect(patched.status).toBe(200);
      const fetched = (await t.scim('GET', `/Users/${created.body.id}`)).body;
      for (const path of paths) expect([path, read(fetched, path)]).toEqual([path, valueFor(path, managerId)]);
      expect(fetched[SCHEMA_ENTERPRISE_USER].manager).toEqual({ value: managerId, $ref: `${t.base}/Users/${managerId}` });
      // One typed entry per type: three address rows of one type merge into one element.
      expect(fetched.addresses).toHaveLength(3);
      expect(fetched.emails).toHaveLength(3);
      expect(fetched.phoneNumbers).toHaveLength(6);
    });
  }

  it('stores every group row', async () => {
    const member = (await t.scim('POST', '/Users', { userName: 'member@contoso.com' })).body.id;
    const group = await t.scim('POST', '/Groups', { displayName: 'Mapped group', externalId: 'entra-object-id' });
    expect(group.status).toBe(201);
    const patched = await t.scim('PATCH', `/Groups/${group.body.id}`, {
      Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: member }] }],
    });
    expect(patched.status).toBe(204);
    const fetched = (await t.scim('GET', `/Groups/${group.body.id}`)).body;
    expect(fetched.displayName).toBe('Mapped group');
    expect(fetched.externalId).toBe('entra-object-id');
    expect(fetched.members.map((m: any) => m.value)).toEqual([member]);
  });
});
