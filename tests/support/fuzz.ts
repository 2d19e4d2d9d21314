/**
 * Shared settings for the property-based (fast-check) fuzz tests: a fixed seed so every run is the same, a bounded
 * number of runs so `npm test` stays fast, and two environment overrides for a longer hunt on a developer machine:
 *
 *   FUZZ_SEED=123 FUZZ_RUNS=20000 npx vitest run tests/unit/electron/scim/fuzz-filter.test.ts
 *
 * On a failure fast-check prints `{ seed: …, path: … }` with the shrunk counterexample; re-run with that seed.
 */

import fc from 'fast-check';
import { expect } from 'vitest';
import { ScimError } from '../../electron/scim/errors.js';

/** The seed every fuzz test starts from, unless FUZZ_SEED says otherwise. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_251_111);

/** fast-check parameters: the fixed seed, `runs` runs (or FUZZ_RUNS), stopping at the first failure. */
export function fuzzParams<T>(runs: number): fc.Parameters<T> {
  const override = Number(process.env.FUZZ_RUNS);
  return { seed: FUZZ_SEED, numRuns: Number.isInteger(override) && override > 0 ? override : runs, endOnFailure: true };
}

/** Asserts `error` is a ScimError with a 4xx status (and this scimType when given); anything else is a bug. */
export function expectClientError(error: unknown, scimType?: string): asserts error is ScimError {
  if (!(error instanceof ScimError)) {
    throw new Error(`expected a ScimError, got ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
  }
  expect(error.status, error.message).toBeGreaterThanOrEqual(400);
  expect(error.status, error.message).toBeLessThan(500);
  if (scimType !== undefined) expect([error.status, error.scimType], error.message).toEqual([400, scimType]);
}

/** The own property names of Object.prototype, to prove no input added one (prototype pollution). */
export const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

/** Applies random edits (insert, delete, replace, duplicate, truncate) to a string: "mutated" inputs. */
export function mutated(base: fc.Arbitrary<string>, alphabet: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({
    kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...alphabet), fc.string({ maxLength: 3 })),
  });
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) =>
    edits.reduce((acc, { kind, at, text: piece }) => {
      const i = acc.length === 0 ? 0 : at % (acc.length + 1);
      switch (kind) {
        case 'insert':
          return acc.slice(0, i) + piece + acc.slice(i);
        case 'delete':
          return acc.slice(0, i) + acc.slice(i + 1);
        case 'replace':
          return acc.slice(0, i) + piece + acc.slice(i + piece.length);
        case 'duplicate':
          return acc.slice(0, i) + acc.slice(i, i + 8) + acc.slice(i);
        default:
          return acc.slice(0, i);
      }
    }, text),
  );
}
