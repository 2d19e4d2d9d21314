/**
 * The Live filter bar's language (HTTP Toolkit-style typed tokens, screens.md Screen 2): `status>=400`,
 * `status:4xx`, `op:disable`, `action:Create`, `outcome:Failure`, `user:alice`, `cycle:7`, `method:PATCH`,
 * `fault:yes`, `replay:yes`, `source:simulator`, `entity:group`, `error:EntryConflict`, `id:<resource id>`, `change:<change id>`, and
 * free text.
 *
 * Parsing is pure (string → LogQuery + errors), so the echo, the server query and the live matcher all agree.
 */

import type { MethodInput } from '../../../shared/api/contract.js';
import { LOG_SOURCES, type LogQuery, type LogSource } from '../../../shared/api/log-types.js';
import type { EntraAction, EntraStatus, Entity, Operation } from '../../../shared/domain/operation.js';
import { OPERATION_ALIASES } from '../../lib/labels.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type FilterQuery = Omit<LogQuery, 'before' | 'limit' | 'from' | 'to'>;

/**
 * The filter plus paging as `logs.list` input. The contract's input type has mutable arrays (zod's output); the
 * transport only serialises the object, so passing our readonly arrays is safe.
 */
export const toListInput = (q: FilterQuery, paging: { before?: number; limit: number }): MethodInput<'logs.list'> => ({ ...q, ...paging }) as MethodInput<'logs.list'>;

export interface ParsedFilter {
  readonly query: FilterQuery;
  readonly errors: readonly string[];
}

export const FILTER_KEYS = ['status', 'op', 'action', 'outcome', 'user', 'cycle', 'method', 'fault', 'replay', 'source', 'entity', 'error', 'id', 'change'] as const;
type Key = (typeof FILTER_KEYS)[number];

const KEY_ALIASES: Readonly<Record<string, Key>> = {
  status: 'status',
  op: 'op',
  operation: 'op',
  action: 'action',
  outcome: 'outcome',
  result: 'outcome',
  user: 'user',
  identity: 'user',
  group: 'user',
  cycle: 'cycle',
  method: 'method',
  fault: 'fault',
  replay: 'replay',
  replays: 'replay',
  source: 'source',
  origin: 'source',
  entity: 'entity',
  error: 'error',
  code: 'error',
  id: 'id',
  change: 'change',
};

const ACTIONS: readonly EntraAction[] = ['Create', 'Update', 'Disable', 'Delete', 'StagedDelete', 'Other'];
const OUTCOMES: readonly EntraStatus[] = ['Success', 'Failure', 'Skipped', 'Warning'];
const ENTITIES: readonly Entity[] = ['User', 'Group', 'Config', 'Unknown'];
const SOURCE_WORDS: Readonly<Record<string, LogSource>> = { sim: 'simulator', simulated: 'simulator', replays: 'replay', replayed: 'replay' };
const OUTCOME_WORDS: Readonly<Record<string, EntraStatus>> = { failed: 'Failure', fail: 'Failure', ok: 'Success', succeeded: 'Success', skip: 'Skipped', warn: 'Warning' };

