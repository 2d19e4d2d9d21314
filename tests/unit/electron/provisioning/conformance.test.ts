/**
 * Conformance hints (issue 9): one positive and one negative case per hint, each citing entra-behavior.md.
 */

import { describe, expect, it } from 'vitest';
import { conformanceHints, type HintInput } from '../../../../electron/provisioning/conformance.js';
import { MESSAGE_ERROR, MESSAGE_LIST_RESPONSE, MESSAGE_PATCH_OP, SCHEMA_ENTERPRISE_USER, SCHEMA_USER } from '../../../../shared/scim/constants.js';

const SCIM = { 'Content-Type': 'application/scim+json; charset=utf-8' };
const json = (value: unknown): string => JSON.stringify(value);
const list = (resources: unknown[], total = resources.length) => json({ schemas: [MESSAGE_LIST_RESPONSE], totalResults: total, startIndex: 1, itemsPerPage: resources.length, Resources: resources });
const error = (status: number, detail = 'no') => json({ schemas: [MESSAGE_ERROR], status: String(status), detail });
const user = (extra: Record<string, unknown> = {}) => ({ schemas: [SCHEMA_USER], id: 'u1', userName: 'alice@contoso.com', ...extra });
const patch = (...operations: unknown[]) => json({ schemas: [MESSAGE_PATCH_OP], Operations: operations });

function exchange(overrides: Partial<HintInput>): HintInput {
  return {
    method: 'GET',
    query: '',
    status: 200,
    entity: 'User',
    operation: 'read',
    requestBody: null,
    responseHeaders: SCIM,
    responseBody: json(user()),
    ...overrides,
  };
}

const ids = (input: Partial<HintInput>): string[] => conformanceHints(exchange(input)).map((hint) => hint.id);

const groupMatch = (resources: unknown[]): Partial<HintInput> => ({
  entity: 'Group',
  operation: 'match',
  query: 'excludedAttributes=members&filter=displayName+eq+%22Sales%22',
  responseBody: list(resources),
});

