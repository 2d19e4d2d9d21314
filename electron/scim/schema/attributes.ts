/**
 * Attribute definitions of the User, EnterpriseUser and Group schemas (RFC 7643 §4, §8.7.1).
 *
 * One table drives everything that needs to know an attribute's shape: canonical (case-insensitive) names for
 * filters and PATCH paths, boolean coercion, caseExact comparison, the `returned` rules, and `/Schemas`.
 */

import { SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP, SCHEMA_USER } from '../../../shared/scim/constants.js';

export type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';

export interface AttributeDef {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: 'none' | 'server' | 'global';
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDef[];
}

export interface SchemaDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDef[];
}

type Options = Partial<Omit<AttributeDef, 'name' | 'type' | 'description'>>;

function attr(name: string, type: AttributeType, description: string, options: Options = {}): AttributeDef {
  return {
    name,
    type,
    description,
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

/** The sub-attributes shared by emails, phoneNumbers, ims and photos (RFC 7643 §2.4). */
function multiValuedStrings(name: string, description: string, types: readonly string[], valueType: AttributeType = 'string'): AttributeDef {
  return attr(name, 'complex', description, {
    multiValued: true,
    subAttributes: [
      attr('value', valueType, `The ${name} value.`, valueType === 'reference' ? { referenceTypes: ['external'] } : {}),
      attr('display', 'string', 'A human-readable name, primarily used for display purposes.'),
      attr('type', 'string', 'A label indicating the attribute\'s function.', { canonicalValues: types }),
      attr('primary', 'boolean', 'Indicates the primary or preferred value.'),
    ],
  });
}

const ADDRESS_PARTS: readonly AttributeDef[] = [
  attr('formatted', 'string', 'The full mailing address, formatted for display.'),
  attr('streetAddress', 'string', 'The full street address component.'),
  attr('locality', 'string', 'The city or locality component.'),
  attr('region', 'string', 'The state or region component.'),
  attr('postalCode', 'string', 'The zip code or postal code component.'),
  attr('country', 'string', 'The country name component.'),
  attr('type', 'string', 'A label indicating the attribute\'s function.', { canonicalValues: ['work', 'home', 'other'] }),
  attr('primary', 'boolean', 'Indicates the primary or preferred address.'),
];

const REFERENCE_SUBS = (types: readonly string[]): readonly AttributeDef[] => [
  attr('value', 'string', 'The identifier of the referenced resource.', { mutability: 'immutable' }),
  attr('$ref', 'reference', 'The URI of the referenced resource.', { referenceTypes: types, mutability: 'immutable' }),
  attr('display', 'string', 'A human-readable name.', { mutability: 'readOnly' }),
  attr('type', 'string', 'The type of the referenced resource.', { canonicalValues: types, mutability: 'immutable' }),
];

export const USER_SCHEMA: SchemaDef = {
  id: SCHEMA_USER,
  name: 'User',
  description: 'User Account',
  attributes: [
    attr('userName', 'string', 'Unique identifier for the User, used to authenticate; Entra matches on it by default.', {
      required: true,
      uniqueness: 'server',
    }),
    attr('name', 'complex', 'The components of the user\'s real name.', {
      subAttributes: ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'].map((n) =>
        attr(n, 'string', `The ${n} part of the user's name.`),
      ),
    }),
    attr('displayName', 'string', 'The name of the User, suitable for display to end-users.'),
    attr('nickName', 'string', 'The casual way to address the user.'),
    attr('profileUrl', 'reference', 'A URI that is a uniform resource locator of the user\'s profile.', { referenceTypes: ['external'] }),
    attr('title', 'string', 'The user\'s title, such as "Vice President".'),
    attr('userType', 'string', 'The relationship between the organization and the user.'),
    attr('preferredLanguage', 'string', 'The user\'s preferred written or spoken language.'),
    attr('locale', 'string', 'The user\'s default location for localization.'),
    attr('timezone', 'string', 'The user\'s time zone in the "Olson" time zone database format.'),
    attr('active', 'boolean', 'The user\'s administrative status; Entra disables a user by setting it to false.'),
    attr('password', 'string', 'The user\'s cleartext password; never stored or returned by this listener.', {
      mutability: 'writeOnly',
      returned: 'never',
    }),
    multiValuedStrings('emails', 'Email addresses for the user.', ['work', 'home', 'other']),
    multiValuedStrings('phoneNumbers', 'Phone numbers for the User.', ['work', 'home', 'mobile', 'fax', 'pager', 'other']),
    multiValuedStrings('ims', 'Instant messaging addresses for the User.', ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']),
    multiValuedStrings('photos', 'URLs of photos of the User.', ['photo', 'thumbnail'], 'reference'),
    attr('addresses', 'complex', 'A physical mailing address for this User.', { multiValued: true, subAttributes: ADDRESS_PARTS }),
    attr('groups', 'complex', 'A list of groups to which the user belongs.', {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: REFERENCE_SUBS(['Group']).map((sub) => ({ ...sub, mutability: 'readOnly' as const })),
    }),
    multiValuedStrings('entitlements', 'A list of entitlements for the User.', []),
    multiValuedStrings('roles', 'A list of roles for the User.', []),
    multiValuedStrings('x509Certificates', 'A list of certificates issued to the User.', []),
  ],
};

export const ENTERPRISE_USER_SCHEMA: SchemaDef = {
  id: SCHEMA_ENTERPRISE_USER,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attr('employeeNumber', 'string', 'Numeric or alphanumeric identifier assigned to a person.'),
    attr('costCenter', 'string', 'Identifies the name of a cost center.'),
    attr('organization', 'string', 'Identifies the name of an organization.'),
    attr('division', 'string', 'Identifies the name of a division.'),
    attr('department', 'string', 'Identifies the name of a department.'),
    attr('manager', 'complex', 'The User\'s manager; Entra may send it as a bare id string, it is always returned as an object.', {
      subAttributes: [
        attr('value', 'string', 'The id of the SCIM resource representing the User\'s manager.'),
        attr('$ref', 'reference', 'The URI of the SCIM resource representing the User\'s manager.', { referenceTypes: ['User'] }),
        attr('displayName', 'string', 'The displayName of the User\'s manager.', { mutability: 'readOnly' }),
      ],
    }),
  ],
};

export const GROUP_SCHEMA: SchemaDef = {
  id: SCHEMA_GROUP,
  name: 'Group',
  description: 'Group',
  attributes: [
    attr('displayName', 'string', 'A human-readable name for the Group; unique, since Entra matches groups on it.', {
      required: true,
      uniqueness: 'server',
    }),
    attr('members', 'complex', 'A list of members of the Group.', { multiValued: true, subAttributes: REFERENCE_SUBS(['User']) }),
  ],
};

/** Attributes common to every resource (RFC 7643 §3.1); `externalId` is caseExact and set by the client. */
export const COMMON_ATTRIBUTES: readonly AttributeDef[] = [
  attr('id', 'string', 'Unique identifier for the resource, assigned by the service provider.', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attr('externalId', 'string', 'An identifier for the resource as defined by the provisioning client.', { caseExact: true }),
  attr('meta', 'complex', 'Resource metadata.', {
    mutability: 'readOnly',
    subAttributes: [
      attr('resourceType', 'string', 'The name of the resource type.', { caseExact: true, mutability: 'readOnly' }),
      attr('created', 'dateTime', 'When the resource was added.', { mutability: 'readOnly' }),
      attr('lastModified', 'dateTime', 'When the resource was last modified.', { mutability: 'readOnly' }),
      attr('location', 'reference', 'The URI of the resource.', { caseExact: true, mutability: 'readOnly' }),
      attr('version', 'string', 'The version (ETag) of the resource.', { caseExact: true, mutability: 'readOnly' }),
    ],
  }),
];

export const ALL_SCHEMAS: readonly SchemaDef[] = [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA];
