/**
 * Type checks for single attribute values, driven by the schema's AttributeDef.
 *
 * Values are kept exactly as sent (no trimming, no case changes: entra-behavior.md §2.1 "Keep values exactly as
 * sent"); the only conversion is Entra's boolean strings (§3.2 rule 2). Anything of the wrong JSON type is a 400
 * invalidValue naming the attribute, so the log tells the admin which mapping is wrong (§2.1 "clear, actionable").
 */

import { badRequest } from '../errors.js';
import type { AttributeDef } from '../schema/attributes.js';
import { describeValue, isJsonObject } from './json.js';
import type { JsonObject, JsonValue } from './types.js';

/**
 * `true`/`false`, or the strings "True"/"False" in any case: Entra's default PATCH dialect disables a user with
 * `"value":"False"` (entra-behavior.md §3.1 row 1, §3.2 rule 2).
 */
export function coerceBoolean(value: JsonValue, label: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  throw badRequest('invalidValue', `Attribute '${label}' must be a boolean (true/false or "True"/"False"), not ${describeValue(value)}.`);
}

/** Strings only: a number or boolean where a string is expected is rejected rather than silently stringified. */
export function coerceString(value: JsonValue, label: string): string {
  if (typeof value === 'string') return value;
  throw badRequest('invalidValue', `Attribute '${label}' must be a string, not ${describeValue(value)}.`);
}

export function coerceNumber(value: JsonValue, label: string, integer: boolean): number {
  if (typeof value === 'number' && (!integer || Number.isInteger(value))) return value;
  throw badRequest('invalidValue', `Attribute '${label}' must be ${integer ? 'an integer' : 'a number'}, not ${describeValue(value)}.`);
}

/** A JSON object (not an array): the shape of a complex attribute or a multi-valued element. */
export function requireObject(value: JsonValue, label: string): JsonObject {
  if (isJsonObject(value)) return value;
  throw badRequest('invalidValue', `Attribute '${label}' must be a JSON object, not ${describeValue(value)}.`);
}

/** Checks one non-null value against a single-valued definition; complex values come back unchanged. */
export function coerceSimple(def: AttributeDef, value: JsonValue, label: string): JsonValue {
  switch (def.type) {
    case 'boolean':
      return coerceBoolean(value, label);
    case 'string':
    case 'reference':
    case 'dateTime':
      return coerceString(value, label);
    case 'decimal':
      return coerceNumber(value, label, false);
    case 'integer':
      return coerceNumber(value, label, true);
    case 'complex':
      return requireObject(value, label);
  }
}
