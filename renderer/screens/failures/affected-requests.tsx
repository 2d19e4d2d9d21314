/**
 * The requests of one failure group, newest first, each linking to Live (screens.md Screen 4 "The affected
 * requests, each linking to Live").
 *
 * logs.list has no signature filter, so the group is found by what its signature is made of and the log can
 * filter on: operation, HTTP status, error code and entity (from the sample request), plus scimType here. Two
 * groups that differ only in their detail template therefore share this list; the count in the header says so.
 */

import type { ExchangeDetail, LogRow } from '../../../shared/api/log-types.js';
import type { FailureGroup } from '../../../shared/api/provisioning-types.js';
import { href } from '../../app/router.js';
import { HttpStatusBadge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { SourceChip } from '../../components/source-chip.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { Table } from '../../components/table.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { formatCount, formatDateTime, formatDuration, isoUtc } from '../../lib/format.js';
import { operationLabel } from '../../lib/labels.js';
import { rangeBounds, senderQuery, type FailureFilters } from './failure-filters.js';

const LIMIT = 200;

export function AffectedRequests({ group, sample, filters }: { group: FailureGroup; sample: ExchangeDetail | undefined; filters: FailureFilters }) {
  const input = {
    outcome: ['Failure' as const],
    operation: [group.operation],
    statusMin: group.httpStatus,
    statusMax: group.httpStatus,
    errorCode: group.errorCode,
    ...(sample === undefined ? {} : { entity: [sample.entity] }),
    ...rangeBounds(filters.range, Date.now()),
    ...(filters.cycle === null ? {} : { cycleId: filters.cycle }),
    ...(filters.identity.trim() === '' ? {} : { identity: filters.identity.trim() }),
    ...senderQuery(filters.sender),
    limit: LIMIT,
  };
  const list = useApi('logs.list', input, [group.signature, sample?.entity, JSON.stringify(filters)], { skip: sample === undefined });
  useRefreshOn(['request-logged'], list.refetch, 2_500);
  const rows: LogRow[] = (list.data?.rows ?? []).filter((row) => row.scimType === group.scimType);
  const more = list.data?.nextBefore != null;

  return (
    <Card
      id="affected"
      title="Affected requests"
      subtitle="Newest first. Open one in Live for its headers, bodies and the raw exchange."
      aside={list.data !== undefined && <span className="chip">{`${formatCount(rows.length)}${more ? '+' : ''} shown`}</span>}
    >
      {list.error !== undefined && <ErrorBanner error={list.error} onRetry={() => void list.refetch()} compact />}
      {list.data === undefined ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No requests of this group are in the log any more (retention may have pruned them).</p>
      ) : (
        <Table label="Affected requests" className="affected-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Operation</th>
              <th scope="col">Identity</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col">Cycle</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-request-id={row.id}>
                <td className="nowrap">
                  <time dateTime={isoUtc(row.ts)} title={isoUtc(row.ts)}>
                    {formatDateTime(row.ts)}
                  </time>
                </td>
                <td>
                  <span className="affected-op">
                    {operationLabel(row)}
                    <SourceChip source={row.source} />
                  </span>
                </td>
                <td className="cell-identity">
                  {row.identity === null ? (
                    <span className="faint">—</span>
                  ) : (
                    <a href={href('directory', [row.identity])} className="truncate" title={row.identity}>
                      {row.identity}
                    </a>
                  )}
                </td>
                <td>
                  <HttpStatusBadge status={row.status} />
                </td>
                <td className="num">{formatDuration(row.durationMs)}</td>
                <td>{row.cycleId === null ? <span className="faint">—</span> : <span className="chip">#{row.cycleId}</span>}</td>
                <td className="nowrap">
                  <a href={href('live', [row.id])} aria-label={`Open request ${row.id} in Live`}>
                    Open in Live →
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more && <p className="muted small">Showing the newest {LIMIT}; filter by identity or cycle to see others.</p>}
    </Card>
  );
}
