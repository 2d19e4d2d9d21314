/**
 * The live, swappable fault-rule set behind the listener's one `faults` hook: Settings replaces the rules and the
 * very next request sees them, without restarting the listener (the hook itself never changes, so the listener
 * needs no knowledge of Settings).
 *
 * Sources (documented in README, "Fault injection"): rules saved in settings.json, active again after a restart; or
 * `serve --faults FILE`, whose rules replace the saved ones for that run only — edits made in Settings then apply
 * to the run but are not saved, so a rehearsal file never leaks into the saved rules.
 */

import type { FaultRuleState, FaultsState, FaultsSummary } from '../../shared/api/fault-types.js';
import type { FaultInjector } from '../scim/http/faults.js';
import type { FaultRulesStore } from '../settings/fault-rules-store.js';
import { createFaultInjector, type RuleFaultInjector } from './injector.js';
import { parseFaultRules, type FaultRule } from './rules.js';

export interface LiveFaultRules {
  /** The listener's hook: the same function for the monitor's whole life, asking whichever rules are current. */
  readonly injector: FaultInjector;
  state(): FaultsState;
  summary(): FaultsSummary;
  /**
   * Validates and installs a new rule set (an array, or `{ rules: [...] }`). Throws FaultRuleError naming the rule
   * and field when one is invalid, and then nothing changes: the old rules stay in force and in settings.json.
   */
  set(input: unknown): FaultsState;
  /** Turns every rule off (and, for saved rules, removes them from settings.json). */
  clear(): FaultsState;
}

export interface LiveFaultOptions {
  readonly store: FaultRulesStore;
  /** `serve --faults FILE`: replaces the saved rules for this run. */
  readonly file?: { readonly path: string; readonly rules: readonly FaultRule[] };
  /** The chance source for `probability`; tests pass a fixed one. */
  readonly random?: () => number;
  /** Called after every set or clear, with the new state (the `faults-changed` event). */
  readonly onChange?: (state: FaultsState) => void;
}

interface Current {
  readonly rules: readonly FaultRule[];
  readonly injector: RuleFaultInjector;
}

export function createLiveFaultRules(options: LiveFaultOptions): LiveFaultRules {
  const random = options.random ?? Math.random;
  const file = options.file;
  const saved = file === undefined ? options.store.load() : { rules: [], problem: null };
  if (saved.problem !== null) console.warn(`provisioning-monitor: ${saved.problem}`);
  const initial = file?.rules ?? saved.rules;
  let current: Current = { rules: initial, injector: createFaultInjector(initial, random) };
  let problem = saved.problem;

  const ruleStates = (): FaultRuleState[] => {
    const counters = current.injector.counters();
    return current.rules.map((rule, i) => {
      const { matched = 0, applied = 0 } = counters[i] ?? {};
      return { rule, matched, applied, exhausted: rule.count !== undefined && applied >= rule.count };
    });
  };
  const state = (): FaultsState => {
    const rules = ruleStates();
    return {
      rules,
      active: rules.filter((r) => !r.exhausted).length,
      source: file === undefined ? 'settings' : 'file',
      file: file?.path ?? null,
      persisted: file === undefined,
      problem,
    };
  };
  const install = (rules: FaultRule[]): FaultsState => {
    // A rule kept exactly as it was keeps its counters (and so its used-up `count`); a changed rule starts afresh.
    const before = new Map(current.rules.map((rule, i) => [rule.name, { json: JSON.stringify(rule), counter: current.injector.counters()[i] }]));
    const carried = new Map<string, { matched: number; applied: number }>();
    for (const rule of rules) {
      const old = before.get(rule.name);
      if (old?.counter !== undefined && old.json === JSON.stringify(rule)) carried.set(rule.name, old.counter);
    }
    const injector = createFaultInjector(rules, random, carried);
    // Saved first: if settings.json cannot be written, the running rules do not drift from the saved ones.
    if (file === undefined) options.store.save(rules);
    current = { rules, injector };
    problem = null;
    const next = state();
    options.onChange?.(next);
    return next;
  };

  return {
    injector: (request, info, identity) => current.injector(request, info, identity),
    state,
    summary() {
      const { active, rules, source, file: path } = state();
      return { active, total: rules.length, source, file: path };
    },
    set: (input) => install(parseFaultRules(input)),
    clear: () => install([]),
  };
}
