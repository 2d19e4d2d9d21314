/**
 * The Failures filter bar (screens.md Screen 4 "Filters"): time range, cycle, identity, status class and
 * "unresolved only". Every control is a labelled native element, so it works from the keyboard and reads well.
 */

import { useCallback, useId } from 'react';
import { SearchField } from '../../components/search-field.js';
import { useApi } from '../../hooks/use-api.js';
import { formatDateTime } from '../../lib/format.js';
import { isFiltered, NO_FILTERS, RANGES, STATUS_CLASSES, type FailureFilters, type RangeKey, type StatusClass } from './failure-filters.js';

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
