/**
 * Turns fault rules into the listener's FaultInjector hook (electron/scim/http/faults.ts). Rules are tried in order
 * and the first one that fires decides; each keeps in-memory counters of the requests it matched and affected.
 */

import { MESSAGE_ERROR } from '../../shared/scim/constants.js';
import type { OperationInfo } from '../provisioning/operation.js';
import type { FaultDecision, FaultInjector } from '../scim/http/faults.js';
import type { ScimRequest } from '../scim/http/types.js';
import { compilePattern, type Pattern } from './pattern.js';
import { parseFaultRules, type FaultRule } from './rules.js';

export interface FaultRuleCounter {
  readonly name: string;
  /** Requests that matched the rule's `match`. */
  readonly matched: number;
  /** Requests the rule actually answered or delayed. */
  readonly applied: number;
}

/** A FaultInjector that can also report its rules' counters (for the CLI and Settings). */
export type RuleFaultInjector = FaultInjector & { counters(): FaultRuleCounter[] };

interface Compiled {
  readonly rule: FaultRule;
  readonly path: Pattern | undefined;
  readonly identity: Pattern | undefined;
  matched: number;
  applied: number;
}

function matches(entry: Compiled, request: ScimRequest, info: OperationInfo, identity: string | null): boolean {
  const { method, operation } = entry.rule.match;
  if (method !== undefined && method !== request.method.toUpperCase()) return false;
  if (operation !== undefined && operation !== info.operation) return false;
  if (entry.path) {
    const relative = `/${request.segments.join('/')}`;
    if (!entry.path.test(relative) && !entry.path.test(`/scim/v2${relative === '/' ? '' : relative}`)) return false;
  }
  if (entry.identity && (identity === null || !entry.identity.test(identity))) return false;
  return true;
}

/** The decision for a rule that fired: a SCIM error body with string status (RFC 7644 §3.12), and/or a delay. */
export function faultDecision(rule: FaultRule): FaultDecision {
  const respond = rule.respond;
  const response = respond && {
    status: respond.status,
    body: {
      schemas: [MESSAGE_ERROR],
      status: String(respond.status),
      ...(respond.scimType === undefined ? {} : { scimType: respond.scimType }),
      detail: respond.detail ?? `Injected by fault rule "${rule.name}".`,
    },
    headers: {
      ...(respond.retryAfter === undefined ? {} : { 'Retry-After': String(respond.retryAfter) }),
      ...(respond.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="Provisioning Monitor", error="invalid_token"' } : {}),
    },
  };
  return {
    rule: rule.name,
    ...(response ? { response } : {}),
    ...(rule.latencyMs ? { delayMs: rule.latencyMs } : {}),
  };
}

/**
 * @param rules validated again here, so rules from any source fail loudly rather than half-apply.
 * @param random the source of chance for `probability`; tests pass a fixed sequence.
 * @param carried counters to start from, by rule name: a rule kept unchanged when Settings replaces the rule set
 *   keeps its counts, so its `count` is not re-armed by an edit to another rule.
 */
export function createFaultInjector(
  rules: readonly FaultRule[],
  random: () => number = Math.random,
  carried: ReadonlyMap<string, Pick<FaultRuleCounter, 'matched' | 'applied'>> = new Map(),
): RuleFaultInjector {
  const compiled: Compiled[] = parseFaultRules(rules).map((rule) => ({
    rule,
    path: rule.match.path === undefined ? undefined : compilePattern(rule.match.path),
    identity: rule.match.identity === undefined ? undefined : compilePattern(rule.match.identity),
    matched: carried.get(rule.name)?.matched ?? 0,
    applied: carried.get(rule.name)?.applied ?? 0,
  }));
  const inject: FaultInjector = (request, info, identity) => {
    for (const entry of compiled) {
      if (!matches(entry, request, info, identity)) continue;
      entry.matched += 1;
      const { count, probability } = entry.rule;
      if (count !== undefined && entry.applied >= count) continue;
      if (probability !== undefined && !(random() < probability)) continue;
      entry.applied += 1;
      return faultDecision(entry.rule);
    }
    return undefined;
  };
  return Object.assign(inject, {
    counters: () => compiled.map(({ rule, matched, applied }) => ({ name: rule.name, matched, applied })),
  });
}
