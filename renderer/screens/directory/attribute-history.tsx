/**
 * Attribute history: for each attribute, its current value and every change (old → new) with the request that
 * made it, like Entra's Modified Properties tab but across the identity's whole life. Values are SCIM text.
 */

import type { IdentityTimeline } from '../../../shared/api/admin-types.js';
import type { LogRow } from '../../../shared/api/log-types.js';
import { href } from '../../app/router.js';
import { Table } from '../../components/table.js';
import { formatDateTime, isoUtc } from '../../lib/format.js';
import { operationLabel } from '../../lib/labels.js';

const Value = ({ value }: { value: string | null }) => (value === null ? <span className="faint">(none)</span> : <span className="mono wrap">{value}</span>);

export function AttributeHistory({ history, events }: { history: IdentityTimeline['attributeHistory']; events: readonly LogRow[] }) {
  if (history.length === 0) return <p className="muted">No attribute has been set on this identity by a logged request.</p>;
  const byId = new Map(events.map((e) => [e.id, e]));
  return (
    <Table label="Attribute history" className="history-table">
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Current value</th>
          <th scope="col">Changes, oldest first</th>
        </tr>
      </thead>
      <tbody>
        {history.map(({ attribute, changes }) => {
          const latest = changes.at(-1);
          return (
            <tr key={attribute} data-attribute={attribute}>
              <th scope="row" className="mono cell-attr">
                {attribute}
              </th>
              <td className="cell-value">
                <Value value={latest?.newValue ?? null} />
              </td>
              <td>
                <ol className="changes">
                  {changes.map((change, i) => {
                    const row = byId.get(change.requestId);
                    return (
                      <li key={`${change.requestId}-${i}`} className="change">
                        <time className="small muted nowrap" dateTime={isoUtc(change.ts)} title={isoUtc(change.ts)}>
                          {formatDateTime(change.ts)}
                        </time>
                        <span className="change-values">
                          <span className="old-value"><Value value={change.oldValue} /></span>
                          <span className="change-arrow" aria-label="changed to">→</span>
                          <span className="new-value"><Value value={change.newValue} /></span>
                        </span>
                        <a className="small nowrap" href={href('live', [change.requestId])}>
                          {row === undefined ? `Request #${change.requestId}` : operationLabel(row)}
                        </a>
                      </li>
                    );
                  })}
                </ol>
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
