/**
 * The live rule set behind the listener's one `faults` hook (issue 8): swaps apply to the next call, a refused set
 * changes nothing, unchanged rules keep their counters, saved rules come back and file rules are never saved.
 */

import { describe, expect, it, vi } from 'vitest';
import { createLiveFaultRules } from '../../../../electron/faults/live-rules.js';
import { FaultRuleError, type FaultRule } from '../../../../electron/faults/rules.js';
import type { OperationInfo } from '../../../../electron/provisioning/operation.js';
import type { ScimRequest } from '../../../../electron/scim/http/types.js';
import type { FaultRulesStore } from '../../../../electron/settings/fault-rules-store.js';
import { createFaultRulesStore } from '../../../../electron/settings/fault-rules-store.js';

const request: ScimRequest = { method: 'POST', segments: ['Users'], query: new URLSearchParams(), body: undefined, headers: {}, baseUrl: 'http://127.0.0.1:1/scim/v2' };
const info: OperationInfo = { entity: 'User', operation: 'create', memberCount: null, dialect: null };
const R500: FaultRule = { name: 'r500', match: { operation: 'create' }, respond: { status: 500 } };
const R429: FaultRule = { name: 'r429', match: {}, count: 1, respond: { status: 429, retryAfter: 2 } };

function store(saved: FaultRule[] = []): FaultRulesStore & { saved: FaultRule[][] } {
  const memory = createFaultRulesStore(':memory:');
  memory.save(saved);
  const writes: FaultRule[][] = [];
  return { load: memory.load, save: (rules) => void writes.push([...rules]), saved: writes };
}

describe('createLiveFaultRules', () => {
  it('keeps one hook for the listener and applies a new rule set to the very next call', () => {
    const live = createLiveFaultRules({ store: store() });
    const hook = live.injector;
    expect(hook(request, info, 'a@contoso.com')).toBeUndefined();
    live.set([R500]);
    expect(live.injector).toBe(hook);
    expect(hook(request, info, 'a@contoso.com')?.response?.status).toBe(500);
    live.clear();
    expect(hook(request, info, 'a@contoso.com')).toBeUndefined();
  });

  it('refuses an invalid set with the rule and field named, and leaves the rules in force and the store alone', () => {
    const saving = store();
    const live = createLiveFaultRules({ store: saving });
    live.set([R500]);
    expect(() => live.set({ rules: [R500, { name: 'x', match: {}, respond: { status: 302 } }] })).toThrow(FaultRuleError);
    expect(() => live.set([R500, { name: 'x', match: {}, respond: { status: 302 } }])).toThrow('rules[1] ("x").respond.status must be a whole number from 400 to 599, got 302.');
    expect(live.state().rules.map((r) => r.rule.name)).toEqual(['r500']);
    expect(saving.saved).toEqual([[R500]]);
    expect(live.injector(request, info, null)?.rule).toBe('r500');
  });

  it('counts, reports a used-up count, and keeps the counters of a rule that did not change', () => {
    const live = createLiveFaultRules({ store: store() });
    live.set([R429, R500]);
    expect(live.injector(request, info, null)?.rule).toBe('r429');
    expect(live.injector(request, info, null)?.rule).toBe('r500');
    expect(live.state()).toMatchObject({ active: 1, rules: [{ matched: 2, applied: 1, exhausted: true }, { matched: 1, applied: 1, exhausted: false }] });
    expect(live.summary()).toEqual({ active: 1, total: 2, source: 'settings', file: null });

    live.set([R429, { ...R500, respond: { status: 503 } }]);
    expect(live.state().rules).toMatchObject([{ matched: 2, applied: 1, exhausted: true }, { matched: 0, applied: 0 }]);
    expect(live.injector(request, info, null)?.response?.status).toBe(503);
  });

  it('starts from the saved rules and says when saved rules could not be used', () => {
    expect(createLiveFaultRules({ store: store([R500]) }).state()).toMatchObject({ source: 'settings', persisted: true, active: 1, problem: null });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: FaultRulesStore = { load: () => ({ rules: [], problem: 'The fault rules saved in settings.json were not loaded: …' }), save: () => undefined };
    const live = createLiveFaultRules({ store: broken });
    expect(live.state()).toMatchObject({ rules: [], problem: expect.stringContaining('were not loaded') });
    expect(warn).toHaveBeenCalledOnce();
    live.set([R500]);
    expect(live.state().problem).toBeNull();
    warn.mockRestore();
  });

  it('with rules from a file: ignores the saved ones, never saves, and says where the rules came from', () => {
    const saving = store([R429]);
    const changes: number[] = [];
    const live = createLiveFaultRules({ store: saving, file: { path: 'rules.json', rules: [R500] }, onChange: (s) => changes.push(s.rules.length) });
    expect(live.state()).toMatchObject({ source: 'file', file: 'rules.json', persisted: false, rules: [{ rule: R500 }] });
    live.clear();
    live.set([R429, R500]);
    expect(saving.saved).toEqual([]);
    expect(changes).toEqual([0, 2]);
  });
});
