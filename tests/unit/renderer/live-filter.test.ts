/**
 * The Live filter language: tokens → LogQuery, the plain-language echo, and the live matcher agreeing with both.
 */

import { describe, expect, it } from 'vitest';
import type { LogRow } from '../../../shared/api/log-types.js';
import { describeFilter } from '../../../renderer/screens/live/filter-echo.js';
import { matchesFilter } from '../../../renderer/screens/live/filter-match.js';
import { parseFilter } from '../../../renderer/screens/live/filter-parse.js';
import { readableFilter } from '../../../renderer/screens/live/scim-filter.js';
import { templatePath } from '../../../renderer/lib/labels.js';

const row = (over: Partial<LogRow> = {}): LogRow => ({
  id: 1, ts: 0, method: 'PATCH', path: '/scim/v2/Users/abc', query: '', status: 200, durationMs: 1, entity: 'User', operation: 'disable',
  action: 'Disable', outcome: 'Success', identity: 'alice@contoso.com', externalId: null, resourceId: 'abc', changeId: 'c1', cycleId: 7,
  errorCode: null, scimType: null, memberCount: null, dialect: 'default', fault: null, clientIp: null, forwardedFor: null, replayOf: null, source: 'entra', ...over,
});

describe('parseFilter', () => {
  it('reads typed tokens and free text', () => {
    const { query, errors } = parseFilter('status>=400 op:disable action:create outcome:Failure user:alice cycle:7 method:patch fault:yes "two words"');
    expect(errors).toEqual([]);
    expect(query).toEqual({
      statusMin: 400, operation: ['disable'], action: ['Create'], outcome: ['Failure'], identity: 'alice', cycleId: 7, method: ['PATCH'], faultOnly: true, text: 'two words',
    });
  });

  it('understands status classes, exact codes and ranges', () => {
    expect(parseFilter('status:4xx').query).toEqual({ statusMin: 400, statusMax: 499 });
    expect(parseFilter('status:404').query).toEqual({ statusMin: 404, statusMax: 404 });
    expect(parseFilter('status>399 status<500').query).toEqual({ statusMin: 400, statusMax: 499 });
  });

  it('ORs repeated values', () => {
    expect(parseFilter('op:create,update op:delete').query.operation).toEqual(['create', 'update', 'delete']);
  });

  it('reports unknown keys and bad values instead of ignoring them', () => {
    expect(parseFilter('color:blue').errors[0]).toMatch(/Unknown filter "color:"/);
    expect(parseFilter('op:explode').errors[0]).toMatch(/Unknown operation/);
    expect(parseFilter('status:failure').errors[0]).toMatch(/outcome:Failure/);
    expect(parseFilter('status>=500 status<=400').errors).toContain('The status conditions exclude every code.');
  });

  it('reads who sent the request, with short words, and refuses other senders', () => {
    expect(parseFilter('source:simulator').query).toEqual({ source: ['simulator'] });
    expect(parseFilter('source:sim,replay origin:entra').query).toEqual({ source: ['simulator', 'replay', 'entra'] });
    expect(parseFilter('source:okta').errors[0]).toMatch(/source is entra, simulator or replay/);
  });

  it('keeps quoted text with a colon as text', () => {
    expect(parseFilter('"urn:ietf"').query).toEqual({ text: 'urn:ietf' });
  });
});

describe('describeFilter', () => {
  it('says what is shown', () => {
    expect(describeFilter(parseFilter('').query)).toBe('All requests, newest first');
    expect(describeFilter(parseFilter('method:PATCH user:alice outcome:failure').query)).toBe('PATCH requests for alice… that failed');
    expect(describeFilter(parseFilter('status>=400').query)).toBe('Requests answered 400 or above');
    expect(describeFilter(parseFilter('op:disable cycle:7').query)).toBe('Disables in cycle #7');
    expect(describeFilter(parseFilter('source:simulator,replay').query)).toBe('Requests sent by the simulator or Replay');
  });
});

describe('matchesFilter', () => {
  it('agrees with the parsed query', () => {
    const q = (text: string) => parseFilter(text).query;
    expect(matchesFilter(row(), q('op:disable user:ALI method:patch cycle:7'))).toBe(true);
    expect(matchesFilter(row(), q('status>=400'))).toBe(false);
    expect(matchesFilter(row({ status: 409, outcome: 'Failure' }), q('status:4xx outcome:failure'))).toBe(true);
    expect(matchesFilter(row(), q('user:bob'))).toBe(false);
    expect(matchesFilter(row(), q('contoso'))).toBe(true);
    expect(matchesFilter(row(), q('fault:yes'))).toBe(false);
    expect(matchesFilter(row(), q('source:entra'))).toBe(true);
    expect(matchesFilter(row(), q('source:simulator'))).toBe(false);
    expect(matchesFilter(row({ source: 'simulator' }), q('source:sim,replay'))).toBe(true);
  });
});

describe('readableFilter and templatePath', () => {
  it('spells out a SCIM filter', () => {
    expect(readableFilter('userName eq "a b@contoso.com" and active eq true')).toEqual([
      { attribute: 'userName', operator: 'equals', value: '"a b@contoso.com"', joiner: null },
      { attribute: 'active', operator: 'equals', value: 'true', joiner: 'and' },
    ]);
  });

  it('templates ids out of paths', () => {
    expect(templatePath('/scim/v2/Users/2819c223-7f76')).toBe('/Users/{id}');
    expect(templatePath('/scim/v2/Groups')).toBe('/Groups');
    expect(templatePath('/scim/v2/Schemas/urn:x')).toBe('/Schemas/urn:x');
    expect(templatePath('/api/Users')).toBe('/api/Users');
  });
});
