/**
 * Entra's status colours for charts: the badge palette's variables (badges.css), so a red bar and a red
 * "Failure" badge are the same red in light and dark. Skipped uses the neutral grey, Warning the amber fill.
 */

import type { EntraStatus } from '../../shared/domain/operation.js';

export const STATUS_COLOR: Readonly<Record<EntraStatus, string>> = {
  Success: 'var(--success)',
  Failure: 'var(--danger)',
  Skipped: 'var(--neutral)',
  Warning: 'var(--warning-fill)',
};
