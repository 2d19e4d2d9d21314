/**
 * coverage.get over real traffic: which Britive mapping rows arrived, when, and how many users or groups hold a
 * value now (entra-behavior.md §12).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { coverageHandlers } from '../../../../electron/api/coverage.js';
import { holderExpression } from '../../../../electron/provisioning/attribute-holders.js';
import { BRITIVE_GROUP_ATTRIBUTES, BRITIVE_USER_ATTRIBUTES } from '../../../../shared/scim/britive-mapping.js';
import { SCHEMA_ENTERPRISE_USER, SCHEMA_USER } from '../../../../shared/scim/constants.js';
import { testApiDeps } from '../../../support/api.js';
import { START, startEntraReplay, STEP_MS, type EntraReplay } from '../../../support/entra-replay.js';

const CUSTOM = 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User';

let r: EntraReplay | undefined;
afterEach(async () => {
  await r?.stop();
  r = undefined;
});

describe('coverage.get', () => {
  it('reports arrival, last arrival and holders per mapping row, and unmapped attributes that arrived', async () => {
    r = await startEntraReplay();
    const api = coverageHandlers(testApiDeps(r.t, { now: () => r!.now() }));
    const empty = await api['coverage.get'](undefined);
    expect(empty).toHaveLength(BRITIVE_USER_ATTRIBUTES.length + BRITIVE_GROUP_ATTRIBUTES.length);
    expect(empty.every((row) => row.mapped && !row.arrived && row.lastSeen === null && row.holders === 0)).toBe(true);

    const at = (n: number) => START + n * STEP_MS;
    const alice = await r.provisionUser('alice@contoso.com', {
      schemas: [SCHEMA_USER, SCHEMA_ENTERPRISE_USER, CUSTOM],
      name: { givenName: 'Alice', familyName: 'Smith' },
      [SCHEMA_ENTERPRISE_USER]: { department: 'Sales' },
      [CUSTOM]: { costCode: 'CC-1' },
    }); // requests 0–1
    const bob = await r.provisionUser('bob@contoso.com', {
      title: 'Engineer',
      emails: [{ primary: true, type: 'work', value: 'bob@contoso.com' }, { type: 'home', value: '' }],
      phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
    }); // 2–3
    await r.patchUser(bob, { op: 'Add', path: `${SCHEMA_ENTERPRISE_USER}:manager`, value: alice }); // 4
    const sales = await r.provisionGroup('Sales'); // 5–6
    await r.addMembers(sales, [alice]); // 7
    await r.provisionGroup('Empty'); // 8–9

    const rows = await api['coverage.get'](undefined);
    const row = (entity: 'User' | 'Group', attribute: string) => rows.find((x) => x.entity === entity && x.attribute === attribute);
    const expectRow = (entity: 'User' | 'Group', attribute: string, arrivedAt: number | null, holders: number, mapped = true) =>
      expect(row(entity, attribute), `${entity} ${attribute}`).toEqual({ attribute, entity, mapped, arrived: arrivedAt !== null, lastSeen: arrivedAt, holders });

    expectRow('User', 'userName', at(3), 2);
    expectRow('User', 'active', at(3), 2);
    expectRow('User', 'title', at(3), 1);
    expectRow('User', 'nickName', null, 0);
    expectRow('User', 'name.givenName', at(1), 1);
    expectRow('User', 'emails[type eq "work"].value', at(3), 2);
    // An empty string arrived (it was sent), but it is no value, so nobody holds it.
    expectRow('User', 'emails[type eq "home"].value', at(3), 0);
    expectRow('User', 'emails[type eq "other"].value', null, 0);
    expectRow('User', 'phoneNumbers[type eq "mobile"].value', at(3), 1);
    expectRow('User', `${SCHEMA_ENTERPRISE_USER}:department`, at(1), 1);
    expectRow('User', `${SCHEMA_ENTERPRISE_USER}:manager`, at(4), 1);
    // displayName arrivals are one name for users and groups; holders are counted per table.
    expectRow('User', 'displayName', at(9), 2);
    expectRow('Group', 'displayName', at(9), 2);
    expectRow('Group', 'externalId', at(9), 2);
    expectRow('Group', 'members', at(7), 1);

    const unmapped = rows.filter((x) => !x.mapped);
    expect(unmapped.map((x) => x.attribute)).toEqual(['emails[type eq "work"].primary', `${CUSTOM}:costCode`]);
    expect(unmapped.find((x) => x.attribute === `${CUSTOM}:costCode`)).toEqual({
      attribute: `${CUSTOM}:costCode`,
      entity: 'User',
      mapped: false,
      arrived: true,
      lastSeen: at(1),
      holders: 1,
    });
  });
});

describe('holderExpression', () => {
  it('turns mapping paths into bound JSON paths, never splicing values into SQL', () => {
    expect(holderExpression('emails[type eq "work"].value', 'users')?.params).toEqual(['$."emails"', 'work', '$."value"']);
    expect(holderExpression(`${SCHEMA_ENTERPRISE_USER}:manager`, 'users')?.params).toEqual([`$."${SCHEMA_ENTERPRISE_USER}"."manager"`]);
    expect(holderExpression('name.givenName', 'users')?.params).toEqual(['$."name"."givenName"']);
    expect(holderExpression('weird"name', 'users')).toBeNull();
  });
});
