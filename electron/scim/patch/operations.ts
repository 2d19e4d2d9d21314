/**
 * Reads the Operations of a PatchOp body (RFC 7644 §3.5.2), tolerating Entra's spellings.
 */

import { badRequest } from '../errors.js';
import { BODY_LIMITS, describeValue, fieldOf, isJsonObject, toJson } from '../resource/json.js';
import type { JsonValue } from '../resource/types.js';

export type PatchOpName = 'add' | 'replace' | 'remove';

/** One validated operation; `value` is `undefined` when the operation carries none. */
export interface PatchOperation {
  readonly index: number;
  readonly op: PatchOpName;
  readonly path: string | undefined;
  readonly value: JsonValue | undefined;
}

/** More operations than any Entra request carries; bounds the work one request can cause. */
export const MAX_OPERATIONS = 1_000;

/** Each operation sits two levels into the body (`{Operations: [ {…} ]}`), so it gets what is left of the depth cap. */
const OPERATION_LIMITS = { maxDepth: BODY_LIMITS.maxDepth - 2, maxArrayLength: BODY_LIMITS.maxArrayLength };

/**
 * Validates a PATCH body. `schemas` may be missing, and the `Operations`, `op`, `path` and `value` keys are read in
 * any case; `op` itself is case-insensitive (Entra's default dialect sends `Add`/`Replace`/`Remove`,
 * entra-behavior.md §3.2 rule 1).
 */
export function readOperations(body: unknown): PatchOperation[] {
  if (!isJsonObject(body)) throw badRequest('invalidSyntax', 'A PATCH body must be a JSON object with an "Operations" array.');
  const operations = fieldOf(body, 'Operations');
  if (!Array.isArray(operations)) throw badRequest('invalidSyntax', 'A PATCH body needs an "Operations" array (RFC 7644 §3.5.2).');
  if (operations.length > MAX_OPERATIONS) {
    throw badRequest('tooMany', `A PATCH body may carry at most ${MAX_OPERATIONS} operations; this one has ${operations.length}.`);
  }
  return operations.map((raw: unknown, index) => readOperation(raw, index));
}

function readOperation(raw: unknown, index: number): PatchOperation {
  const label = `Operations[${index}]`;
  const operation = toJson(raw, label, OPERATION_LIMITS);
  if (!isJsonObject(operation)) throw badRequest('invalidSyntax', `${label} must be a JSON object, not ${describeValue(raw)}.`);
  const field = (name: string): JsonValue | undefined => fieldOf(operation, name);
  const op = field('op');
  const lower = typeof op === 'string' ? op.toLowerCase() : undefined;
  if (lower !== 'add' && lower !== 'replace' && lower !== 'remove') {
    throw badRequest('invalidSyntax', `${label}.op must be "add", "replace" or "remove" (any case), not ${describeValue(op)}.`);
  }
  const path = field('path');
  if (path !== undefined && path !== null && typeof path !== 'string') {
    throw badRequest('invalidPath', `${label}.path must be a string, not ${describeValue(path)}.`);
  }
  // An empty path is read as no path: the operation then targets the resource itself (RFC 7644 §3.5.2.1).
  const cleanPath = typeof path === 'string' && path.trim() !== '' ? path : undefined;
  return { index, op: lower, path: cleanPath, value: field('value') };
}
