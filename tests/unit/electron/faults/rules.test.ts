/**
 * Fault-rule validation: every field is checked, and the message names the rule and the field.
 */

import { describe, expect, it } from 'vitest';
import { FaultRuleError, parseFaultRules } from '../../../../electron/faults/rules.js';

const ok = { name: 'throttle', match: { operation: 'create' }, respond: { status: 429, retryAfter: 1 } };

const error = (input: unknown): string => {
  try {
    parseFaultRules(input);
  } catch (e) {
    expect(e).toBeInstanceOf(FaultRuleError);
    return (e as Error).message;
  }
  throw new Error('expected a FaultRuleError');
};

describe('parseFaultRules', () => {
  it('accepts an array or {"rules": [...]} and normalises the method to upper case', () => {
    const rule = { name: 'slow', match: { method: 'patch', path: '/Users/*', identity: 'adele*' }, latencyMs: 50, probability: 0.5, count: 3 };
    expect(parseFaultRules([rule])).toEqual([{ ...rule, match: { ...rule.match, method: 'PATCH' } }]);
    expect(parseFaultRules({ rules: [ok] })).toEqual([ok]);
    expect(parseFaultRules([{ name: 'all', respond: { status: 500 } }])).toEqual([{ name: 'all', match: {}, respond: { status: 500 } }]);
  });

  it('rejects unknown fields at every level', () => {
    expect(error([{ ...ok, reply: {} }])).toBe('rules[0]: unknown field "reply" (allowed: name, match, probability, count, respond, latencyMs).');
    expect(error([{ ...ok, match: { verb: 'GET' } }])).toMatch(/^rules\[0\] \("throttle"\)\.match: unknown field "verb"/);
    expect(error([{ ...ok, respond: { status: 429, retry_after: 1 } }])).toMatch(/^rules\[0\] \("throttle"\)\.respond: unknown field "retry_after"/);
  });

  it('rejects a bad status, probability, count, latency, scimType, operation and pattern', () => {
    expect(error([{ ...ok, respond: { status: 200 } }])).toBe('rules[0] ("throttle").respond.status must be a whole number from 400 to 599, got 200.');
    expect(error([{ ...ok, respond: { status: '429' } }])).toMatch(/respond\.status must be a whole number from 400 to 599, got "429"/);
    expect(error([{ ...ok, respond: {} }])).toMatch(/respond\.status is required/);
    expect(error([{ ...ok, probability: 1.5 }])).toBe('rules[0] ("throttle").probability must be a number from 0 to 1, got 1.5.');
    expect(error([{ ...ok, probability: -0.1 }])).toMatch(/probability must be a number from 0 to 1/);
    expect(error([{ ...ok, count: 0 }])).toMatch(/count must be a whole number from 1/);
    expect(error([{ ...ok, latencyMs: 60_001 }])).toMatch(/latencyMs must be a whole number from 0 to 60000/);
    expect(error([{ ...ok, respond: { status: 409, scimType: 'duplicate' } }])).toMatch(/scimType must be one of RFC 7644's invalidFilter, .*uniqueness/);
    expect(error([{ ...ok, match: { operation: 'provision' } }])).toMatch(/match\.operation must be one of test-connection, match, .*; got "provision"/);
    expect(error([{ ...ok, match: { path: '/Users[/' } }])).toMatch(/match\.path is not a valid pattern: Invalid regular expression/);
  });

  it('requires a name, an effect, unique names and an array', () => {
    expect(error([{ respond: { status: 500 } }])).toBe('rules[0].name is required: it marks the injected answers in the log.');
    expect(error([{ name: 'noop', match: {} }])).toBe('rules[0] ("noop") does nothing: give it "respond" or "latencyMs".');
    expect(error([ok, ok])).toBe('Two rules are named "throttle"; names must be unique (they mark the log rows).');
    expect(error({ name: 'x' })).toMatch(/must be a JSON array of rules/);
    expect(error(['x'])).toBe('rules[0] must be an object, got "x".');
  });
});
