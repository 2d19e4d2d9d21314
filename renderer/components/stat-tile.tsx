/**
 * One counter with its label and a line of context ("Consecutive failed cycles · 0 · like Graph's
 * countSuccessiveCompleteFailures"). Fixed height, so a value changing from "—" to a number moves nothing.
 */

import type { ReactNode } from 'react';
import type { Tone } from './badge.js';

export function StatTile({ label, value, detail, tone, children }: { label: string; value: ReactNode; detail?: ReactNode; tone?: Tone; children?: ReactNode }) {
  return (
    <div className={`stat-tile${tone === undefined ? '' : ` stat-${tone}`}`} role="group" aria-label={label}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {children}
      {detail !== undefined && <div className="stat-detail">{detail}</div>}
    </div>
  );
}
