/**
 * What a SCIM request was, in the words Entra's provisioning logs use (entra-behavior.md §6.1, design/screens.md).
 */

/** The fine-grained operation a request performed. */
export type Operation =
  | 'test-connection'
  | 'match'
  | 'list'
  | 'read'
  | 'create'
  | 'update'
  | 'disable'
  | 'enable'
  | 'delete'
  | 'add-members'
  | 'remove-members'
  | 'discovery'
  | 'unknown';

/** What kind of object a request was about. */
export type Entity = 'User' | 'Group' | 'Config' | 'Unknown';

/** Entra's provisioning-log Action (Graph `provisioningAction`). */
export type EntraAction = 'Create' | 'Update' | 'Disable' | 'Delete' | 'StagedDelete' | 'Other';

/** Entra's provisioning-log Status (Graph `provisioningStatusInfo.status`). */
export type EntraStatus = 'Success' | 'Failure' | 'Skipped' | 'Warning';

/** Which PATCH dialect a request's shape shows (entra-behavior.md §3.1); null when it shows neither. */
export type PatchDialect = 'default' | 'aadOptscim062020';

export const OPERATIONS: readonly Operation[] = [
  'test-connection',
  'match',
  'list',
  'read',
  'create',
  'update',
  'disable',
  'enable',
  'delete',
  'add-members',
  'remove-members',
  'discovery',
  'unknown',
];

/** Entra's Action for each operation: reads and matches are "Other" rows when Entra logs them at all. */
export const ACTION_OF: Readonly<Record<Operation, EntraAction>> = {
  'test-connection': 'Other',
  match: 'Other',
  list: 'Other',
  read: 'Other',
  create: 'Create',
  update: 'Update',
  disable: 'Disable',
  enable: 'Update',
  delete: 'Delete',
  'add-members': 'Update',
  'remove-members': 'Update',
  discovery: 'Other',
  unknown: 'Other',
};
