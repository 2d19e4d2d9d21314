/**
 * The Settings fault-rule form's draft (issue 8): a rule survives a round trip through the form's text fields, and the
 * monitor's refusal (`rules[i] ("name").respond.status …`) lands on the field it names.
 */

import { describe, expect, it } from 'vitest';
import type { FaultRuleSpec } from '../../../shared/api/fault-types.js';
import { draftOf, EMPTY_DRAFT, fieldMessage, fieldOfFaultError, ruleOf } from '../../../renderer/screens/settings/fault-rule-draft.js';
import { FAULT_PRESETS, freeName } from '../../../renderer/screens/settings/fault-presets.js';

describe('fault rule drafts', () => {
  it('round-trips every preset and a rule with every field', () => {
    const full: FaultRuleSpec = {
      name: 'all',
      match: { method: 'POST', path: '/Users', operation: 'create', identity: 'bob*' },
      probability: 0.5,
      count: 3,
      respond: { status: 409, retryAfter: 1, scimType: 'uniqueness', detail: 'Taken.' },
      latencyMs: 250,
    };
    for (const rule of [full, ...FAULT_PRESETS.map((p) => p.rule)]) expect(ruleOf(draftOf(rule))).toEqual({ ok: true, rule });
  });

  it('leaves empty fields out, drops the answer when unticked, and flags text in number fields', () => {
    expect(ruleOf({ ...EMPTY_DRAFT, name: ' slow ', respond: false, latencyMs: '2000' })).toEqual({ ok: true, rule: { name: 'slow', match: {}, latencyMs: 2000 } });
    expect(ruleOf({ ...EMPTY_DRAFT, name: 'x', count: 'two' })).toEqual({ ok: false, errors: { count: 'Enter a number.' } });
    expect(ruleOf({ ...EMPTY_DRAFT, name: 'x', status: '' })).toMatchObject({ ok: false, errors: { status: expect.any(String) } });
  });

  it("puts the monitor's message on the field it names, for the rule being edited", () => {
    expect(fieldOfFaultError('rules[2] ("x").respond.status must be a whole number from 400 to 599, got 200.', 2)).toBe('status');
    expect(fieldOfFaultError('rules[0] ("x").match.operation must be one of …', 0)).toBe('operation');
    expect(fieldOfFaultError('rules[0] ("x").probability must be a number from 0 to 1, got 2.', 0)).toBe('probability');
    expect(fieldOfFaultError('rules[0].name is required: it marks the injected answers in the log.', 0)).toBe('name');
    expect(fieldOfFaultError('Two rules are named "x"; names must be unique (they mark the log rows).', 1)).toBe('name');
    expect(fieldOfFaultError('rules[1] ("x") does nothing: give it "respond" or "latencyMs".', 1)).toBe('form');
    expect(fieldOfFaultError('rules[0] ("y").respond.status must be …', 1)).toBeNull();
    expect(fieldMessage('rules[2] ("x").respond.status must be a whole number from 400 to 599, got 200.')).toBe('Must be a whole number from 400 to 599, got 200.');
  });

  it('names a preset so it does not clash with a rule already there', () => {
    expect(freeName('all-401', [])).toBe('all-401');
    expect(freeName('all-401', ['all-401', 'all-401-2'])).toBe('all-401-3');
  });
});
