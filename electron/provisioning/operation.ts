/**
 * Classifies a SCIM request by its method, path and body alone, before it is handled: what Entra was doing.
 * Used by the request log and by fault-injection rules that target an operation.
 */

import type { Entity, Operation, PatchDialect } from '../../shared/domain/operation.js';
import { fieldOf } from '../scim/resource/json.js';

export interface RequestShape {
  readonly method: string;
  /** Path segments after `/scim/v2`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface OperationInfo {
  readonly entity: Entity;
  readonly operation: Operation;
  /** Members added or removed by a group PATCH. */
  readonly memberCount: number | null;
  readonly dialect: PatchDialect | null;
}

/** Entra's Test Connection asks for a user whose matching attribute is a random GUID (entra-behavior.md §1.1). */
const GUID_EQ = /^\s*[\w.:$-]+\s+eq\s+"?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"?\s*$/i;

const isFalse = (value: unknown): boolean => value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
const isTrue = (value: unknown): boolean => value === true || (typeof value === 'string' && value.toLowerCase() === 'true');

interface Op {
  readonly op: string;
  readonly opRaw: string;
  readonly path: string;
  readonly value: unknown;
}

function operationsOf(body: unknown): Op[] {
  const list = fieldOf(body, 'Operations');
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const opRaw = String(fieldOf(item, 'op') ?? '');
    const path = fieldOf(item, 'path');
    return { op: opRaw.toLowerCase(), opRaw, path: typeof path === 'string' ? path : '', value: fieldOf(item, 'value') };
  });
}

/** The `active` value a PATCH sets, through a path or a path-less value object; undefined when it sets none. */
function activeSetTo(ops: readonly Op[]): unknown {
  let result: unknown;
  for (const op of ops) {
    if (op.op === 'remove') continue;
    if (op.path.toLowerCase() === 'active' || op.path.toLowerCase().endsWith(':user:active')) result = op.value;
    else if (op.path === '') {
      const active = fieldOf(op.value, 'active');
      if (active !== undefined) result = active;
    }
  }
  return result;
}

/**
 * entra-behavior.md §3.1: PascalCase ops, `"False"` strings and member removal with a value list are the default
 * dialect; lowercase ops with a path-less replace or `members[value eq …]` removal are `aadOptscim062020`.
 */
function dialectOf(ops: readonly Op[]): PatchDialect | null {
  if (ops.length === 0) return null;
  if (ops.some((op) => /^[A-Z]/.test(op.opRaw))) return 'default';
  if (ops.some((op) => op.path === '' || /^members\[/i.test(op.path))) return 'aadOptscim062020';
  if (ops.some((op) => typeof op.value === 'string' && /^(true|false)$/i.test(op.value))) return 'default';
  return null;
}

const memberValues = (value: unknown): number => (Array.isArray(value) ? value.length : value === undefined ? 1 : 1);

function classifyPatch(entity: Entity, ops: readonly Op[]): Pick<OperationInfo, 'operation' | 'memberCount'> {
  if (entity === 'Group') {
    const members = ops.filter((op) => /^members(\[|$)/i.test(op.path));
    if (members.length > 0 && members.length === ops.length) {
      const removing = members.every((op) => op.op === 'remove');
      const adding = members.every((op) => op.op !== 'remove');
      const count = members.reduce((sum, op) => sum + memberValues(op.value), 0);
      if (adding) return { operation: 'add-members', memberCount: count };
      if (removing) return { operation: 'remove-members', memberCount: count };
    }
    return { operation: 'update', memberCount: null };
  }
  const active = activeSetTo(ops);
  if (isFalse(active)) return { operation: 'disable', memberCount: null };
  if (isTrue(active) && ops.length === 1) return { operation: 'enable', memberCount: null };
  return { operation: 'update', memberCount: null };
}

const DISCOVERY = new Set(['serviceproviderconfig', 'serviceproviderconfigs', 'schemas', 'resourcetypes']);

export function classifyRequest(shape: RequestShape): OperationInfo {
  const head = (shape.segments[0] ?? '').toLowerCase();
  const method = shape.method.toUpperCase();
  const entity: Entity = head === 'users' ? 'User' : head === 'groups' ? 'Group' : DISCOVERY.has(head) ? 'Config' : 'Unknown';
  const none = { memberCount: null, dialect: null } as const;
  if (entity === 'Config') return { entity, operation: method === 'GET' ? 'discovery' : 'unknown', ...none };
  if (entity === 'Unknown') return { entity, operation: 'unknown', ...none };
  const id = shape.segments[1];
  const search = id === '.search';
  if ((id === undefined && method === 'GET') || (search && method === 'POST')) {
    const filter = search ? fieldOf(shape.body, 'filter') : shape.query.get('filter');
    if (typeof filter !== 'string' || filter.trim() === '') return { entity, operation: 'list', ...none };
    return { entity, operation: GUID_EQ.test(filter) ? 'test-connection' : 'match', ...none };
  }
  if (id === undefined) return { entity, operation: method === 'POST' ? 'create' : 'unknown', ...none };
  switch (method) {
    case 'GET':
      return { entity, operation: 'read', ...none };
    case 'DELETE':
      return { entity, operation: 'delete', ...none };
    case 'PUT':
      return { entity, operation: entity === 'User' && isFalse(fieldOf(shape.body, 'active')) ? 'disable' : 'update', ...none };
    case 'PATCH': {
      const ops = operationsOf(shape.body);
      return { entity, ...classifyPatch(entity, ops), dialect: dialectOf(ops) };
    }
    default:
      return { entity, operation: 'unknown', ...none };
  }
}
