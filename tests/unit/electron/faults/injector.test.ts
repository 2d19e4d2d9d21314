/**
 * createFaultInjector: matching by each field, probability with an injected random, count, and the SCIM error
 * body and headers it produces (entra-behavior.md §4).
 */

import { describe, expect, it } from 'vitest';
import { createFaultInjector } from '../../../../electron/faults/injector.js';
import type { FaultRule } from '../../../../electron/faults/rules.js';
import type { OperationInfo } from '../../../../electron/provisioning/operation.js';
import type { ScimRequest } from '../../../../electron/scim/http/types.js';
import type { Operation } from '../../../../shared/domain/operation.js';
import { MESSAGE_ERROR } from '../../../../shared/scim/constants.js';

const request = (method: string, path: string): ScimRequest => ({
  method,
  segments: path.split('/').filter(Boolean),
  query: new URLSearchParams(),
  body: undefined,
  headers: {},
  baseUrl: 'http://127.0.0.1:1/scim/v2',
});
const info = (operation: Operation): OperationInfo => ({ entity: 'User', operation, memberCount: null, dialect: null });

const fail500 = { status: 500 } as const;
const hit = (rules: FaultRule[], method: string, path: string, operation: Operation, identity: string | null): string | undefined =>
  createFaultInjector(rules)(request(method, path), info(operation), identity)?.rule;

describe('createFaultInjector matching', () => {
  it('matches on method (case-insensitive)', () => {
    const rules = [{ name: 'r', match: { method: 'post' }, respond: fail500 }];
    expect(hit(rules, 'POST', '/Users', 'create', null)).toBe('r');
    expect(hit(rules, 'GET', '/Users', 'match', null)).toBeUndefined();
  });

  it('matches on path relative to /scim/v2, or with the prefix', () => {
    expect(hit([{ name: 'r', match: { path: '/Groups/*' }, respond: fail500 }], 'PATCH', '/Groups/g1', 'add-members', null)).toBe('r');
    expect(hit([{ name: 'r', match: { path: '/Groups/*' }, respond: fail500 }], 'GET', '/Groups', 'match', null)).toBeUndefined();
    expect(hit([{ name: 'r', match: { path: '/scim/v2/Users' }, respond: fail500 }], 'POST', '/Users', 'create', null)).toBe('r');
    expect(hit([{ name: 'r', match: { path: '/^\\/Users\\/[^/]+$/' }, respond: fail500 }], 'DELETE', '/Users/u1', 'delete', null)).toBe('r');
  });

  it('matches on operation', () => {
    const rules = [{ name: 'r', match: { operation: 'disable' as const }, respond: fail500 }];
    expect(hit(rules, 'PATCH', '/Users/u1', 'disable', 'a')).toBe('r');
    expect(hit(rules, 'PATCH', '/Users/u1', 'update', 'a')).toBeUndefined();
  });

  it('matches on identity with a case-insensitive glob; a request without identity never matches', () => {
    const rules = [{ name: 'r', match: { identity: 'adele*@contoso.com' }, respond: fail500 }];
    expect(hit(rules, 'POST', '/Users', 'create', 'AdeleV@Contoso.com')).toBe('r');
    expect(hit(rules, 'POST', '/Users', 'create', 'AlexW@contoso.com')).toBeUndefined();
    expect(hit(rules, 'GET', '/ServiceProviderConfig', 'discovery', null)).toBeUndefined();
  });

  it('needs every given field to match, and the first firing rule wins', () => {
    const rules = [
      { name: 'creates-of-adele', match: { method: 'POST', operation: 'create' as const, identity: 'adele*' }, respond: fail500 },
      { name: 'any-post', match: { method: 'POST' }, respond: { status: 503 } },
    ];
    expect(hit(rules, 'POST', '/Users', 'create', 'AdeleV@contoso.com')).toBe('creates-of-adele');
    expect(hit(rules, 'POST', '/Users', 'create', 'AlexW@contoso.com')).toBe('any-post');
  });
});

