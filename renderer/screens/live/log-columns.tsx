/**
 * The Live table's columns (screens.md Screen 2): Time, Method, Path (templated), Operation (with a chip when the
 * monitor itself sent the request), Identity, Status (HTTP + Entra status), Duration, Cycle. Cells are plain text:
 * identities come from SCIM bodies.
 */

import type { LogRow } from '../../../shared/api/log-types.js';
import { HttpStatusBadge, MethodBadge, OutcomeBadge } from '../../components/badge.js';
import { SourceChip } from '../../components/source-chip.js';
import type { Column } from '../../components/virtual-table.js';
import { formatClock, formatDuration, isoUtc } from '../../lib/format.js';
import { operationLabel, templatePath } from '../../lib/labels.js';

export const LOG_COLUMNS: readonly Column<LogRow>[] = [
  { key: 'time', header: 'Time', width: '100px', className: 'mono col-time', render: (r) => <time dateTime={isoUtc(r.ts)} title={isoUtc(r.ts)}>{formatClock(r.ts)}</time> },
  { key: 'method', header: 'Method', width: '64px', className: 'col-method', render: (r) => <MethodBadge method={r.method} /> },
  {
    key: 'path',
    header: 'Path',
    width: 'minmax(110px, 1fr)',
    className: 'mono col-path',
    render: (r) => (
      <span className="truncate" title={r.query === '' ? r.path : `${r.path}?${r.query}`}>
        {templatePath(r.path)}
        {r.query !== '' && <span className="faint">?…</span>}
      </span>
    ),
  },
  {
    key: 'operation',
    header: 'Operation',
    width: 'minmax(124px, 1fr)',
    className: 'col-op',
    render: (r) => (
      <>
        <span className="truncate" title={r.replayOf === null ? undefined : `Replay of #${r.replayOf}`}>
          {r.replayOf !== null && <span className="visually-hidden">Replay of #{r.replayOf}: </span>}
          {operationLabel(r)}
        </span>
        {/* The monitor's own requests (simulator, Replay's ↻) are marked, so they are never mistaken for Entra's
            traffic; outside the truncated label, so a long operation name never hides the mark. */}
        <SourceChip source={r.source} />
      </>
    ),
  },
  {
    key: 'identity',
    header: 'Identity',
    width: 'minmax(130px, 1.4fr)',
    className: 'col-identity',
    render: (r) =>
      r.identity === null ? (
        <span className="faint">—</span>
      ) : r.operation === 'test-connection' ? (
        // Entra's probe asks for a random GUID that cannot exist; it is not a real identity.
        <span className="truncate faint" title={`Random probe value ${r.identity}`}>
          {r.identity}
        </span>
      ) : (
        <span className="truncate" title={r.identity}>
          {r.identity}
        </span>
      ),
  },
  {
    key: 'status',
    header: 'Status',
    width: '128px',
    className: 'col-status',
    render: (r) => (
      <span className="status-pair">
        <HttpStatusBadge status={r.status} />
        <OutcomeBadge outcome={r.outcome} />
      </span>
    ),
  },
  { key: 'duration', header: 'Duration', width: '72px', className: 'num col-duration', render: (r) => formatDuration(r.durationMs) },
  {
    key: 'cycle',
    header: 'Cycle',
    width: '56px',
    className: 'col-cycle',
    render: (r) => (r.cycleId === null ? <span className="faint">—</span> : <span className="chip">#{r.cycleId}</span>),
  },
];

/**
 * Rows are sorted newest first, and ids almost always follow time, so a binary search by id usually finds a row;
 * a request that took long to answer can be logged out of id order, hence the linear fallback.
 */
export function indexOfId(rows: readonly LogRow[], id: number): number {
  const found = binarySearch(rows, id);
  return found >= 0 ? found : rows.findIndex((row) => row.id === id);
}

function binarySearch(rows: readonly LogRow[], id: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows[mid]?.id ?? 0;
    if (at === id) return mid;
    if (at > id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
