/**
 * Request tab: the request line, the query with the SCIM filter spelled out, for PATCH the operations as a table
 * with notes on Entra's dialect quirks (the meaning first), then headers (Authorization stored masked) and the body.
 */

import type { ExchangeDetail } from '../../../shared/api/log-types.js';
import { JsonView } from '../../components/json-view.js';
import { KeyValueTable, Table } from '../../components/table.js';
import { patchOperations, type PatchRow } from './patch-ops.js';
import { queryPairs, readableFilter } from './scim-filter.js';
import { requestTarget } from './wire-text.js';

function FilterReadable({ filter }: { filter: string }) {
  return (
    <ol className="scim-filter" aria-label="SCIM filter, readable">
      {readableFilter(filter).map((clause, index) => (
        <li key={index}>
          {clause.joiner !== null && <span className="filter-joiner">{clause.joiner}</span>}
          <span className="mono strong">{clause.attribute}</span> {clause.operator !== '' && <span className="muted">{clause.operator}</span>}{' '}
          {clause.value !== null && <span className="mono">{clause.value}</span>}
        </li>
      ))}
    </ol>
  );
}

function PatchTable({ rows }: { rows: readonly PatchRow[] }) {
  return (
    <Table label="PATCH operations">
      <thead>
        <tr>
          <th>op</th>
          <th>path</th>
          <th>value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <td className="mono">{row.op}</td>
            <td className="mono wrap">{row.path ?? <span className="faint">(no path)</span>}</td>
            <td className="mono wrap">{row.value}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function DetailRequest({ detail }: { detail: ExchangeDetail }) {
  const pairs = queryPairs(detail.query);
  const filter = pairs.find(([name]) => name.toLowerCase() === 'filter')?.[1];
  const patch = detail.method.toUpperCase() === 'PATCH' ? patchOperations(detail.requestBody) : null;
  return (
    <div className="detail-stack">
      <p className="request-line mono wrap">
        <strong>{detail.method}</strong> {requestTarget(detail)}
      </p>
      {pairs.length > 0 && (
        <>
          <h3>Query</h3>
          <KeyValueTable label="Query parameters" rows={pairs} />
          {filter !== undefined && <FilterReadable filter={filter} />}
        </>
      )}
      {patch !== null && patch.rows.length > 0 && (
        <>
          <h3>PATCH operations</h3>
          <PatchTable rows={patch.rows} />
          {patch.notes.length > 0 && (
            <ul className="notes">
              {patch.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>Headers</h3>
      <KeyValueTable label="Request headers" rows={Object.entries(detail.requestHeaders)} />
      <h3>Body</h3>
      <JsonView text={detail.requestBody} label="Request body" />
    </div>
  );
}
