/**
 * Bounded, prototype-safe handling of JSON request bodies.
 *
 * `JSON.parse` turns `{"__proto__": {...}}` into an own property named `__proto__`; assigning that key onto a plain
 * object would replace its prototype. Every body is therefore copied once through `toJson`, which drops the three
 * dangerous keys and caps nesting depth and array length, so later code can use ordinary objects and never recurse
 * without bound.
 */

import { badRequest } from '../errors.js';
import type { JsonObject, JsonValue } from './types.js';

/**
 * `__proto__`, `constructor` and `prototype` reach a prototype when assigned; the other `Object.prototype` names
 * (`toString`, `hasOwnProperty`, …) would shadow methods other code may call on a stored resource. None is a SCIM
 * attribute name, so all are dropped from bodies and rejected as PATCH paths.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(
  [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'constructor', 'prototype'].map((name) => name.toLowerCase()),
);

/** True for a key that must stay inert (see FORBIDDEN_KEYS), in any case. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key.toLowerCase());
}

export interface JsonLimits {
  /** The deepest allowed container nesting; the body object itself is depth 1. */
  readonly maxDepth: number;
  /** The longest allowed array (e.g. Group `members` in one body). */
  readonly maxArrayLength: number;
}

/** The limits on one request body: deep enough for every SCIM shape, small enough to bound recursion and work. */
export const BODY_LIMITS: JsonLimits = { maxDepth: 16, maxArrayLength: 10_000 };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property's value; inherited names such as `toString` or `constructor` never resolve. */
export function getOwn(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** An own property by name, matched as findKey does; undefined when absent or when `object` is not an object. */
export function fieldOf(object: unknown, name: string): JsonValue | undefined {
  if (!isJsonObject(object)) return undefined;
  const key = findKey(object, name);
  return key === undefined ? undefined : getOwn(object, key);
}

/** The own key matching `name`: exact first, then case-insensitive (RFC 7644 §3.10: names are case-insensitive). */
export function findKey(object: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

/**
 * Deep-copies an untrusted value into plain JSON: drops forbidden keys and `undefined` members, rejects non-JSON
 * values, and enforces `limits` (depth → 400 invalidValue, array length → 400 tooMany).
 */
export function toJson(value: unknown, label: string, limits: JsonLimits = BODY_LIMITS): JsonValue {
  return copy(value, label, limits, 1);
}

function copy(value: unknown, label: string, limits: JsonLimits, depth: number): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw badRequest('invalidValue', `Attribute '${label}' is not a finite number.`);
  }
  if (typeof value !== 'object') throw badRequest('invalidValue', `Attribute '${label}' is not a JSON value.`);
  // Checked before descending, so recursion depth never exceeds maxDepth whatever the input.
  if (depth > limits.maxDepth) {
    throw badRequest('invalidValue', `The body nests deeper than ${limits.maxDepth} levels at '${label}'.`);
  }
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength) {
      throw badRequest('tooMany', `Attribute '${label}' has ${value.length} values; at most ${limits.maxArrayLength} are accepted in one request.`);
    }
    return value.map((item: unknown, i) => (item === undefined ? null : copy(item, `${label}[${i}]`, limits, depth + 1)));
  }
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    if (isForbiddenKey(key)) continue;
    const item: unknown = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    out[key] = copy(item, `${label}.${key}`, limits, depth + 1);
  }
  return out;
}

/** Structural equality of two JSON values (object key order ignored); used to make multi-valued `add` idempotent. */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}

/** A short rendering of a rejected value for an error detail. */
export function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
