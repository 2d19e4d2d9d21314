/**
 * List and search parameters (RFC 7644 §3.4.2, §3.4.3): filter, pagination and attribute projection.
 */

import { MESSAGE_LIST_RESPONSE } from '../../../shared/scim/constants.js';
import { badRequest } from '../errors.js';
import { parseAttributeList } from '../resource/project.js';
import type { JsonObject } from '../resource/types.js';

/** Matches `filter.maxResults` in ServiceProviderConfig. */
export const MAX_PAGE_SIZE = 1000;
/** RFC 7644 §3.4.2.4 leaves the default page size to the server; Microsoft's sample shows 20, Okta asks for 100. */
export const DEFAULT_PAGE_SIZE = 100;

export interface ListParams {
  readonly filter: string | undefined;
  readonly startIndex: number;
  readonly count: number;
  readonly attributes: string[] | undefined;
  readonly excludedAttributes: string[] | undefined;
}

/** Query parameter names are matched case-insensitively; clients differ (`excludedAttributes`, `excludedattributes`). */
function param(query: URLSearchParams, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === lower) return value;
  return undefined;
}

function integer(raw: string | number | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'number' ? raw : Number(raw.trim());
  if (!Number.isInteger(value)) throw badRequest('invalidValue', `${name} must be an integer, got "${String(raw)}".`);
  return value;
}

function bounded(startIndex: number | undefined, count: number | undefined): { startIndex: number; count: number } {
  // RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1, a negative count as 0.
  return {
    startIndex: Math.max(1, startIndex ?? 1),
    count: Math.min(MAX_PAGE_SIZE, Math.max(0, count ?? DEFAULT_PAGE_SIZE)),
  };
}

export function listParamsFromQuery(query: URLSearchParams): ListParams {
  return {
    filter: param(query, 'filter'),
    ...bounded(integer(param(query, 'startIndex'), 'startIndex'), integer(param(query, 'count'), 'count')),
    attributes: parseAttributeList(param(query, 'attributes')),
    excludedAttributes: parseAttributeList(param(query, 'excludedAttributes')),
  };
}

/** The body of `POST /Users/.search` (RFC 7644 §3.4.3). */
export function listParamsFromSearch(body: unknown): ListParams {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('invalidSyntax', 'A search request body must be a JSON object (RFC 7644 §3.4.3).');
  }
  const get = (name: string): unknown => Object.entries(body).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const text = (name: string): string | undefined => {
    const value = get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw badRequest('invalidValue', `${name} must be a string.`);
    return value;
  };
  const list = (name: string): string[] | undefined => {
    const value = get(name);
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
    if (typeof value === 'string') return parseAttributeList(value);
    throw badRequest('invalidValue', `${name} must be an array of attribute names.`);
  };
  const number = (name: string): number | undefined => {
    const value = get(name);
    return value === undefined || value === null ? undefined : integer(typeof value === 'number' ? value : String(value), name);
  };
  return {
    filter: text('filter'),
    ...bounded(number('startIndex'), number('count')),
    attributes: list('attributes'),
    excludedAttributes: list('excludedAttributes'),
  };
}

/** A ListResponse (RFC 7644 §3.4.2); `itemsPerPage` is the number of resources on this page. */
export function listResponse(resources: JsonObject[], total: number, startIndex: number): JsonObject {
  return {
    schemas: [MESSAGE_LIST_RESPONSE],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
