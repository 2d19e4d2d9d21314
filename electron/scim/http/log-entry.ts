/**
 * Builds a request's log row from what the listener received and answered, with secrets redacted.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ModifiedPropertyRow, RequestLogBodies, RequestLogEntry } from '../../db/request-log-repo.js';
import { modifiedProperties } from '../../provisioning/modified-properties.js';
import { entraOutcome } from '../../provisioning/outcome.js';
import type { StoredResource } from '../resource/types.js';
import { ScimError } from '../errors.js';
import type { BodyResult } from './read-body.js';
import { redactBody, redactHeaders } from './redact.js';
import { firstHeader, type ParsedTarget } from './request-context.js';
import type { Serialized } from './respond.js';
import type { HandledRequest } from './types.js';

/** What one request came to, as the pipeline hands it to the log. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly ts: number;
  readonly target: ParsedTarget | ScimError;
  readonly read: BodyResult;
  readonly handled: HandledRequest;
  readonly durationMs: number;
}

/**
 * The text stored for a request body: as sent (byte-exact for the Raw view), unless it carries a password. JSON may
 * spell the key or a PATCH path with escapes (`"pass\u0077ord"`), so a body with any `\u` escape is checked after
 * parsing as well; a body that holds no password stays byte-exact.
 */
function loggedBody(bytes: Buffer): string | null {
  if (bytes.length === 0) return null;
  const text = bytes.toString('utf8');
  if (!/password|\\u/i.test(text)) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    const redacted = JSON.stringify(redactBody(parsed));
    return redacted === JSON.stringify(parsed) ? text : redacted;
  } catch {
    return text.replace(/("password"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"');
  }
}

const text = (resource: StoredResource | null | undefined, key: string): string | null => {
  const value = resource?.[key];
  return typeof value === 'string' ? value : null;
};


export function logEntry(exchange: Exchange, serialized: Serialized): { entry: RequestLogEntry; bodies: RequestLogBodies; modified: ModifiedPropertyRow[] } {
  const { req, target, read, handled } = exchange;
  const malformed = target instanceof ScimError;
  const bytes = read.kind === 'ok' ? read.bytes : undefined;
  const info = handled.info;
  // Test Connection queries a random GUID (entra-behavior.md §1.1), which names nothing: a GUID query that found an
  // object is a match on a GUID-valued matching attribute (externalId mapped to objectId), as after Restart
  // provisioning. Left a probe, each one would also open a new inferred cycle (provisioning/cycle-tracker.ts).
  const operation = info?.operation === 'test-connection' && (handled.resultCount ?? 0) > 0 ? 'match' : (info?.operation ?? 'unknown');
  const { before = null, after = null } = handled.change ?? {};
  // Proxy mode hands over the modified properties it read from the request; the built-in target diffs its directory.
  const modified = handled.modified ? [...handled.modified] : handled.change && serialized.status < 300 ? modifiedProperties(before, after) : [];
  const changed = handled.change ? modified.length > 0 : undefined;
  const outcome = entraOutcome(operation, serialized.status, handled.resultCount, changed);
  const nameKey = info?.entity === 'Group' ? 'displayName' : 'userName';
  const responseText = typeof serialized.body === 'string' ? serialized.body : serialized.body.toString('utf8');
  return {
    modified,
    entry: {
      ts: exchange.ts,
      method: (req.method ?? '').slice(0, 16),
      path: malformed ? (req.url ?? '').slice(0, 2048) : target.path,
      query: malformed ? '' : target.rawQuery,
      status: serialized.status,
      duration_ms: Math.round(exchange.durationMs * 1000) / 1000,
      client_ip: req.socket.remoteAddress ?? null,
      token_id: handled.tokenId ?? null,
      resource_type: handled.resourceType ?? null,
      resource_id: handled.resourceId ?? null,
      scim_type: serialized.scimType,
      req_bytes: read.kind === 'too-large' ? read.received : (bytes?.length ?? 0),
      res_bytes: typeof serialized.body === 'string' ? Buffer.byteLength(serialized.body) : serialized.body.length,
      entity: info?.entity ?? 'Unknown',
      operation,
      action: outcome.action,
      outcome: outcome.status,
      identity: text(after, nameKey) ?? text(before, nameKey) ?? handled.identity ?? null,
      external_id: text(after, 'externalId') ?? text(before, 'externalId') ?? handled.externalId ?? null,
      change_id: randomUUID(),
      cycle_id: null,
      error_code: handled.errorCode ?? outcome.errorCode,
      member_count: info?.memberCount ?? null,
      dialect: info?.dialect ?? null,
      fault: handled.fault ?? null,
      forwarded_for: firstHeader(req.headers['x-forwarded-for']) ?? null,
      replay_of: handled.replayOf ?? null,
    },
    bodies: {
      req_headers: JSON.stringify(redactHeaders(req.headers)),
      req_body: bytes === undefined ? null : loggedBody(bytes),
      res_headers: JSON.stringify(serialized.headers),
      res_body: responseText === '' ? null : responseText,
    },
  };
}
