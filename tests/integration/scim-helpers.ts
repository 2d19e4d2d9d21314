/**
 * Small helpers shared by the integration tests: SCIM error assertions, request bodies and fixtures.
 */

import { expect } from 'vitest';
import {
  MESSAGE_ERROR,
  MESSAGE_LIST_RESPONSE,
  MESSAGE_PATCH_OP,
  SCHEMA_ENTERPRISE_USER,
  SCHEMA_GROUP,
  SCHEMA_MICROSOFT_ADSCIM_GROUP,
  SCHEMA_USER,
} from '../../shared/scim/constants.js';
import type { ScimReply, TestMonitor } from '../support/monitor.js';

export { MESSAGE_ERROR, MESSAGE_LIST_RESPONSE, MESSAGE_PATCH_OP, SCHEMA_ENTERPRISE_USER, SCHEMA_GROUP, SCHEMA_MICROSOFT_ADSCIM_GROUP, SCHEMA_USER };

export const SCIM_JSON = 'application/scim+json; charset=utf-8';

/** Asserts an RFC 7644 §3.12 error response with this status (and scimType, when given). */
export function expectScimError(reply: ScimReply, status: number, scimType?: string): void {
  expect({ status: reply.status, contentType: reply.headers.get('content-type') }).toEqual({ status, contentType: SCIM_JSON });
  expect(reply.body.schemas).toEqual([MESSAGE_ERROR]);
  expect(reply.body.status).toBe(String(status));
  expect(typeof reply.body.detail).toBe('string');
  expect(reply.body.detail.length).toBeGreaterThan(0);
  if (scimType === undefined) expect(reply.body).not.toHaveProperty('scimType');
  else expect(reply.body.scimType).toBe(scimType);
}

/** `filter=<encoded>`, as Entra sends it (values quoted, percent-encoded). */
export const filterParam = (filter: string): string => `filter=${encodeURIComponent(filter)}`;

/** A PatchOp body. */
export const patchOp = (...operations: readonly Record<string, unknown>[]): Record<string, unknown> => ({
  schemas: [MESSAGE_PATCH_OP],
  Operations: operations,
});

/** The create body Entra documents (entra-behavior.md §2.1), with the names made unique per call. */
export function entraCreateBody(userName: string, externalId: string): Record<string, unknown> {
  return {
    schemas: [SCHEMA_USER, SCHEMA_ENTERPRISE_USER],
    externalId,
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: `${userName}@testuser.com` }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
  };
}

/** Entra's group create body (entra-behavior.md §2.2): the Microsoft ADSCIM schema URI, externalId and meta. */
export function entraGroupBody(displayName: string, externalId: string): Record<string, unknown> {
  return {
    schemas: [SCHEMA_GROUP, SCHEMA_MICROSOFT_ADSCIM_GROUP],
    externalId,
    displayName,
    meta: { resourceType: 'Group' },
  };
}

/** POSTs a user and returns the created resource; fails the test unless the answer is 201. */
export async function createUser(t: TestMonitor, body: Record<string, unknown>, query = ''): Promise<any> {
  const reply = await t.scim('POST', `/Users${query}`, { schemas: [SCHEMA_USER], ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

/** POSTs a group and returns the created resource; fails the test unless the answer is 201. */
export async function createGroup(t: TestMonitor, body: Record<string, unknown>, query = ''): Promise<any> {
  const reply = await t.scim('POST', `/Groups${query}`, { schemas: [SCHEMA_GROUP], ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

/** The member ids of a group, sorted. */
export async function memberIds(t: TestMonitor, groupId: string): Promise<string[]> {
  const reply = await t.scim('GET', `/Groups/${groupId}`);
  expect(reply.status, reply.text).toBe(200);
  return (reply.body.members as { value: string }[]).map((m) => m.value).sort();
}
