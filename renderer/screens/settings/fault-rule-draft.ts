/**
 * A fault rule as the Settings form edits it (all text), and back. The form only checks that numbers are numbers;
 * everything else is judged by the monitor (electron/faults/rules.ts), whose refusal names the rule and field
 * (`rules[2] ("x").respond.status must be …`): `fieldOfFaultError` puts that message next to the field it names.
 */

import type { FaultRuleSpec } from '../../../shared/api/fault-types.js';
import type { Operation } from '../../../shared/domain/operation.js';

export interface FaultDraft {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly operation: string;
  readonly identity: string;
  readonly probability: string;
  readonly count: string;
  /** Answer with an error; off means "latency only". */
  readonly respond: boolean;
  readonly status: string;
  readonly retryAfter: string;
  readonly scimType: string;
  readonly detail: string;
  readonly latencyMs: string;
}

export type DraftField = Exclude<keyof FaultDraft, 'respond'>;
/** Errors by field; `form` is one that names no field (e.g. a rule that does nothing). */
export type DraftErrors = Partial<Record<DraftField | 'form', string>>;

export const EMPTY_DRAFT: FaultDraft = {
  name: '',
  method: '',
  path: '',
  operation: '',
  identity: '',
  probability: '',
  count: '',
  respond: true,
  status: '500',
  retryAfter: '',
  scimType: '',
  detail: '',
  latencyMs: '',
};

const text = (value: number | string | undefined): string => (value === undefined ? '' : String(value));

export function draftOf(rule: FaultRuleSpec): FaultDraft {
  return {
    name: rule.name,
    method: text(rule.match.method),
    path: text(rule.match.path),
    operation: text(rule.match.operation),
    identity: text(rule.match.identity),
    probability: text(rule.probability),
    count: text(rule.count),
    respond: rule.respond !== undefined,
    status: text(rule.respond?.status ?? 500),
    retryAfter: text(rule.respond?.retryAfter),
    scimType: text(rule.respond?.scimType),
    detail: text(rule.respond?.detail),
    latencyMs: text(rule.latencyMs),
  };
}

const NUMBER_FIELDS = ['probability', 'count', 'status', 'retryAfter', 'latencyMs'] as const;

/** The rule the draft describes, or the fields that are not numbers. Empty fields are left out. */
export function ruleOf(draft: FaultDraft): { ok: true; rule: FaultRuleSpec } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {};
  for (const field of NUMBER_FIELDS) {
    const raw = draft[field].trim();
    if (raw === '' || (!draft.respond && (field === 'status' || field === 'retryAfter'))) continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) errors[field] = 'Enter a number.';
    else numbers[field] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const match = {
    ...(optional(draft.method) === undefined ? {} : { method: draft.method.trim() }),
    ...(optional(draft.path) === undefined ? {} : { path: draft.path.trim() }),
    ...(optional(draft.operation) === undefined ? {} : { operation: draft.operation.trim() as Operation }),
    ...(optional(draft.identity) === undefined ? {} : { identity: draft.identity.trim() }),
  };
  const respond = draft.respond
    ? {
        status: numbers.status ?? Number.NaN,
        ...(numbers.retryAfter === undefined ? {} : { retryAfter: numbers.retryAfter }),
        ...(optional(draft.scimType) === undefined ? {} : { scimType: draft.scimType.trim() }),
        ...(optional(draft.detail) === undefined ? {} : { detail: draft.detail.trim() }),
      }
    : undefined;
  if (respond !== undefined && Number.isNaN(respond.status)) return { ok: false, errors: { status: 'Enter an HTTP status from 400 to 599.' } };
  return {
    ok: true,
    rule: {
      name: draft.name.trim(),
      match,
      ...(numbers.probability === undefined ? {} : { probability: numbers.probability }),
      ...(numbers.count === undefined ? {} : { count: numbers.count }),
      ...(respond === undefined ? {} : { respond }),
      ...(numbers.latencyMs === undefined ? {} : { latencyMs: numbers.latencyMs }),
    },
  };
}

const PATH_FIELDS: Readonly<Record<string, DraftField>> = {
  name: 'name',
  'match.method': 'method',
  'match.path': 'path',
  'match.operation': 'operation',
  'match.identity': 'identity',
  probability: 'probability',
  count: 'count',
  latencyMs: 'latencyMs',
  'respond.status': 'status',
  'respond.retryAfter': 'retryAfter',
  'respond.scimType': 'scimType',
  'respond.detail': 'detail',
};

/**
 * Where a refusal of `faults.set` belongs in the form editing rule `index`: `rules[i] ("name").respond.status …`
 * names the rule and field; a duplicate name is the name field's; anything else about this rule is form-level.
 * Null when the message is about another rule (then it is shown above the list).
 */
export function fieldOfFaultError(message: string, index: number): DraftField | 'form' | null {
  if (/^Two rules are named /.test(message)) return 'name';
  const found = /^rules\[(\d+)\](?: \(".*?"\))?(?:\.([A-Za-z.]+))?/.exec(message);
  if (found === null) return 'form';
  if (Number(found[1]) !== index) return null;
  return PATH_FIELDS[found[2] ?? ''] ?? 'form';
}

/** The monitor's message without the rule and field it names, for showing next to that field: "Must be …". */
export function fieldMessage(message: string): string {
  const rest = message.replace(/^rules\[\d+\](?: \(".*?"\))?\.[A-Za-z.]+:? /, '');
  return rest === message ? message : rest.charAt(0).toUpperCase() + rest.slice(1);
}
