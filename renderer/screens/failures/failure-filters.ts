/**
 * The Failures screen's filters, kept in the address (`#/failures?range=24h&class=auth&unresolved=1`) so a filtered
 * view is a link: parsing, the MonitorApi query they become, and the plain-language echo.
 *
 * `failures.groups` filters by time, cycle, identity, sender and resolution; the status classes (4xx, 5xx, auth) are
 * applied here, on the groups' HTTP status, because the API has no status filter (a few dozen groups, so it costs
 * nothing).
 */

import type { LogSource } from '../../../shared/api/log-types.js';
import type { FailureGroup } from '../../../shared/api/provisioning-types.js';
import type { MethodInput } from '../../../shared/api/contract.js';

export const RANGES = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', all: 'All time' } as const;
export type RangeKey = keyof typeof RANGES;
const RANGE_MS: Readonly<Record<RangeKey, number | null>> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, all: null };

export const STATUS_CLASSES = { '': 'All statuses', '4xx': '4xx (request refused)', '5xx': '5xx (server error)', auth: 'Auth (401, 403)' } as const;
export type StatusClass = keyof typeof STATUS_CLASSES;

/**
 * Who sent the failed requests: after a rehearsal (Connect's simulated cycle, Live's Replay) an admin reports Entra's
 * failures without the app's, or looks at the rehearsal alone.
 */
export const SENDERS = { all: 'All', entra: 'Entra', app: 'App' } as const;
export type SenderKey = keyof typeof SENDERS;
const SENDER_SOURCES: Readonly<Record<SenderKey, readonly LogSource[] | null>> = { all: null, entra: ['entra'], app: ['simulator', 'replay'] };
const SENDER_TEXT: Readonly<Record<SenderKey, string>> = { all: '', entra: 'sent by Entra', app: 'sent by the app (simulator, Replay)' };

export interface FailureFilters {
  readonly range: RangeKey;
  readonly cycle: number | null;
  readonly identity: string;
  readonly unresolved: boolean;
  readonly statusClass: StatusClass;
  readonly sender: SenderKey;
}

export const NO_FILTERS: FailureFilters = { range: 'all', cycle: null, identity: '', unresolved: false, statusClass: '', sender: 'all' };

// Own keys only: `in` would also accept `?sender=constructor` (Object.prototype) from a hand-edited address.
const isRange = (v: string | undefined): v is RangeKey => v !== undefined && Object.hasOwn(RANGES, v);
const isClass = (v: string | undefined): v is StatusClass => v !== undefined && Object.hasOwn(STATUS_CLASSES, v);
const isSender = (v: string | undefined): v is SenderKey => v !== undefined && Object.hasOwn(SENDERS, v);

export function filtersFromQuery(query: Readonly<Record<string, string>>): FailureFilters {
  const cycle = Number(query.cycle);
  return {
    range: isRange(query.range) ? query.range : NO_FILTERS.range,
    cycle: Number.isInteger(cycle) && cycle > 0 ? cycle : null,
    identity: (query.identity ?? '').slice(0, 500),
    unresolved: query.unresolved === '1',
    statusClass: isClass(query.class) ? query.class : '',
    sender: isSender(query.sender) ? query.sender : NO_FILTERS.sender,
  };
}

/** Only what differs from the defaults, so the plain list stays `#/failures`. */
export function filtersToQuery(f: FailureFilters): Record<string, string> {
  return {
    ...(f.range === NO_FILTERS.range ? {} : { range: f.range }),
    ...(f.cycle === null ? {} : { cycle: String(f.cycle) }),
    ...(f.identity === '' ? {} : { identity: f.identity }),
    ...(f.unresolved ? { unresolved: '1' } : {}),
    ...(f.statusClass === '' ? {} : { class: f.statusClass }),
    ...(f.sender === NO_FILTERS.sender ? {} : { sender: f.sender }),
  };
}

export const isFiltered = (f: FailureFilters): boolean => Object.keys(filtersToQuery(f)).length > 0;

/** The time bounds of a range, as of `now`. */
export function rangeBounds(range: RangeKey, now: number): { from?: number } {
  const span = RANGE_MS[range];
  return span === null ? {} : { from: now - span };
}

/** The sender as MonitorApi's `source` filter (failures.groups, logs.list, exports.start); nothing for all. */
export function senderQuery(sender: SenderKey): { source?: LogSource[] } {
  const sources = SENDER_SOURCES[sender];
  return sources === null ? {} : { source: [...sources] };
}

export function failureQuery(f: FailureFilters, now: number): NonNullable<MethodInput<'failures.groups'>> {
  return {
    ...rangeBounds(f.range, now),
    ...(f.cycle === null ? {} : { cycleId: f.cycle }),
    ...(f.identity.trim() === '' ? {} : { identity: f.identity.trim() }),
    ...(f.unresolved ? { unresolvedOnly: true } : {}),
    ...senderQuery(f.sender),
  };
}

export function inStatusClass(status: number, cls: StatusClass): boolean {
  if (cls === '4xx') return status >= 400 && status < 500;
  if (cls === '5xx') return status >= 500;
  if (cls === 'auth') return status === 401 || status === 403;
  return true;
}

/** The status class as a log-query range (auth is 401–403: 402 is never answered). */
export function inStatusClassRange(cls: StatusClass): { statusMin?: number; statusMax?: number } {
  if (cls === '4xx') return { statusMin: 400, statusMax: 499 };
  if (cls === '5xx') return { statusMin: 500, statusMax: 599 };
  if (cls === 'auth') return { statusMin: 401, statusMax: 403 };
  return {};
}

export const applyStatusClass = (groups: readonly FailureGroup[], cls: StatusClass): FailureGroup[] => groups.filter((g) => inStatusClass(g.httpStatus, cls));

/** "Unresolved auth failures for alice… in cycle #3, last 24 hours": the filters in words, for empty states and the export. */
export function describeFilters(f: FailureFilters): string {
  const what = [f.unresolved ? 'Unresolved' : '', f.statusClass === '' ? '' : f.statusClass === 'auth' ? 'auth' : f.statusClass, 'failures'].filter((s) => s !== '').join(' ');
  const parts = [what.charAt(0).toUpperCase() + what.slice(1)];
  if (f.identity !== '') parts.push(`for ${f.identity}…`);
  if (f.cycle !== null) parts.push(`in cycle #${f.cycle}`);
  if (f.sender !== 'all') parts.push(SENDER_TEXT[f.sender]);
  const text = parts.join(' ');
  return f.range === 'all' ? text : `${text}, ${RANGES[f.range].toLowerCase()}`;
}

/** The filters an export applies, in words ("cycle #3, identity alice…, auth (401–403)"), or "none". */
export function describeExportFilters(f: FailureFilters): string {
  const parts = [
    f.range === 'all' ? '' : RANGES[f.range].toLowerCase(),
    f.cycle === null ? '' : `cycle #${f.cycle}`,
    f.identity === '' ? '' : `identity ${f.identity}…`,
    f.statusClass === '' ? '' : STATUS_CLASSES[f.statusClass],
    SENDER_TEXT[f.sender],
  ].filter((s) => s !== '');
  return parts.length === 0 ? 'none (everything logged)' : parts.join(', ');
}
