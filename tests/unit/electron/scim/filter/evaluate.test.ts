import { describe, expect, it } from 'vitest';
import { ScimError } from '../../../../../electron/scim/errors.js';
import { matchesFilter } from '../../../../../electron/scim/filter/evaluate.js';
import { parseFilter } from '../../../../../electron/scim/filter/parse.js';
import type { JsonObject } from '../../../../../electron/scim/resource/types.js';
import { COMMON_ATTRIBUTES, GROUP_SCHEMA, USER_SCHEMA, type AttributeDef } from '../../../../../electron/scim/schema/attributes.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const USER_DEFS: readonly AttributeDef[] = [...COMMON_ATTRIBUTES, ...USER_SCHEMA.attributes];
const subDefs = (defs: readonly AttributeDef[], name: string): readonly AttributeDef[] =>
  defs.find((d) => d.name === name)?.subAttributes ?? [];
const EMAIL_DEFS = subDefs(USER_SCHEMA.attributes, 'emails');
const MEMBER_DEFS = subDefs(GROUP_SCHEMA.attributes, 'members');

const matches = (element: JsonObject, filter: string, defs?: readonly AttributeDef[]): boolean =>
  matchesFilter(element, parseFilter(filter), defs);

const work: JsonObject = { type: 'work', value: 'Alice@Contoso.com', primary: true };
const home: JsonObject = { type: 'home', value: 'alice@home.example', primary: false };

const user: JsonObject = {
  userName: 'Alice@Contoso.com',
  externalId: 'ExtAlice',
  displayName: 'Alice Smith',
  nickName: '100%_done',
  title: '',
  active: true,
  name: { givenName: 'Alice', familyName: 'Smith' },
  emails: [work, home],
  roles: [],
  [ENTERPRISE]: { department: 'Engineering', employeeNumber: '00042', manager: { value: 'u2' } },
  'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User': { CustomAttribute: 'blue' },
  score: 7,
};

describe('matchesFilter on elements of a multi-valued attribute (PATCH paths)', () => {
  it('selects the work email by type, case-insensitively', () => {
    expect([work, home].filter((e) => matches(e, 'type eq "work"', EMAIL_DEFS))).toEqual([work]);
    expect([work, home].filter((e) => matches(e, 'TYPE eq "WORK"', EMAIL_DEFS))).toEqual([work]);
    expect([work, home].filter((e) => matches(e, 'type ne "work"', EMAIL_DEFS))).toEqual([home]);
  });

  it('selects a member by value and by type', () => {
    const members: JsonObject[] = [{ value: 'u1', type: 'User' }, { value: 'u2' }];
    expect(members.filter((m) => matches(m, 'value eq "u2"', MEMBER_DEFS))).toEqual([{ value: 'u2' }]);
    expect(members.filter((m) => matches(m, 'value eq 7f4bc1a3', MEMBER_DEFS))).toEqual([]);
    expect(members.filter((m) => matches(m, 'type pr', MEMBER_DEFS))).toEqual([{ value: 'u1', type: 'User' }]);
  });

  it('compares booleans stored as booleans or as "True"/"False" strings', () => {
    expect(matches(work, 'primary eq true', EMAIL_DEFS)).toBe(true);
    expect(matches(home, 'primary eq true', EMAIL_DEFS)).toBe(false);
    expect(matches({ primary: 'True' }, 'primary eq true', EMAIL_DEFS)).toBe(true);
    expect(matches(work, 'primary eq "TRUE"', EMAIL_DEFS)).toBe(true);
    expect(matches(home, 'primary ne true', EMAIL_DEFS)).toBe(true);
  });
});

