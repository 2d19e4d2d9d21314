/**
 * Turns the upstream's answer into what the log records and what Entra gets back. The log sees the exchange as the
 * built-in target would describe it: the resource and its identity (from the answer's body, remembered ids, the
 * log), the result count of a lookup, and the modified properties the request asked for. Entra gets the upstream's
 * status, relayed headers and body bytes unchanged, except Location, which points back at the monitor.
 */

import type { ScimResourceType } from '../../shared/scim/constants.js';
import type { OperationInfo } from '../provisioning/operation.js';
import { requestedChanges } from '../provisioning/requested-changes.js';
import { scimErrorBody } from '../scim/errors.js';
import { errorResponse, serialize, type Serialized } from '../scim/http/respond.js';
import type { HandledRequest, ScimRequest } from '../scim/http/types.js';
import { isJsonObject } from '../scim/resource/json.js';
import type { JsonObject } from '../scim/resource/types.js';
import type { IdentityMemory } from './identity-memory.js';
import type { UpstreamAnswer } from './types.js';

const stringAt = (object: JsonObject | undefined, key: string): string | null => {
  const value = object?.[key];
  return typeof value === 'string' ? value : null;
};

/** Canonical spelling of the relayed headers, as the built-in target writes them. */
const HEADER_NAMES: Readonly<Record<string, string>> = {
  'content-type': 'Content-Type',
  etag: 'ETag',
  location: 'Location',
  'retry-after': 'Retry-After',
  'www-authenticate': 'WWW-Authenticate',
};

const LOOKUPS = new Set(['match', 'list', 'test-connection']);
const WRITES = new Set(['create', 'update', 'disable', 'enable', 'delete', 'add-members', 'remove-members']);

/** A Location under the upstream's base is rewritten to the monitor's base, so Entra keeps talking to the monitor. */
export function rewriteLocation(location: string, upstreamBase: string, ourBase: string): string {
  const base = upstreamBase.replace(/\/+$/, '');
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  if (location.toLowerCase().startsWith(base.toLowerCase()) && /^($|[/?#])/.test(location.slice(base.length))) return ourBase + location.slice(base.length);
  // A path-only Location (`/scim/v2/Users/1`) under the upstream's base path is as good as absolute.
  if (basePath !== '' && location.startsWith(basePath) && /^($|[/?#])/.test(location.slice(basePath.length))) return ourBase + location.slice(basePath.length);
  return location;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The name attribute a PATCH sets (`displayName` of a renamed group), through a path or a path-less value object. */
function nameSetByPatch(body: unknown, nameKey: string): string | null {
  const operations = isJsonObject(body) ? body.Operations : undefined;
  if (!Array.isArray(operations)) return null;
  let name: string | null = null;
  for (const operation of operations) {
    if (!isJsonObject(operation) || String(operation.op ?? '').toLowerCase() === 'remove') continue;
    const path = typeof operation.path === 'string' ? operation.path.trim() : '';
    if (path.toLowerCase() === nameKey.toLowerCase() && typeof operation.value === 'string') name = operation.value;
    else if (path === '' && isJsonObject(operation.value) && typeof operation.value[nameKey] === 'string') name = operation.value[nameKey];
  }
  return name;
}

export interface SettleContext {
  readonly upstreamBase: string;
  readonly memory: IdentityMemory;
}

export function settleExchange(
  context: SettleContext,
  request: ScimRequest,
  info: OperationInfo,
  identity: string | null,
  answer: UpstreamAnswer,
): { handled: HandledRequest; serialized: Serialized } {
  const type: ScimResourceType | undefined = info.entity === 'User' || info.entity === 'Group' ? info.entity : undefined;
  const pathId = request.segments[1] !== undefined && request.segments[1] !== '.search' ? request.segments[1] : undefined;
  const about = { ...(type ? { resourceType: type } : {}), ...(type && pathId !== undefined ? { resourceId: pathId } : {}) };
  if (answer.kind === 'refused') {
    const handled = { ...about, ...errorResponse(answer.error), identity };
    return { handled, serialized: serialize(handled) };
  }
  if (answer.kind === 'failed') {
    const handled: HandledRequest = { ...about, status: answer.status, body: scimErrorBody(answer.status, answer.detail), errorCode: answer.errorCode, identity };
    return { handled, serialized: serialize(handled) };
  }

  const { status } = answer;
  const bodyless = status === 204 || status === 304 || status < 200;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    headers[HEADER_NAMES[name] ?? name] = name === 'location' ? rewriteLocation(value, context.upstreamBase, request.baseUrl) : value;
  }
  const body = bodyless ? Buffer.alloc(0) : answer.body;
  if (!bodyless) headers['Content-Length'] = String(body.length);

  const json = parseJson(body);
  const object = isJsonObject(json) ? json : undefined;
  const success = status >= 200 && status < 300;
  const nameKey = info.entity === 'Group' ? 'displayName' : 'userName';
  const resources = Array.isArray(object?.Resources) ? object.Resources.filter(isJsonObject) : undefined;
  // A single resource: a successful answer with an id that is not a ListResponse.
  const resource = success && object && resources === undefined && typeof object.id === 'string' ? object : undefined;

  if (type && success && resources) {
    for (const item of resources) {
      const id = stringAt(item, 'id');
      const name = stringAt(item, nameKey);
      if (id !== null && name !== null) context.memory.remember(type, id, { identity: name, externalId: stringAt(item, 'externalId') });
    }
  }
  let resultCount: number | undefined;
  if (success && LOOKUPS.has(info.operation) && object) {
    resultCount = typeof object.totalResults === 'number' ? object.totalResults : resources?.length;
  }

  const resourceId = pathId ?? (info.operation === 'create' ? (stringAt(resource, 'id') ?? undefined) : undefined);
  const known = type && resourceId !== undefined ? context.memory.recall(type, resourceId) : undefined;
  let resolved = identity;
  if (type && !LOOKUPS.has(info.operation) && info.operation !== 'discovery' && info.operation !== 'unknown') {
    const fromAnswer = success ? (nameSetByPatch(request.body, nameKey) ?? stringAt(resource, nameKey)) : null;
    resolved = fromAnswer ?? identity ?? known?.identity ?? null;
  }
  const requestBody = isJsonObject(request.body) ? request.body : undefined;
  const externalId = WRITES.has(info.operation)
    ? (stringAt(resource, 'externalId') ?? (info.operation === 'create' ? stringAt(requestBody, 'externalId') : null) ?? known?.externalId ?? null)
    : null;
  if (type && success && resourceId !== undefined && resolved !== null) {
    context.memory.remember(type, resourceId, { identity: resolved, externalId: externalId ?? stringAt(resource, 'externalId') ?? known?.externalId ?? null });
  }

  const scimType = status >= 400 ? stringAt(object, 'scimType') : null;
  const handled: HandledRequest = {
    status,
    ...(type ? { resourceType: type } : {}),
    ...(resourceId !== undefined && type ? { resourceId } : {}),
    ...(resultCount === undefined ? {} : { resultCount }),
    ...(scimType === null ? {} : { scimType }),
    identity: resolved,
    externalId,
    ...(success && WRITES.has(info.operation) ? { modified: requestedChanges(request.method, request.body) } : {}),
  };
  return { handled, serialized: { status, headers, body, scimType } };
}
