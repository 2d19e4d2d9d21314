/**
 * Normalises one attribute value against its definition; shared by POST/PUT normalisation and the PATCH engine.
 */

import type { AttributeDef } from '../schema/attributes.js';
import { coerceSimple } from './coerce.js';
import { MANAGER_DEF, normalizeComplex } from './complex.js';
import { normalizeManager } from './manager.js';
import { normalizeMultiValued } from './multi-valued.js';
import type { JsonValue } from './types.js';

/**
 * The stored form of `value` for the attribute `def`, or `undefined` when it leaves the attribute unassigned
 * (null, an empty array or an empty object: RFC 7643 §2.5, entra-behavior.md §2.1 tolerate nulls).
 */
export function normalizeAttribute(def: AttributeDef, value: JsonValue, label: string): JsonValue | undefined {
  if (value === null) return undefined;
  if (def === MANAGER_DEF) return normalizeManager(value, label);
  if (def.multiValued) return normalizeMultiValued(def, value, label);
  if (def.type === 'complex') return normalizeComplex(def, value, label);
  return coerceSimple(def, value, label);
}