describe('matchesFilter on a whole resource', () => {
  it('compares strings case-insensitively unless caseExact', () => {
    expect(matches(user, 'userName eq "alice@contoso.com"', USER_DEFS)).toBe(true);
    expect(matches(user, 'externalId eq "extalice"', USER_DEFS)).toBe(false);
    expect(matches(user, 'externalId eq ExtAlice', USER_DEFS)).toBe(true);
    // Without defs everything is case-insensitive.
    expect(matches(user, 'externalId eq "extalice"')).toBe(true);
  });

  it('supports every operator', () => {
    expect(matches(user, 'displayName co "ice sm"', USER_DEFS)).toBe(true);
    expect(matches(user, 'displayName sw "ALICE"', USER_DEFS)).toBe(true);
    expect(matches(user, 'displayName ew "smith"', USER_DEFS)).toBe(true);
    expect(matches(user, 'displayName ew "alice"', USER_DEFS)).toBe(false);
    expect(matches(user, 'nickName sw "100%"', USER_DEFS)).toBe(true);
    expect(matches(user, 'displayName gt "alice"', USER_DEFS)).toBe(true);
    expect(matches(user, 'displayName lt "Bob"', USER_DEFS)).toBe(true);
    expect(matches(user, 'displayName ge "ALICE SMITH"', USER_DEFS)).toBe(true);
    expect(matches(user, 'displayName le "Alice"', USER_DEFS)).toBe(false);
    expect(matches(user, 'score gt 5')).toBe(true);
    expect(matches(user, 'score lt 10')).toBe(true);
    expect(matches(user, 'score ge 8')).toBe(false);
    expect(matches(user, 'score eq "7"')).toBe(false);
    expect(matches(user, `${ENTERPRISE}:employeeNumber eq 42`, USER_DEFS)).toBe(false);
    // An unquoted number compared with a known string attribute compares as a string.
    expect(matches({ [ENTERPRISE]: { employeeNumber: '42' } }, `${ENTERPRISE}:employeeNumber eq 42`, USER_DEFS)).toBe(true);
  });

  it('matches a multi-valued attribute when any element matches', () => {
    expect(matches(user, 'emails.value eq "ALICE@home.example"', USER_DEFS)).toBe(true);
    expect(matches(user, 'emails eq "alice@home.example"', USER_DEFS)).toBe(true);
    expect(matches(user, 'emails.type eq "other"', USER_DEFS)).toBe(false);
  });

  it('binds value-path conditions to one element', () => {
    expect(matches(user, 'emails[type eq "work"].value eq "alice@contoso.com"', USER_DEFS)).toBe(true);
    expect(matches(user, 'emails[type eq "work"].value eq "alice@home.example"', USER_DEFS)).toBe(false);
    expect(matches(user, 'emails[type eq "home" and primary eq false]', USER_DEFS)).toBe(true);
    expect(matches(user, 'name[givenName eq "alice"]', USER_DEFS)).toBe(true);
  });

  it('implements pr as "non-empty"', () => {
    expect(matches(user, 'emails pr', USER_DEFS)).toBe(true);
    expect(matches(user, 'roles pr', USER_DEFS)).toBe(false);
    expect(matches(user, 'title pr', USER_DEFS)).toBe(false);
    expect(matches(user, 'name.middleName pr', USER_DEFS)).toBe(false);
    expect(matches(user, 'name.givenName pr', USER_DEFS)).toBe(true);
    expect(matches(user, 'emails.primary pr', USER_DEFS)).toBe(true);
    expect(matches(user, 'title eq null', USER_DEFS)).toBe(true);
    expect(matches(user, 'displayName ne null', USER_DEFS)).toBe(true);
  });

  it('reads extension attributes under their URN, including the malformed enterprise URN', () => {
    expect(matches(user, `${ENTERPRISE}:department eq "engineering"`, USER_DEFS)).toBe(true);
    expect(matches(user, `${ENTERPRISE}:manager.value eq "u2"`, USER_DEFS)).toBe(true);
    expect(matches(user, `${ENTERPRISE}:manager eq "u2"`, USER_DEFS)).toBe(true);
    expect(matches(user, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User:employeeNumber eq 00042', USER_DEFS)).toBe(true);
    expect(matches(user, 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:CustomAttribute eq BLUE')).toBe(true);
    expect(matches(user, 'urn:ietf:params:scim:schemas:extension:Other:2.0:User:CustomAttribute eq blue')).toBe(false);
    expect(matches(user, 'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "alice@contoso.com"', USER_DEFS)).toBe(true);
  });

  it('applies and/or/not with RFC precedence; absent attributes never match ne', () => {
    expect(matches(user, 'userName eq "nobody" or displayName sw "A" and active eq true', USER_DEFS)).toBe(true);
    expect(matches(user, '(userName eq "nobody" or displayName sw "A") and active eq false', USER_DEFS)).toBe(false);
    expect(matches(user, 'not (active eq false)', USER_DEFS)).toBe(true);
    expect(matches(user, 'nickName2 ne "x"', USER_DEFS)).toBe(false);
    expect(matches(user, 'not (nickName2 eq "x")', USER_DEFS)).toBe(true);
  });

  it('rejects ordering operators on booleans with invalidFilter', () => {
    for (const filter of ['active gt true', 'title lt false', 'active co "t"']) {
      try {
        matches(user, filter, USER_DEFS);
        expect.unreachable(filter);
      } catch (error) {
        expect(error).toBeInstanceOf(ScimError);
        expect((error as ScimError).scimType).toBe('invalidFilter');
      }
    }
  });
});
