/**
 * The default attribute mappings of Entra's Britive gallery app, row for row.
 *
 * Source: learn.microsoft.com/entra/identity/saas-apps/britive-provisioning-tutorial (MicrosoftDocs/entra-docs,
 * docs/identity/saas-apps/britive-provisioning-tutorial.md, revision of 03/25/2024). That revision's user table has
 * 45 rows (all three address types carry six parts) and its group table 3. Each entry is the *target* attribute path
 * exactly as Entra writes it in PATCH paths, so tests and the UI's attribute coverage use the mapping blade's words.
 */

import { SCHEMA_ENTERPRISE_USER } from './constants.js';

/** A row of the mapping table: the target path and whether Entra treats it as a reference. */
export interface MappedAttribute {
  readonly path: string;
  readonly reference?: true;
}

const CORE_USER: readonly string[] = [
  'userName',
  'active',
  'displayName',
  'title',
  'externalId',
  'preferredLanguage',
  'name.givenName',
  'name.familyName',
  'nickName',
  'userType',
  'locale',
  'timezone',
];

const EMAIL_TYPES = ['home', 'other', 'work'] as const;
const PHONE_TYPES = ['home', 'other', 'pager', 'work', 'mobile', 'fax'] as const;
const ADDRESS_TYPES = ['work', 'home', 'other'] as const;
const ADDRESS_PARTS = ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'] as const;
const ENTERPRISE = ['employeeNumber', 'costCenter', 'organization', 'division', 'department'] as const;

/** The user rows of the Britive mapping, in the tutorial's order. */
export const BRITIVE_USER_ATTRIBUTES: readonly MappedAttribute[] = [
  ...CORE_USER.map((path) => ({ path })),
  ...EMAIL_TYPES.map((type) => ({ path: `emails[type eq "${type}"].value` })),
  ...PHONE_TYPES.map((type) => ({ path: `phoneNumbers[type eq "${type}"].value` })),
  ...ADDRESS_TYPES.flatMap((type) => ADDRESS_PARTS.map((part) => ({ path: `addresses[type eq "${type}"].${part}` }))),
  ...ENTERPRISE.map((name) => ({ path: `${SCHEMA_ENTERPRISE_USER}:${name}` })),
  { path: `${SCHEMA_ENTERPRISE_USER}:manager`, reference: true },
];

/** The group rows of the Britive mapping; displayName is the matching attribute. */
export const BRITIVE_GROUP_ATTRIBUTES: readonly MappedAttribute[] = [
  { path: 'displayName' },
  { path: 'externalId' },
  { path: 'members', reference: true },
];
