/**
 * The Failures filter bar (screens.md Screen 4 "Filters"): time range, cycle, identity, status class, sender and
 * "unresolved only". Every control is a labelled native element, so it works from the keyboard and reads well.
 */

import { useCallback, useId } from 'react';
import { SearchField } from '../../components/search-field.js';
import { useApi } from '../../hooks/use-api.js';
import { formatDateTime } from '../../lib/format.js';
import { isFiltered, NO_FILTERS, RANGES, SENDERS, STATUS_CLASSES, type FailureFilters, type RangeKey, type SenderKey, type StatusClass } from './failure-filters.js';

const SENDER_TITLES: Readonly<Record<SenderKey, string>> = {
  all: 'Failures of every request, whoever sent it',
  entra: "Only failures of requests Entra sent: what Entra's provisioning logs will show",
  app: "Only failures of requests this monitor sent itself: Connect's simulated cycle and Live's Replay",
};

/** Three choices, one click each, so a rehearsal can be left out (or looked at alone) without opening a menu. */
function SenderSwitch({ value, onChange }: { value: SenderKey; onChange: (sender: SenderKey) => void }) {
  const id = useId();
  return (
    <div className="filter-item">
      <span className="field-label" id={id}>
        Sent by
      </span>
      <div className="segmented" role="group" aria-labelledby={id}>
        {(Object.keys(SENDERS) as SenderKey[]).map((key) => (
          <button key={key} type="button" className="button" aria-pressed={value === key} title={SENDER_TITLES[key]} onClick={() => onChange(key)}>
            {SENDERS[key]}
          </button>
        ))}
      </div>
    </div>
  );
}

export function FailureFilterBar({ filters, onChange }: { filters: FailureFilters; onChange: (next: FailureFilters) => void }) {
  const ids = useId();
  const cycles = useApi('cycles.list', { limit: 50 });
  const set = (patch: Partial<FailureFilters>) => onChange({ ...filters, ...patch });
  const onIdentity = useCallback((identity: string) => onChange({ ...filters, identity }), [filters, onChange]);
  const cycleOptions = cycles.data ?? [];
  const knownCycle = filters.cycle === null || cycleOptions.some((c) => c.id === filters.cycle);

  return (
    <div className="filter-row" role="group" aria-label="Filter failures">
      <div className="filter-item">
        <label className="field-label" htmlFor={`${ids}-range`}>
          Time range
        </label>
        <select id={`${ids}-range`} className="select" value={filters.range} onChange={(e) => set({ range: e.target.value as RangeKey })}>
          {Object.entries(RANGES).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-item">
        <label className="field-label" htmlFor={`${ids}-cycle`}>
          Cycle
        </label>
        <select id={`${ids}-cycle`} className="select" value={filters.cycle ?? ''} onChange={(e) => set({ cycle: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">All cycles</option>
          {!knownCycle && <option value={filters.cycle ?? ''}>#{filters.cycle}</option>}
          {cycleOptions.map((c) => (
            <option key={c.id} value={c.id}>
              #{c.id} · {c.kind} · {formatDateTime(c.started)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-item filter-grow">
        <span className="field-label" aria-hidden="true">
          Identity
        </span>
        <SearchField label="Identity (starts with)" value={filters.identity} onChange={onIdentity} placeholder="alice@contoso.com" />
      </div>
      <div className="filter-item">
        <label className="field-label" htmlFor={`${ids}-class`}>
          Status
        </label>
        <select id={`${ids}-class`} className="select" value={filters.statusClass} onChange={(e) => set({ statusClass: e.target.value as StatusClass })}>
          {Object.entries(STATUS_CLASSES).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <SenderSwitch value={filters.sender} onChange={(sender) => set({ sender })} />
      <label className="checkbox filter-check">
        <input type="checkbox" checked={filters.unresolved} onChange={(e) => set({ unresolved: e.target.checked })} />
        Unresolved only
      </label>
      <button type="button" className="button button-subtle filter-clear" disabled={!isFiltered(filters)} onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>
    </div>
  );
}
