/**
 * One row per inferred cycle (screens.md Screen 3, "Cycle list"): number, kind, start, end, duration, counts by
 * action and status, identities touched (of the expected ones) and failures. The number links to the cycle's
 * detail; clicking anywhere on a row does the same. "Load older cycles" pages back with the keyset cursor.
 */

import type { CycleSummary } from '../../../shared/api/provisioning-types.js';
import { href, navigate } from '../../app/router.js';
import { Badge } from '../../components/badge.js';
import { CycleKindChip } from '../../components/cycle-kind-chip.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { Table } from '../../components/table.js';
import { formatCount, formatDateTime, formatDuration } from '../../lib/format.js';
import { formatHms } from '../../lib/series.js';
import { ActionCounts } from './cycle-counts.js';
import type { CycleList } from './use-cycle-list.js';

const sameDay = (a: number, b: number): boolean => new Date(a).toDateString() === new Date(b).toDateString();

/** Today's cycles need only the time; older ones carry the date. */
const startText = (cycle: CycleSummary): string => (sameDay(cycle.started, Date.now()) ? formatHms(cycle.started) : formatDateTime(cycle.started));

/** Same day as the start: the time is enough. */
const endText = (cycle: CycleSummary): string => (sameDay(cycle.ended, cycle.started) ? formatHms(cycle.ended) : formatDateTime(cycle.ended));

/** A status count in its colour when there is something to count. */
function Count({ n, tone }: { n: number; tone: 'success' | 'danger' | 'neutral' }) {
  return <td className={`nowrap num${n === 0 ? ' faint' : tone === 'neutral' ? '' : ` text-${tone} strong`}`}>{formatCount(n)}</td>;
}

function Row({ cycle }: { cycle: CycleSummary }) {
  const link = href('cycles', [cycle.id]);
  return (
    <tr className={`cycle-row${cycle.open ? ' is-running' : ''}`} data-cycle-id={cycle.id} onClick={(e) => (e.target as HTMLElement).closest('a') === null && navigate(link)}>
      <td className="nowrap">
        <a href={link} className="strong" aria-label={`Cycle ${cycle.id}, ${cycle.kind}`}>
          #{cycle.id}
        </a>
      </td>
      <td>
        <CycleKindChip kind={cycle.kind} />
      </td>
      <td className="nowrap" title={new Date(cycle.started).toISOString()}>
        {startText(cycle)}
      </td>
      <td className="nowrap">{cycle.open ? <Badge tone="info">Running</Badge> : endText(cycle)}</td>
      <td className="nowrap num">{cycle.durationMs < 1 ? <span className="muted">instant</span> : formatDuration(cycle.durationMs)}</td>
      <td>
        <ActionCounts cycle={cycle} />
      </td>
      <Count n={cycle.outcomes.success} tone="success" />
      <Count n={cycle.outcomes.failure} tone="danger" />
      <Count n={cycle.outcomes.skipped} tone="neutral" />
      <td className="nowrap num">{formatCount(cycle.identities)}</td>
    </tr>
  );
}

export function CycleListTable({ list, expected }: { list: CycleList; expected: number }) {
  return (
    <>
      {list.error !== undefined && <ErrorBanner error={list.error} onRetry={list.reload} compact />}
      <Table label="Inferred cycles, newest first" className="cycle-table">
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">Kind</th>
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col">Actions</th>
            <th scope="col" className="num" title="Requests Entra will record as Success">
              Success
            </th>
            <th scope="col" className="num" title="Requests Entra will record as Failure">
              Failure
            </th>
            <th scope="col" className="num" title="Requests Entra will record as Skipped">
              Skipped
            </th>
            <th scope="col" className="num" title="Users and groups Entra matched or wrote in the cycle">
              Identities
            </th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((cycle) => (
            <Row key={cycle.id} cycle={cycle} />
          ))}
        </tbody>
      </Table>
      <div className="list-foot">
        <span className="muted small">
          {formatCount(list.rows.length)} {list.rows.length === 1 ? 'cycle' : 'cycles'} shown
          {expected > 0 ? `; ${formatCount(expected)} identities expected (Connect)` : ''}. Identities counts the users and groups Entra matched or wrote in a cycle.
        </span>
        {list.hasMore && (
          <button type="button" className="button button-secondary" onClick={list.loadOlder} disabled={list.loadingOlder}>
            {list.loadingOlder ? 'Loading…' : 'Load older cycles'}
          </button>
        )}
      </div>
    </>
  );
}
