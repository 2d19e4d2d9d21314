/**
 * Says in plain language what a filter shows ("PATCH disables for alice… that failed"), so the admin can check
 * that the tokens mean what they meant (HTTP Toolkit describes each tag the same way).
 */

import type { LogSource } from '../../../shared/api/log-types.js';
import type { EntraStatus } from '../../../shared/domain/operation.js';
import { OPERATION_PHRASE } from '../../lib/labels.js';
import type { FilterQuery } from './filter-parse.js';

const OUTCOME_PHRASE: Readonly<Record<EntraStatus, string>> = { Failure: 'failed', Success: 'succeeded', Skipped: 'were skipped', Warning: 'ended with a warning' };

const SOURCE_PHRASE: Readonly<Record<LogSource, string>> = { entra: 'Entra', simulator: 'the simulator', replay: 'Replay' };

const either = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

function statusPhrase(min: number | undefined, max: number | undefined): string | null {
  if (min === undefined && max === undefined) return null;
  if (min !== undefined && max !== undefined) {
    if (min === max) return `answered ${min}`;
    if (min % 100 === 0 && max === min + 99) return `answered ${min / 100}xx`;
    return `answered ${min}–${max}`;
  }
  return min !== undefined ? `answered ${min} or above` : `answered ${max} or below`;
}

export function describeFilter(q: FilterQuery): string {
  const methods = q.method?.length ? either(q.method) + ' ' : '';
  const subject = q.operation?.length ? either(q.operation.map((op) => OPERATION_PHRASE[op])) : 'requests';
  const head = (methods + subject).replace(/^\w/, (c) => c.toUpperCase());
  const parts: string[] = [head];
  if (q.entity?.length) parts.push(`about ${either(q.entity.map((e) => e.toLowerCase() + 's'))}`);
  if (q.identity !== undefined) parts.push(`for ${q.identity}…`);
  if (q.resourceId !== undefined) parts.push(`for resource id ${q.resourceId}`);
  if (q.cycleId !== undefined) parts.push(`in cycle #${q.cycleId}`);
  if (q.action?.length) parts.push(`with Entra action ${either(q.action)}`);
  const status = statusPhrase(q.statusMin, q.statusMax);
  if (status !== null) parts.push(status);
  if (q.errorCode !== undefined) parts.push(`recorded as ${q.errorCode}`);
  if (q.changeId !== undefined) parts.push(`with change ID ${q.changeId}`);
  if (q.faultOnly) parts.push('answered by a fault-injection rule');
  if (q.replayOnly) parts.push('re-sent with Replay');
  if (q.source?.length) parts.push(`sent by ${either(q.source.map((s) => SOURCE_PHRASE[s]))}`);
  if (q.text !== undefined) parts.push(`mentioning “${q.text}”`);
  if (q.outcome?.length) parts.push(`that ${either(q.outcome.map((o) => OUTCOME_PHRASE[o]))}`);
  return parts.length === 1 && subject === 'requests' && methods === '' ? 'All requests, newest first' : parts.join(' ');
}
