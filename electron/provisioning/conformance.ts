/**
 * Conformance hints: what in one exchange's answer Entra will likely reject or mishandle, with the section of
 * entra-behavior.md that says so (the "conformance hints" panel, issue 9). Computed from the stored request and
 * response alone, so it works for old rows and for both the built-in target and proxy mode, where the answer
 * comes from the admin's own SCIM app.
 */

import type { ConformanceHint } from '../../shared/api/log-types.js';
import type { Entity, Operation } from '../../shared/domain/operation.js';
import { MESSAGE_ERROR, SCHEMA_ENTERPRISE_USER, SCIM_CONTENT_TYPE } from '../../shared/scim/constants.js';
import { fieldOf, isJsonObject } from '../scim/resource/json.js';
import type { JsonObject } from '../scim/resource/types.js';

/** The parts of a logged exchange the checks read. */
export interface HintInput {
  readonly method: string;
  /** The raw query string, without `?`. */
  readonly query: string;
  readonly status: number;
  readonly entity: Entity;
  readonly operation: Operation;
  readonly requestBody: string | null;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string | null;
}

export type HintId =
  | 'members-despite-excluded'
  | 'multiple-matches'
  | 'not-found-on-query'
  | 'content-type'
  | 'error-schema-missing'
  | 'error-status-not-string'
  | 'boolean-string-rejected'
  | 'group-patch-status'
  | 'group-patch-members'
  | 'manager-not-object'
  | 'resource-without-id'
  | 'list-response-shape';

type Hint = ConformanceHint & { readonly id: HintId };

const LOOKUPS: ReadonlySet<Operation> = new Set(['match', 'list', 'test-connection']);
const doc = (section: string): string => `entra-behavior.md §${section}`;
const hint = (id: HintId, severity: Hint['severity'], section: string, message: string): Hint => ({ id, severity, message, source: doc(section) });

