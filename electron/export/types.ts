/**
 * What every export writer receives: one logged exchange, already redacted (redact.ts), with what Entra's
 * provisioning log would show about it (entra-behavior.md §6).
 */

import type { LogRow, ModifiedProperty } from '../../shared/api/log-types.js';

export interface ExportRow extends LogRow {
  /** Empty when the writer did not ask for headers. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: string | null;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string | null;
  readonly modified: readonly ModifiedProperty[];
  /** The SCIM error `detail` of our answer, for failures (migration 0006's `failures.detail`). */
  readonly detail: string | null;
}

/** Facts about the export as a whole, for cover lines and file headers. */
export interface ExportMeta {
  readonly generatedAt: number;
  readonly version: string;
  /** What the admin pasted into Entra's Tenant URL, when known. */
  readonly tenantUrl: string | null;
  readonly failuresOnly: boolean;
  /** The filters, in words, e.g. "cycle 3, identity alice". */
  readonly filters: string;
}

/** Names Entra's log shows on both sides (entra-behavior.md §6.1, §6.2): the listener never learns Entra's own. */
export const SOURCE_SYSTEM = 'Azure Active Directory';
export const TARGET_SYSTEM = 'Provisioning Monitor (SCIM app)';
export const PRODUCT = 'Provisioning Monitor';
