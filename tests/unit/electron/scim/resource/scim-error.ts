/** Test helper: runs `fn` and returns the ScimError it throws (fails the test when it throws nothing else). */

import { ScimError } from '../../../../../electron/scim/errors.js';

export function scimError(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError, but nothing was thrown');
}