function parse(text: string | null): unknown {
  if (text === null || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

const schemasOf = (object: JsonObject): string[] => (Array.isArray(object.schemas) ? object.schemas.filter((s): s is string => typeof s === 'string') : []);
const isErrorBody = (object: JsonObject): boolean => schemasOf(object).includes(MESSAGE_ERROR);
const isListBody = (object: JsonObject): boolean => 'Resources' in object || 'totalResults' in object;

/** The resources an answer returns: the elements of a ListResponse, or the answer itself. */
function resourcesOf(body: JsonObject | undefined): JsonObject[] {
  if (!body || isErrorBody(body)) return [];
  if (Array.isArray(body.Resources)) return body.Resources.filter(isJsonObject);
  return isListBody(body) ? [] : [body];
}

function excludesMembers(query: string): boolean {
  for (const [key, value] of new URLSearchParams(query)) {
    if (key.toLowerCase() === 'excludedattributes' && value.split(',').some((name) => name.trim().toLowerCase() === 'members')) return true;
  }
  return false;
}

/** entra-behavior.md §3.2 rule 2: `"True"`/`"False"` in any case, where a boolean is expected. */
const isBooleanString = (value: unknown): boolean => typeof value === 'string' && /^(true|false)$/i.test(value.trim());

function sendsActiveString(method: string, body: unknown): boolean {
  if (!isJsonObject(body)) return false;
  if (method !== 'PATCH') return isBooleanString(fieldOf(body, 'active'));
  const operations = fieldOf(body, 'Operations');
  if (!Array.isArray(operations)) return false;
  return operations.some((operation) => {
    if (!isJsonObject(operation)) return false;
    const path = fieldOf(operation, 'path');
    const value = fieldOf(operation, 'value');
    if (typeof path === 'string' && path.trim() !== '') return /(^|:)active$/i.test(path.trim()) && isBooleanString(value);
    return isJsonObject(value) && isBooleanString(fieldOf(value, 'active'));
  });
}

function checkMembers(input: HintInput, resources: JsonObject[], method: string, success: boolean): Hint[] {
  if (method !== 'GET' || input.entity !== 'Group' || !success || !excludesMembers(input.query)) return [];
  const withMembers = resources.filter((resource) => 'members' in resource);
  if (withMembers.length === 0) return [];
  const listed = withMembers.some((resource) => Array.isArray(resource.members) && resource.members.length > 0);
  return [
    hint(
      'members-despite-excluded',
      listed ? 'error' : 'warning',
      '2.2',
      listed
        ? 'Entra asked for excludedAttributes=members, but the group came back with its members. Entra fails such a lookup with SystemForCrossDomainIdentityManagementMultipleEntriesInResponse; leave members out when they are excluded.'
        : 'Entra asked for excludedAttributes=members, but the group still carries a (empty) members attribute; leave it out entirely.',
    ),
  ];
}

function checkListShape(input: HintInput, body: JsonObject | undefined, success: boolean): Hint[] {
  if (!LOOKUPS.has(input.operation) || !success) return [];
  const shape = (severity: Hint['severity'], message: string): Hint[] => [hint('list-response-shape', severity, '2.1', message)];
  if (!body || isErrorBody(body)) return shape('error', 'A filter or list query must be answered with a ListResponse (totalResults and Resources); this answer is not one, so Entra cannot read it.');
  if (typeof body.totalResults !== 'number') return shape('error', 'The ListResponse has no numeric totalResults; Entra reads it to decide whether the object exists.');
  if (!Array.isArray(body.Resources)) {
    return body.totalResults > 0
      ? shape('error', `The ListResponse says totalResults ${body.totalResults} but has no Resources array.`)
      : shape('warning', 'The empty ListResponse has no Resources array; Microsoft\'s examples send "Resources": [].');
  }
  return [];
}

function checkMatches(input: HintInput, body: JsonObject | undefined, success: boolean): Hint[] {
  if (input.operation !== 'match' || !success || !body) return [];
  const count = Math.max(typeof body.totalResults === 'number' ? body.totalResults : 0, Array.isArray(body.Resources) ? body.Resources.length : 0);
  if (count <= 1) return [];
  return [
    hint(
      'multiple-matches',
      'error',
      '2.1',
      `The matching query found ${count} objects. Entra expects 0 or 1 and records DuplicateTargetEntries (SystemForCrossDomainIdentityManagementMultipleEntriesInResponse); make the matching attribute unique.`,
    ),
  ];
}

function checkContentType(input: HintInput): Hint[] {
  if (input.responseBody === null || input.responseBody === '' || input.status === 204 || input.status === 304) return [];
  const value = header(input.responseHeaders, 'content-type');
  const media = value?.split(';')[0]?.trim().toLowerCase();
  if (media === SCIM_CONTENT_TYPE) return [];
  if (media === 'application/json') {
    return [hint('content-type', 'warning', '1', `The answer is labelled application/json; SCIM answers should carry Content-Type: ${SCIM_CONTENT_TYPE}.`)];
  }
  return [
    hint(
      'content-type',
      'error',
      '1',
      value === undefined
        ? `The answer has a body but no Content-Type; send Content-Type: ${SCIM_CONTENT_TYPE}.`
        : `The answer is labelled ${value}, not ${SCIM_CONTENT_TYPE}; Entra expects SCIM JSON.`,
    ),
  ];
}

function checkErrorBody(input: HintInput, body: unknown): Hint[] {
  if (input.status < 400 || input.status === 499) return [];
  if (!isJsonObject(body)) {
    return [
      hint(
        'error-schema-missing',
        'error',
        '4',
        `The HTTP ${input.status} answer has no SCIM error body. Entra quotes the error body in its log; send {"schemas":["${MESSAGE_ERROR}"],"status":"${input.status}","detail":"…"}.`,
      ),
    ];
  }
  const hints: Hint[] = [];
  if (!isErrorBody(body)) hints.push(hint('error-schema-missing', 'error', '4', `The error body does not list the schema ${MESSAGE_ERROR}.`));
  const status = body.status;
  if (typeof status !== 'string') {
    hints.push(
      hint(
        'error-status-not-string',
        'error',
        '4',
        status === undefined
          ? `The error body has no "status"; RFC 7644 §3.12 wants the HTTP status as a string, "${input.status}".`
          : `The error body's "status" is ${JSON.stringify(status)}, not a string; RFC 7644 §3.12 wants "${input.status}".`,
      ),
    );
  }
  return hints;
}

function checkBooleanStrings(input: HintInput, method: string): Hint[] {
  if (input.status !== 400 || input.entity === 'Group' || !sendsActiveString(method, parse(input.requestBody))) return [];
  return [
    hint(
      'boolean-string-rejected',
      'error',
      '3.2',
      'The app rejected "active" sent as the string "True"/"False". Entra\'s default PATCH dialect always sends it that way (rule 2): accept boolean strings in any case, or every disable fails.',
    ),
  ];
}

function checkGroupPatch(input: HintInput, method: string, resources: JsonObject[]): Hint[] {
  if (method !== 'PATCH' || input.entity !== 'Group' || input.status < 200 || input.status >= 400) return [];
  if (input.status !== 200 && input.status !== 204) {
    return [hint('group-patch-status', 'error', '2.2', `A group PATCH was answered ${input.status}; Entra expects 204 No Content (or 200).`)];
  }
  if (input.status === 200 && resources.some((resource) => Array.isArray(resource.members) && resource.members.length > 0)) {
    return [hint('group-patch-members', 'warning', '2.2', 'The group PATCH returned the member list; Entra expects 204 without members, and large groups make this answer slow.')];
  }
  return [];
}

function checkResources(input: HintInput, method: string, body: JsonObject | undefined, resources: JsonObject[], success: boolean): Hint[] {
  if (!success || (input.entity !== 'User' && input.entity !== 'Group')) return [];
  const hints: Hint[] = [];
  if (input.operation === 'create' && method === 'POST' && body === undefined) {
    hints.push(hint('resource-without-id', 'error', '2.1', 'The create was answered without the created resource, so Entra never learns its id; answer 201 with the resource and its id.'));
  }
  const missing = resources.filter((resource) => typeof resource.id !== 'string' || resource.id === '').length;
  if (missing > 0) {
    hints.push(hint('resource-without-id', 'error', '2.1', missing === 1 && resources.length === 1 ? 'The returned resource has no "id"; every resource Entra receives needs one.' : `${missing} of the returned resources have no "id"; every resource Entra receives needs one.`));
  }
  const managerless = resources.filter((resource) => {
    const extension = resource[SCHEMA_ENTERPRISE_USER];
    return typeof resource.manager === 'string' || (isJsonObject(extension) && typeof extension.manager === 'string');
  }).length;
  if (managerless > 0) {
    hints.push(
      hint(
        'manager-not-object',
        'error',
        '2.1',
        'manager is returned as a bare string. Entra may send it that way, but expects {"value": "<id>"} back and otherwise fails to deserialize the resource.',
      ),
    );
  }
  return hints;
}

/** Every hint for one exchange, most specific first; empty when the answer looks the way Entra expects. */
export function conformanceHints(input: HintInput): ConformanceHint[] {
  if (input.status === 499) return []; // Entra hung up; nothing was answered.
  const method = input.method.toUpperCase();
  const parsed = parse(input.responseBody);
  const body = isJsonObject(parsed) ? parsed : undefined;
  const success = input.status >= 200 && input.status < 300;
  const resources = success ? resourcesOf(body) : [];
  return [
    ...checkMembers(input, resources, method, success),
    ...checkMatches(input, body, success),
    ...(input.status === 404 && LOOKUPS.has(input.operation)
      ? [hint('not-found-on-query', 'error', '4', 'A list or filter query was answered 404. Entra expects 200 with an empty ListResponse; a 404 here is a SCIM compliance issue that can quarantine the job.')]
      : []),
    ...checkListShape(input, body, success),
    ...checkGroupPatch(input, method, resources),
    ...checkBooleanStrings(input, method),
    ...checkResources(input, method, body, resources, success),
    ...checkErrorBody(input, parsed),
    ...checkContentType(input),
  ];
}