/** `key<op>value`, `"quoted text"` or a bare word; keys are letters only, so `urn:ietf…` in quotes stays text. */
const TOKEN = /([A-Za-z]+)(>=|<=|:|=|>|<)("[^"]*"?|\S*)|"([^"]*)"?|(\S+)/g;

const unquote = (value: string): string => (value.startsWith('"') ? value.replace(/^"|"$/g, '') : value);
const pick = <T extends string>(options: readonly T[], value: string): T | undefined => options.find((o) => o.toLowerCase() === value.toLowerCase());
const add = <T>(list: readonly T[] | undefined, value: T): T[] => (list?.includes(value) ? [...list] : [...(list ?? []), value]);

function statusRange(op: string, value: string, q: Mutable<FilterQuery>): string | null {
  const klass = /^([1-5])xx$/i.exec(value);
  if (klass && (op === ':' || op === '=')) {
    const base = Number(klass[1]) * 100;
    q.statusMin = Math.max(q.statusMin ?? 0, base);
    q.statusMax = Math.min(q.statusMax ?? 999, base + 99);
    return null;
  }
  if (!/^\d{3}$/.test(value)) {
    const outcome = OUTCOME_WORDS[value.toLowerCase()] ?? pick(OUTCOMES, value);
    return outcome ? `status is the HTTP code; for Entra's result write outcome:${outcome}.` : `status needs an HTTP code such as 404 or 4xx, not "${value}".`;
  }
  const n = Number(value);
  const min = op === '>=' ? n : op === '>' ? n + 1 : op === '<' || op === '<=' ? undefined : n;
  const max = op === '<=' ? n : op === '<' ? n - 1 : op === '>' || op === '>=' ? undefined : n;
  if (min !== undefined) q.statusMin = Math.max(q.statusMin ?? 0, min);
  if (max !== undefined) q.statusMax = Math.min(q.statusMax ?? 999, max);
  return null;
}

function applyKey(key: Key, op: string, raw: string, q: Mutable<FilterQuery>): string | null {
  if (key === 'status') return statusRange(op, raw, q);
  if (op !== ':' && op !== '=') return `Only status can be compared with ${op}; write ${key}:value.`;
  const values = raw.split(',').filter((v) => v !== '');
  if (values.length === 0) return `${key}: needs a value.`;
  for (const value of values) {
    switch (key) {
      case 'op': {
        const operation: Operation | undefined = OPERATION_ALIASES[value.toLowerCase()];
        if (!operation) return `Unknown operation "${value}". Try create, update, disable, enable, delete, match, test, read, add, remove or schema.`;
        q.operation = add(q.operation, operation);
        break;
      }
      case 'action': {
        const action = pick(ACTIONS, value);
        if (!action) return `Entra's actions are ${ACTIONS.join(', ')}; "${value}" is not one of them.`;
        q.action = add(q.action, action);
        break;
      }
      case 'outcome': {
        const outcome = OUTCOME_WORDS[value.toLowerCase()] ?? pick(OUTCOMES, value);
        if (!outcome) return `Entra's statuses are ${OUTCOMES.join(', ')}; "${value}" is not one of them.`;
        q.outcome = add(q.outcome, outcome);
        break;
      }
      case 'entity': {
        const entity = pick(ENTITIES, value) ?? pick(ENTITIES, value.replace(/s$/i, ''));
        if (!entity) return `entity is user, group or config, not "${value}".`;
        q.entity = add(q.entity, entity);
        break;
      }
      case 'method':
        if (!/^[A-Za-z]{3,7}$/.test(value)) return `"${value}" is not an HTTP method.`;
        q.method = add(q.method, value.toUpperCase());
        break;
      case 'cycle': {
        const n = Number(value.replace(/^#/, ''));
        if (!Number.isInteger(n) || n < 1) return `cycle needs a cycle number such as 7, not "${value}".`;
        q.cycleId = n;
        break;
      }
      case 'fault':
        if (!/^(yes|true|1|on)$/i.test(value)) return 'fault:yes shows the requests a fault-injection rule answered; leave it out to see all.';
        q.faultOnly = true;
        break;
      case 'replay':
        if (!/^(yes|true|1|on)$/i.test(value)) return 'replay:yes shows the requests re-sent with Replay; leave it out to see all.';
        q.replayOnly = true;
        break;
      case 'source': {
        const source = SOURCE_WORDS[value.toLowerCase()] ?? pick(LOG_SOURCES, value);
        if (!source) return `source is entra, simulator or replay (who sent the request), not "${value}".`;
        q.source = add(q.source, source);
        break;
      }
      case 'user':
        q.identity = value;
        break;
      case 'error':
        q.errorCode = value;
        break;
      case 'id':
        q.resourceId = value;
        break;
      case 'change':
        q.changeId = value;
        break;
    }
  }
  return null;
}

export function parseFilter(input: string): ParsedFilter {
  const q: Mutable<FilterQuery> = {};
  const errors: string[] = [];
  const words: string[] = [];
  for (const match of input.matchAll(TOKEN)) {
    const [, name, op, value, quoted, bare] = match;
    if (name !== undefined && op !== undefined && value !== undefined) {
      const key = KEY_ALIASES[name.toLowerCase()];
      if (key === undefined) {
        errors.push(`Unknown filter "${name}${op}". Use ${FILTER_KEYS.join(', ')} — or put text in quotes to search for it.`);
        continue;
      }
      const error = applyKey(key, op, unquote(value), q);
      if (error !== null) errors.push(error);
    } else if (quoted !== undefined) {
      if (quoted !== '') words.push(quoted);
    } else if (bare !== undefined) {
      words.push(bare);
    }
  }
  if (q.statusMin !== undefined && q.statusMax !== undefined && q.statusMin > q.statusMax) errors.push('The status conditions exclude every code.');
  if (words.length > 0) q.text = words.join(' ');
  return { query: q, errors };
}
