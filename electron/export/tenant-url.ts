/**
 * The Tenant URL for a report's cover line (design/screens.md Screen 4): what Entra called, read from the newest
 * logged request's `Host` (and `X-Forwarded-Proto` when it came through a tunnel) plus the SCIM base path
 * (entra-behavior.md §1). Used when no live tunnel says it, e.g. by the `export` command.
 */

import { SCIM_BASE_PATH } from '../../shared/scim/constants.js';
import type { Db } from '../db/open.js';

export function inferTenantUrl(db: Db): string | null {
  try {
    const row = db
      .prepare<[], { req_headers: string }>('SELECT b.req_headers FROM request_bodies b ORDER BY b.request_id DESC LIMIT 1')
      .get();
    if (!row) return null;
    const headers = JSON.parse(row.req_headers) as Record<string, unknown>;
    const host = typeof headers.host === 'string' && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(headers.host) ? headers.host : null;
    if (host === null) return null;
    const proto = typeof headers['x-forwarded-proto'] === 'string' && headers['x-forwarded-proto'].split(',')[0]?.trim() === 'https' ? 'https' : 'http';
    return `${proto}://${host}${SCIM_BASE_PATH}`;
  } catch {
    return null;
  }
}
