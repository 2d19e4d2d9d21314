/**
 * Fault-injection rules: what an admin writes (in a JSON file for `serve --faults`, later in Settings) to rehearse
 * how Entra reacts to throttling, server errors, conflicts, bad credentials and slow answers
 * (entra-behavior.md §4, §9, §14 item 10). Validation names the offending field, so a typo is never silently ignored.
 */

import { OPERATIONS, type Operation } from '../../shared/domain/operation.js';
import type { ScimErrorType } from '../../shared/scim/constants.js';
import { compilePattern } from './pattern.js';

/** Which requests a rule applies to; every given field must match (an empty `match` matches every request). */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  readonly method?: string;
  /** The path after `/scim/v2` (`/Users/*`, `/Groups/**`), a glob or `/regex/flags`. */
  readonly path?: string;
  /** The request's classification (create, update, disable, match, test-connection, add-members…). */
  readonly operation?: Operation;
  /** The userName or group displayName the request is about, a case-insensitive glob or `/regex/flags`. */
  readonly identity?: string;
}

/** The answer a rule gives instead of the listener's own: a SCIM error (RFC 7644 §3.12). */
export interface FaultResponse {
  readonly status: number;
  /** Seconds, sent as `Retry-After` (Entra honours it on 429, entra-behavior.md §4). */
  readonly retryAfter?: number;
  readonly scimType?: ScimErrorType;
  /** The error's detail; defaults to `Injected by fault rule "<name>".` */
  readonly detail?: string;
}

export interface FaultRule {
  readonly name: string;
  readonly match: FaultMatch;
  /** Chance (0..1) that a matching request is affected; default 1. */
  readonly probability?: number;
  /** Affect at most this many requests (with no probability: the first N matching requests). */
  readonly count?: number;
  readonly respond?: FaultResponse;
  /** Hold the answer back this long; combined with `respond`, the error arrives late. */
  readonly latencyMs?: number;
}

/** A rule file or Settings entry that cannot be used; the message names the rule and field. */
export class FaultRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultRuleError';
  }
}

const SCIM_TYPES: readonly ScimErrorType[] = [
  'invalidFilter', 'tooMany', 'uniqueness', 'mutability', 'invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue', 'invalidVers', 'sensitive',
];
/** Latency is capped well below Entra's unpublished timeout guesses and our own server limits. */
export const MAX_LATENCY_MS = 60_000;

const RULE_FIELDS = ['name', 'match', 'probability', 'count', 'respond', 'latencyMs'];
const MATCH_FIELDS = ['method', 'path', 'operation', 'identity'];
const RESPOND_FIELDS = ['status', 'retryAfter', 'scimType', 'detail'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function checkFields(object: Json, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw new FaultRuleError(`${where}: unknown field "${key}" (allowed: ${allowed.join(', ')}).`);
  }
}

function optionalString(object: Json, key: string, where: string): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new FaultRuleError(`${where}.${key} must be a non-empty string, got ${show(value)}.`);
  return value;
}

function integerIn(object: Json, key: string, min: number, max: number, where: string): number | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultRuleError(`${where}.${key} must be a whole number from ${min} to ${max}, got ${show(value)}.`);
  }
  return value;
}

function pattern(object: Json, key: string, where: string): string | undefined {
  const text = optionalString(object, key, where);
  if (text === undefined) return undefined;
  try {
    compilePattern(text);
  } catch (error) {
    throw new FaultRuleError(`${where}.${key} is not a valid pattern: ${error instanceof Error ? error.message : String(error)}`);
  }
  return text;
}

function parseMatch(raw: unknown, where: string): FaultMatch {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw new FaultRuleError(`${where} must be an object like {"operation":"create"}, got ${show(raw)}.`);
  checkFields(raw, MATCH_FIELDS, where);
  const method = optionalString(raw, 'method', where);
  const operation = optionalString(raw, 'operation', where);
  if (operation !== undefined && !OPERATIONS.includes(operation as Operation)) {
    throw new FaultRuleError(`${where}.operation must be one of ${OPERATIONS.join(', ')}; got ${show(operation)}.`);
  }
  const path = pattern(raw, 'path', where);
  const identity = pattern(raw, 'identity', where);
  return {
    ...(method === undefined ? {} : { method: method.toUpperCase() }),
    ...(path === undefined ? {} : { path }),
    ...(operation === undefined ? {} : { operation: operation as Operation }),
    ...(identity === undefined ? {} : { identity }),
  };
}

function parseRespond(raw: unknown, where: string): FaultResponse {
  if (!isObject(raw)) throw new FaultRuleError(`${where} must be an object like {"status":429,"retryAfter":1}, got ${show(raw)}.`);
  checkFields(raw, RESPOND_FIELDS, where);
  if (raw.status === undefined) throw new FaultRuleError(`${where}.status is required (an HTTP error status, 400–599).`);
  const status = integerIn(raw, 'status', 400, 599, where)!;
  const retryAfter = integerIn(raw, 'retryAfter', 0, 86_400, where);
  const scimType = optionalString(raw, 'scimType', where);
  if (scimType !== undefined && !SCIM_TYPES.includes(scimType as ScimErrorType)) {
    throw new FaultRuleError(`${where}.scimType must be one of RFC 7644's ${SCIM_TYPES.join(', ')}; got ${show(scimType)}.`);
  }
  const detail = optionalString(raw, 'detail', where);
  return {
    status,
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(scimType === undefined ? {} : { scimType: scimType as ScimErrorType }),
    ...(detail === undefined ? {} : { detail }),
  };
}

function parseRule(raw: unknown, index: number): FaultRule {
  const where = `rules[${index}]`;
  if (!isObject(raw)) throw new FaultRuleError(`${where} must be an object, got ${show(raw)}.`);
  checkFields(raw, RULE_FIELDS, where);
  const name = optionalString(raw, 'name', where);
  if (name === undefined) throw new FaultRuleError(`${where}.name is required: it marks the injected answers in the log.`);
  const at = `${where} ("${name}")`;
  const probability = raw.probability;
  if (probability !== undefined && (typeof probability !== 'number' || !(probability >= 0 && probability <= 1))) {
    throw new FaultRuleError(`${at}.probability must be a number from 0 to 1, got ${show(probability)}.`);
  }
  const count = integerIn(raw, 'count', 1, Number.MAX_SAFE_INTEGER, at);
  const latencyMs = integerIn(raw, 'latencyMs', 0, MAX_LATENCY_MS, at);
  const respond = raw.respond === undefined ? undefined : parseRespond(raw.respond, `${at}.respond`);
  if (respond === undefined && latencyMs === undefined) throw new FaultRuleError(`${at} does nothing: give it "respond" or "latencyMs".`);
  return {
    name,
    match: parseMatch(raw.match, `${at}.match`),
    ...(probability === undefined ? {} : { probability }),
    ...(count === undefined ? {} : { count }),
    ...(respond === undefined ? {} : { respond }),
    ...(latencyMs === undefined ? {} : { latencyMs }),
  };
}

/** Validates rules given as an array or as `{ "rules": [...] }`; throws FaultRuleError on the first problem. */
export function parseFaultRules(input: unknown): FaultRule[] {
  const list = isObject(input) && Object.keys(input).length === 1 && 'rules' in input ? input.rules : input;
  if (!Array.isArray(list)) throw new FaultRuleError('Fault rules must be a JSON array of rules, or an object {"rules": [...]}.');
  const rules = list.map(parseRule);
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.name)) throw new FaultRuleError(`Two rules are named "${rule.name}"; names must be unique (they mark the log rows).`);
    seen.add(rule.name);
  }
  return rules;
}
