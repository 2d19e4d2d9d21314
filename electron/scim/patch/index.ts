/** The PATCH engine's public surface. */

export { applyPatch } from './apply.js';
export { parsePatchPath, type PatchPath } from './path.js';
export { MAX_OPERATIONS, readOperations, type PatchOperation, type PatchOpName } from './operations.js';