describe('createFaultInjector probability and count', () => {
  it('fires when random() < probability, using the injected source', () => {
    const draws = [0.1, 0.9, 0.29, 0.3];
    const inject = createFaultInjector([{ name: 'flaky', match: {}, probability: 0.3, respond: fail500 }], () => draws.shift()!);
    const fired = [1, 2, 3, 4].map(() => inject(request('GET', '/Users'), info('match'), null)?.rule ?? null);
    expect(fired).toEqual(['flaky', null, 'flaky', null]);
    expect(inject.counters()).toEqual([{ name: 'flaky', matched: 4, applied: 2 }]);
  });

  it('count applies the rule to the first N matching requests, then lets later rules decide', () => {
    const inject = createFaultInjector([
      { name: 'twice', match: { operation: 'create' }, count: 2, respond: { status: 429, retryAfter: 1 } },
      { name: 'slow', match: {}, latencyMs: 5 },
    ]);
    const fired = [1, 2, 3].map(() => inject(request('POST', '/Users'), info('create'), 'a')?.rule);
    expect(fired).toEqual(['twice', 'twice', 'slow']);
    expect(inject(request('GET', '/Users'), info('match'), 'a')?.rule).toBe('slow');
    expect(inject.counters()).toEqual([
      { name: 'twice', matched: 3, applied: 2 },
      { name: 'slow', matched: 2, applied: 2 },
    ]);
  });

  it('probability 0 never fires; count with probability caps the fired requests', () => {
    const never = createFaultInjector([{ name: 'never', match: {}, probability: 0, respond: fail500 }], () => 0);
    expect(never(request('GET', '/Users'), info('match'), null)).toBeUndefined();
    const capped = createFaultInjector([{ name: 'capped', match: {}, probability: 1, count: 1, respond: fail500 }], () => 0.5);
    expect([1, 2].map(() => capped(request('GET', '/Users'), info('match'), null)?.rule)).toEqual(['capped', undefined]);
  });
});

describe('createFaultInjector decisions', () => {
  it('builds a SCIM error body with a string status, scimType and the default detail', () => {
    const inject = createFaultInjector([{ name: 'dup', match: {}, respond: { status: 409, scimType: 'uniqueness' } }]);
    expect(inject(request('POST', '/Users'), info('create'), 'a')).toEqual({
      rule: 'dup',
      response: { status: 409, body: { schemas: [MESSAGE_ERROR], status: '409', scimType: 'uniqueness', detail: 'Injected by fault rule "dup".' }, headers: {} },
    });
  });

  it('sends Retry-After in seconds, keeps a custom detail, and adds latency', () => {
    const inject = createFaultInjector([{ name: 'throttle', match: {}, respond: { status: 429, retryAfter: 7, detail: 'Slow down.' }, latencyMs: 20 }]);
    expect(inject(request('GET', '/Users'), info('match'), null)).toEqual({
      rule: 'throttle',
      response: { status: 429, body: { schemas: [MESSAGE_ERROR], status: '429', detail: 'Slow down.' }, headers: { 'Retry-After': '7' } },
      delayMs: 20,
    });
  });

  it('answers 401 with a Bearer challenge, and a latency-only rule leaves the answer to the listener', () => {
    const inject = createFaultInjector([
      { name: 'expired', match: { method: 'DELETE' }, respond: { status: 401 } },
      { name: 'slow', match: {}, latencyMs: 250 },
    ]);
    expect(inject(request('DELETE', '/Users/u1'), info('delete'), 'a')?.response?.headers).toEqual({
      'WWW-Authenticate': 'Bearer realm="Provisioning Monitor", error="invalid_token"',
    });
    expect(inject(request('GET', '/Users/u1'), info('read'), 'a')).toEqual({ rule: 'slow', delayMs: 250 });
  });

  it('validates its rules', () => {
    expect(() => createFaultInjector([{ name: 'bad', match: {}, respond: { status: 99 } }])).toThrow(/respond\.status must be a whole number from 400 to 599, got 99/);
  });
});
