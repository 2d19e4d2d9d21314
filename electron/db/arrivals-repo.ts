/**
 * SQL for attribute arrivals: when each attribute last arrived in a write, for the coverage view.
 */

import type { Db } from './open.js';

export interface ArrivalRow {
  readonly attribute: string;
  readonly first_seen: number;
  readonly last_seen: number;
  readonly arrivals: number;
}

export interface ArrivalsRepo {
  record(attribute: string, ts: number): void;
  all(): ArrivalRow[];
}

export function arrivalsRepo(db: Db): ArrivalsRepo {
  const record = db.prepare(
    `INSERT INTO attribute_arrivals (attribute, first_seen, last_seen, arrivals) VALUES (?, ?, ?, 1)
     ON CONFLICT (attribute) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen), arrivals = arrivals + 1`,
  );
  const all = db.prepare<[], ArrivalRow>('SELECT * FROM attribute_arrivals ORDER BY attribute');
  return {
    record: (attribute, ts) => void record.run(attribute, ts, ts),
    all: () => all.all(),
  };
}
