/**
 * The enterprise `manager` attribute (entra-behavior.md §3.2 rule 6).
 *
 * Entra sends it as a bare id string (POST bodies and 2023+ PATCH traffic, [ISS-DIRSCIMPLE1242]), as the RFC object
 * `{value, $ref, displayName}`, or, in the legacy documented PATCH, as a one-element array
 * `[{"$ref": "…/Users/<id>", "value": "<id>"}]`. All are stored as `{ value }` (plus `displayName` when given);
 * `$ref` is never stored because the listener computes it from its own base URL on output.
 */

import { badRequest } from '../errors.js';
import { coerceString } from './coerce.js';
import { MANAGER_DEF, normalizeComplex } from './complex.js';
import { describeValue, isJsonObject } from './json.js';
import type { JsonObject, JsonValue } from './types.js';

/** The stored manager, or `undefined` when the value clears it (null, empty string, empty array or object). */
export function normalizeManager(value: JsonValue, label: string): JsonObject | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : { value };
  if (Array.isArray(value)) return fromArray(value, label);
  if (!isJsonObject(value)) {
    throw badRequest('invalidValue', `Attribute '${label}' must be a manager id string or an object with "value", not ${describeValue(value)}.`);
  }
  const object = normalizeComplex(MANAGER_DEF, value, label);
  if (object === undefined) return undefined;
  const id = object['value'] ?? idFromRef(object['$ref']);
  if (id === undefined || id === '') return undefined;
  const stored: JsonObject = { value: coerceString(id, `${label}.value`) };
  const displayName = object['displayName'];
  if (typeof displayName === 'string') stored['displayName'] = displayName;
  return stored;
}

function fromArray(values: readonly JsonValue[], label: string): JsonObject | undefined {
  const present = values.filter((item) => item !== null);
  const [first] = present;
  if (first === undefined) return undefined;
  if (present.length > 1 || Array.isArray(first)) {
    throw badRequest('invalidValue', `Attribute '${label}' is single-valued; send one manager, not ${describeValue(values)}.`);
  }
  return normalizeManager(first, `${label}[0]`);
}

/** `…/Users/<id>` → `<id>`, for an object that carries only `$ref` (the id is the URI's last segment, RFC 7643 §4.3). */
function idFromRef(ref: JsonValue | undefined): string | undefined {
  if (typeof ref !== 'string') return undefined;
  return ref.split('/').filter((part) => part !== '').pop();
}
