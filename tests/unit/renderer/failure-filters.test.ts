/**
 * The Failures screen's "Sent by" filter: kept in the address, turned into MonitorApi's `source` for the groups and
 * for the export the screen starts, and said in words.
 */

import { describe, expect, it } from 'vitest';
import { exportQuery } from '../../../renderer/screens/failures/export-api.js';
import { describeExportFilters, describeFilters, failureQuery, filtersFromQuery, filtersToQuery, NO_FILTERS } from '../../../renderer/screens/failures/failure-filters.js';

const NOW = Date.UTC(2025, 5, 1);

describe('the Sent by filter', () => {
  it('round-trips through the address, leaving the default out', () => {
    expect(filtersFromQuery({}).sender).toBe('all');
    expect(filtersFromQuery({ sender: 'nobody' }).sender).toBe('all');
    expect(filtersFromQuery({ sender: 'constructor', range: 'toString', class: '__proto__' })).toEqual(NO_FILTERS);
    for (const sender of ['entra', 'app'] as const) {
      const filters = { ...NO_FILTERS, sender };
      expect(filtersToQuery(filters)).toEqual({ sender });
      expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
    }
    expect(filtersToQuery(NO_FILTERS)).toEqual({});
  });

  it('becomes the source filter of failures.groups and of the export', () => {
    expect(failureQuery(NO_FILTERS, NOW)).toEqual({});
    expect(failureQuery({ ...NO_FILTERS, sender: 'entra' }, NOW)).toEqual({ source: ['entra'] });
    expect(failureQuery({ ...NO_FILTERS, sender: 'app', cycle: 3 }, NOW)).toEqual({ cycleId: 3, source: ['simulator', 'replay'] });
    expect(exportQuery({ ...NO_FILTERS, sender: 'entra' }, true, NOW)).toEqual({ source: ['entra'], outcome: ['Failure'] });
    expect(exportQuery(NO_FILTERS, false, NOW)).toEqual({});
  });

  it('is said in words in the empty state and the export panel', () => {
    expect(describeFilters({ ...NO_FILTERS, sender: 'entra', range: '24h' })).toBe('Failures sent by Entra, last 24 hours');
    expect(describeFilters({ ...NO_FILTERS, sender: 'app', identity: 'al' })).toBe('Failures for al… sent by the app (simulator, Replay)');
    expect(describeExportFilters({ ...NO_FILTERS, sender: 'entra', cycle: 2 })).toBe('cycle #2, sent by Entra');
    expect(describeExportFilters(NO_FILTERS)).toBe('none (everything logged)');
  });
});