describe('conformanceHints', () => {
  it('finds nothing in the answers the built-in target gives', () => {
    expect(ids({})).toEqual([]);
    expect(ids({ operation: 'match', query: 'filter=userName+eq+%22a%22', responseBody: list([user()]) })).toEqual([]);
    expect(ids({ operation: 'test-connection', responseBody: list([]) })).toEqual([]);
    expect(ids({ method: 'PATCH', entity: 'Group', operation: 'add-members', status: 204, responseHeaders: {}, responseBody: null })).toEqual([]);
    expect(ids({ method: 'POST', operation: 'create', status: 409, responseBody: json({ ...JSON.parse(error(409)), scimType: 'uniqueness' }) })).toEqual([]);
    expect(ids({ status: 499, responseHeaders: {}, responseBody: null })).toEqual([]);
  });

  it('cites entra-behavior.md with a section and a plain message', () => {
    const [hint] = conformanceHints(exchange({ operation: 'match', status: 404, responseBody: error(404) }));
    expect(hint).toEqual({ id: 'not-found-on-query', severity: 'error', message: expect.stringContaining('quarantine'), source: 'entra-behavior.md §4' });
  });

  describe('members-despite-excluded (§2.2)', () => {
    it('flags members returned on a group lookup that excluded them', () => {
      const [hint] = conformanceHints(exchange(groupMatch([{ id: 'g1', displayName: 'Sales', members: [{ value: 'u1' }] }])));
      expect(hint).toMatchObject({ id: 'members-despite-excluded', severity: 'error', source: 'entra-behavior.md §2.2' });
      expect(hint?.message).toContain('SystemForCrossDomainIdentityManagementMultipleEntriesInResponse');
      expect(ids({ entity: 'Group', query: 'excludedAttributes=members', responseBody: json({ id: 'g1', displayName: 'Sales', members: [{ value: 'u1' }] }) })).toEqual(['members-despite-excluded']);
      expect(conformanceHints(exchange(groupMatch([{ id: 'g1', displayName: 'Sales', members: [] }])))[0]).toMatchObject({ id: 'members-despite-excluded', severity: 'warning' });
    });

    it('accepts a lookup without members, or one that did not exclude them', () => {
      expect(ids(groupMatch([{ id: 'g1', displayName: 'Sales' }]))).toEqual([]);
      expect(ids({ ...groupMatch([{ id: 'g1', displayName: 'Sales', members: [{ value: 'u1' }] }]), query: 'filter=displayName+eq+%22Sales%22' })).toEqual([]);
    });
  });

  describe('multiple-matches (§2.1)', () => {
    it('flags a match answered 200 with several resources', () => {
      expect(conformanceHints(exchange({ operation: 'match', responseBody: list([user(), user({ id: 'u2' })]) }))[0]).toMatchObject({
        id: 'multiple-matches',
        severity: 'error',
        message: expect.stringContaining('DuplicateTargetEntries'),
        source: 'entra-behavior.md §2.1',
      });
    });

    it('accepts one match, and several results on a plain list', () => {
      expect(ids({ operation: 'match', responseBody: list([user()]) })).toEqual([]);
      expect(ids({ operation: 'list', responseBody: list([user(), user({ id: 'u2' })]) })).toEqual([]);
    });
  });

  describe('not-found-on-query (§4)', () => {
    it('flags 404 on a list or filter query', () => {
      expect(ids({ operation: 'match', status: 404, responseBody: error(404) })).toEqual(['not-found-on-query']);
      expect(ids({ operation: 'list', status: 404, responseBody: error(404) })).toEqual(['not-found-on-query']);
    });

    it('accepts 404 on a read by id (InvalidAnchor, not a compliance issue)', () => {
      expect(ids({ operation: 'read', status: 404, responseBody: error(404) })).toEqual([]);
    });
  });

  describe('content-type (§1)', () => {
    it('flags an answer that is not application/scim+json', () => {
      expect(conformanceHints(exchange({ responseHeaders: { 'content-type': 'text/html' } }))[0]).toMatchObject({ id: 'content-type', severity: 'error', source: 'entra-behavior.md §1' });
      expect(conformanceHints(exchange({ responseHeaders: { 'Content-Type': 'application/json; charset=utf-8' } }))[0]).toMatchObject({ id: 'content-type', severity: 'warning' });
      expect(ids({ responseHeaders: {} })).toEqual(['content-type']);
    });

    it('accepts application/scim+json with parameters, and no Content-Type on an empty answer', () => {
      expect(ids({ responseHeaders: { 'content-type': 'Application/SCIM+json;charset=UTF-8' } })).toEqual([]);
      expect(ids({ method: 'DELETE', operation: 'delete', status: 204, responseHeaders: {}, responseBody: null })).toEqual([]);
    });
  });

  describe('error-schema-missing and error-status-not-string (§4)', () => {
    it('flags an error body without the Error schema, or with no SCIM body at all', () => {
      expect(ids({ status: 500, responseBody: json({ status: '500', detail: 'boom' }) })).toEqual(['error-schema-missing']);
      expect(ids({ status: 500, responseHeaders: { 'content-type': 'text/plain' }, responseBody: 'boom' })).toEqual(['error-schema-missing', 'content-type']);
      expect(conformanceHints(exchange({ status: 401, responseHeaders: {}, responseBody: null }))[0]).toMatchObject({ id: 'error-schema-missing', source: 'entra-behavior.md §4' });
    });

    it('flags a numeric or missing status', () => {
      expect(ids({ status: 409, responseBody: json({ schemas: [MESSAGE_ERROR], status: 409, detail: 'taken' }) })).toEqual(['error-status-not-string']);
      expect(conformanceHints(exchange({ status: 409, responseBody: json({ schemas: [MESSAGE_ERROR], status: 409 }) }))[0]?.message).toContain('"409"');
      expect(ids({ status: 409, responseBody: json({ schemas: [MESSAGE_ERROR], detail: 'taken' }) })).toEqual(['error-status-not-string']);
    });

    it('accepts a proper SCIM error', () => {
      expect(ids({ status: 500, responseBody: error(500) })).toEqual([]);
    });
  });

  describe('boolean-string-rejected (§3.2 rule 2)', () => {
    const disable = (value: unknown) => patch({ op: 'Replace', path: 'active', value });

    it('flags a 400 to "False" or "True" sent for active', () => {
      expect(conformanceHints(exchange({ method: 'PATCH', operation: 'disable', status: 400, requestBody: disable('False'), responseBody: error(400) }))[0]).toMatchObject({
        id: 'boolean-string-rejected',
        severity: 'error',
        source: 'entra-behavior.md §3.2',
      });
      expect(ids({ method: 'PATCH', operation: 'update', status: 400, requestBody: patch({ op: 'replace', value: { active: 'true' } }), responseBody: error(400) })).toEqual(['boolean-string-rejected']);
      expect(ids({ method: 'POST', operation: 'create', status: 400, requestBody: json({ userName: 'a', active: 'True' }), responseBody: error(400) })).toEqual(['boolean-string-rejected']);
    });

    it('accepts a 400 to a real boolean, and a successful "False"', () => {
      expect(ids({ method: 'PATCH', operation: 'disable', status: 400, requestBody: disable(false), responseBody: error(400) })).toEqual([]);
      expect(ids({ method: 'PATCH', operation: 'disable', status: 200, requestBody: disable('False'), responseBody: json(user({ active: false })) })).toEqual([]);
    });
  });

  describe('group-patch-status and group-patch-members (§2.2)', () => {
    const groupPatch = (status: number, body: unknown = null): Partial<HintInput> => ({
      method: 'PATCH',
      entity: 'Group',
      operation: 'add-members',
      status,
      requestBody: patch({ op: 'Add', path: 'members', value: [{ value: 'u1' }] }),
      responseBody: body === null ? null : json(body),
    });

    it('flags a group PATCH answered with a success other than 204/200, or returning the members', () => {
      expect(conformanceHints(exchange(groupPatch(202)))[0]).toMatchObject({ id: 'group-patch-status', severity: 'error', source: 'entra-behavior.md §2.2' });
      expect(conformanceHints(exchange(groupPatch(200, { id: 'g1', displayName: 'Sales', members: [{ value: 'u1' }] })))[0]).toMatchObject({ id: 'group-patch-members', severity: 'warning' });
    });

    it('accepts 204, 200 without members, and leaves error statuses to the error checks', () => {
      expect(ids(groupPatch(204))).toEqual([]);
      expect(ids(groupPatch(200, { id: 'g1', displayName: 'Sales' }))).toEqual([]);
      expect(ids({ ...groupPatch(404), responseBody: error(404) })).toEqual([]);
    });
  });

  describe('manager-not-object (§2.1)', () => {
    it('flags manager returned as a bare string', () => {
      expect(conformanceHints(exchange({ responseBody: json(user({ [SCHEMA_ENTERPRISE_USER]: { manager: 'u9' } })) }))[0]).toMatchObject({
        id: 'manager-not-object',
        severity: 'error',
        source: 'entra-behavior.md §2.1',
      });
      expect(ids({ operation: 'match', responseBody: list([user({ manager: 'u9' })]) })).toEqual(['manager-not-object']);
    });

    it('accepts the complex form', () => {
      expect(ids({ responseBody: json(user({ [SCHEMA_ENTERPRISE_USER]: { manager: { value: 'u9', $ref: 'https://x/Users/u9' } } })) })).toEqual([]);
    });
  });

  describe('resource-without-id (§2.1)', () => {
    it('flags a returned resource without id, and a create answered without the resource', () => {
      const { id: _omitted, ...noId } = user();
      expect(conformanceHints(exchange({ responseBody: json(noId) }))[0]).toMatchObject({ id: 'resource-without-id', severity: 'error', source: 'entra-behavior.md §2.1' });
      expect(ids({ operation: 'match', responseBody: list([noId]) })).toEqual(['resource-without-id']);
      expect(ids({ method: 'POST', operation: 'create', status: 201, responseHeaders: {}, responseBody: null })).toEqual(['resource-without-id']);
    });

    it('accepts resources with ids and the empty ListResponse', () => {
      expect(ids({ method: 'POST', operation: 'create', status: 201 })).toEqual([]);
      expect(ids({ operation: 'match', responseBody: list([]) })).toEqual([]);
    });
  });

  describe('list-response-shape (§2.1)', () => {
    it('flags a lookup answered without totalResults or Resources', () => {
      expect(conformanceHints(exchange({ operation: 'match', responseBody: json({ Resources: [user()] }) }))[0]).toMatchObject({
        id: 'list-response-shape',
        severity: 'error',
        source: 'entra-behavior.md §2.1',
      });
      expect(ids({ operation: 'match', responseBody: json({ schemas: [MESSAGE_LIST_RESPONSE], totalResults: 1 }) })).toEqual(['list-response-shape']);
      expect(conformanceHints(exchange({ operation: 'test-connection', responseBody: json({ schemas: [MESSAGE_LIST_RESPONSE], totalResults: 0 }) }))[0]).toMatchObject({
        id: 'list-response-shape',
        severity: 'warning',
      });
      expect(ids({ operation: 'match', responseBody: json(user()) })).toEqual(['list-response-shape']);
    });

    it('accepts a complete ListResponse, and leaves reads alone', () => {
      expect(ids({ operation: 'match', responseBody: list([user()]) })).toEqual([]);
      expect(ids({ operation: 'read', responseBody: json(user()) })).toEqual([]);
    });
  });
});
