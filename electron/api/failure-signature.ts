/**
 * How failures are grouped, Sentry-style (design/screens.md Screen 4): by operation, HTTP status, scimType, Entra
 * error code and the *template* of the SCIM error detail, so that "userName "alice@…" is already used by user 1f…"
 * and the same conflict for bob fall into one group.
 */

import { createHash } from 'node:crypto';
import type { Entity, Operation } from '../../shared/domain/operation.js';
import { statusName } from './explain.js';

/** Longest template kept; details are one or two sentences, this only stops a pathological body. */
const MAX_TEMPLATE = 300;

const PLACEHOLDERS: readonly (readonly [RegExp, string])[] = [
  // Quoted values first: they hold user data (names, filters) and may contain digits or ids themselves.
  [/"(?:[^"\\]|\\.)*"/g, '"…"'],
  [/'(?:[^'\\]|\\.)*'/g, "'…'"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '{id}'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '{email}'],
  // Other ids: a long token that mixes letters and digits (object ids, hex hashes, base64 keys).
  [/\b(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{12,}\b/gi, '{id}'],
  [/\d+(?:\.\d+)?/g, '{n}'],
];

/** The detail with ids, quoted values, addresses and numbers replaced by placeholders; '' when there is none. */
export function detailTemplate(detail: string | null): string {
  if (detail === null) return '';
  let template = detail.length > 4 * MAX_TEMPLATE ? detail.slice(0, 4 * MAX_TEMPLATE) : detail;
  for (const [pattern, placeholder] of PLACEHOLDERS) template = template.replace(pattern, placeholder);
  return template.replace(/\s+/g, ' ').trim().slice(0, MAX_TEMPLATE);
}

export interface SignatureParts {
  readonly entity: string;
  readonly operation: string;
  readonly status: number;
  readonly scimType: string | null;
  readonly errorCode: string;
  readonly template: string;
}

/** A short, stable key: the same parts give the same signature across calls, restarts and machines. */
export function signatureOf(parts: SignatureParts): string {
  const text = [parts.entity, parts.operation, parts.status, parts.scimType ?? '', parts.errorCode, parts.template].join('\u0000');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const noun = (entity: string): string => (entity === 'Group' ? 'group' : 'user');

/** The operation in the words of the Live screen's Operation column (design/screens.md Screen 2). */
export function operationLabel(entity: Entity | string, operation: Operation | string): string {
  switch (operation) {
    case 'test-connection':
      return 'Test connection';
    case 'match':
      return `Match ${noun(entity)}`;
    case 'list':
      return `List ${noun(entity)}s`;
    case 'read':
      return `Get ${noun(entity)}`;
    case 'create':
      return `Create ${noun(entity)}`;
    case 'update':
      return `Update ${noun(entity)}`;
    case 'disable':
      return 'Disable user';
    case 'enable':
      return 'Re-enable user';
    case 'delete':
      return `Delete ${noun(entity)}`;
    case 'add-members':
      return 'Add members';
    case 'remove-members':
      return 'Remove members';
    case 'discovery':
      return 'Schema discovery';
    default:
      return 'Unrecognised request';
  }
}

/** "Create user → 409 uniqueness"; without a scimType, the status's name ("→ 401 Unauthorized"). */
export function failureTitle(parts: Pick<SignatureParts, 'entity' | 'operation' | 'status' | 'scimType' | 'errorCode'>): string {
  const why = parts.status >= 200 && parts.status < 300 ? parts.errorCode : (parts.scimType ?? statusName(parts.status));
  return `${operationLabel(parts.entity, parts.operation)} → ${parts.status} ${why}`;
}
