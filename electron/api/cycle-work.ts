/**
 * `cycles.list { workFrom }`: of the cycles a page looks at, the ones in which the given senders did provisioning
 * work, i.e. sent more than Test Connection probes and schema reads. Connect's checklist asks for Entra's
 * (`['entra']`): cycles are inferred from all traffic, so a simulated run, or Entra's Test Connection probe landing
 * inside one, must not tick "Provisioning Status On".
 *
 * Each candidate is one probe of the (cycle_id, ts) index that stops at the first matching row; Entra's own cycles
 * match on their first rows, and only a cycle made entirely by the app is read to its end.
 */

import type { LogSource } from '../../shared/api/log-types.js';
import type { CycleRow } from '../db/cycles-repo.js';
import type { Db } from '../db/open.js';
import { sourceTerm } from './log-source.js';

type Exists = (cycleId: number) => boolean;

export function cycleWorkFilter(db: Db): (rows: readonly CycleRow[], sources: readonly LogSource[]) => CycleRow[] {
  const statements = new Map<string, Exists>();
  const existsFor = (sources: readonly LogSource[]): Exists => {
    const term = sourceTerm(sources);
    const key = term?.sql ?? '';
    let exists = statements.get(key);
    if (!exists) {
      const statement = db.prepare<unknown[], { one: number }>(
        `SELECT 1 AS one FROM requests r INDEXED BY requests_cycle
         WHERE r.cycle_id = ? AND r.operation NOT IN ('test-connection', 'discovery') ${term ? `AND ${term.sql}` : ''} LIMIT 1`,
      );
      const params = term?.params ?? [];
      exists = (cycleId) => statement.get(cycleId, ...params) !== undefined;
      statements.set(key, exists);
    }
    return exists;
  };
  return (rows, sources) => {
    const exists = existsFor(sources);
    // The counters rule out probe-only cycles without reading the log.
    return rows.filter((row) => row.requests > row.probes && exists(row.id));
  };
}
