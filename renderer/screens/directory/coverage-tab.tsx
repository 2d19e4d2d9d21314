/**
 * Attribute coverage: each row of the Britive mapping (Entra's attribute-mapping blade, in its own words), whether
 * Entra has ever sent it, when last, and how many users or groups hold a value now; then what Entra sent that the
 * mapping does not list. A mapping that never arrives is usually empty in the source or not mapped in Entra.
 */

import type { CoverageRow } from '../../../shared/api/provisioning-types.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ICONS } from '../../components/icons.js';
import { RelativeTime } from '../../components/relative-time.js';
import { Table } from '../../components/table.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { formatCount } from '../../lib/format.js';

function Arrived({ arrived }: { arrived: boolean }) {
  return arrived ? (
    <span className="arrived arrived-yes">
      {ICONS.check}
      <span>Arrived</span>
    </span>
  ) : (
    <span className="arrived arrived-no">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">Not yet</span>
    </span>
  );
}

function CoverageTable({ label, rows, holders }: { label: string; rows: readonly CoverageRow[]; holders: string }) {
  return (
    <Table label={label} className="coverage-table">
      <thead>
        <tr>
          <th scope="col">Target attribute</th>
          <th scope="col">Arrived</th>
          <th scope="col">Last seen</th>
          <th scope="col" className="num">
            {holders}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.entity}:${row.attribute}`} data-attribute={row.attribute} data-arrived={row.arrived} className={row.arrived ? '' : 'is-missing'}>
            <td className="mono wrap cell-attr">{row.attribute}</td>
            <td>
              <Arrived arrived={row.arrived} />
            </td>
            <td className="nowrap">
              <RelativeTime ts={row.lastSeen} fallback="Never" />
            </td>
            <td className="num">{formatCount(row.holders)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function CoverageTab() {
  const coverage = useApi('coverage.get', undefined);
  useRefreshOn(['request-logged'], coverage.refetch, 3_000);
  if (coverage.error !== undefined && coverage.data === undefined) return <ErrorBanner error={coverage.error} onRetry={() => void coverage.refetch()} />;
  if (coverage.data === undefined) return <div className="list-loading" aria-busy="true" />;
  const rows = coverage.data;
  const users = rows.filter((r) => r.mapped && r.entity === 'User');
  const groups = rows.filter((r) => r.mapped && r.entity === 'Group');
  const unmapped = rows.filter((r) => !r.mapped);
  const summary = (list: readonly CoverageRow[]) => `${list.filter((r) => r.arrived).length} of ${list.length} arrived`;
  const nothing = rows.every((r) => !r.arrived);

  return (
    <div className="coverage">
      <p className="muted">
        The rows of the Britive gallery app's default attribute mapping, as Entra's <strong>Mappings</strong> blade names the target attributes. Entra sends
        an attribute only when the source has a value, so “—” usually means the user's Entra field is empty, or the row was removed from the mapping.
      </p>
      {nothing && (
        <EmptyState title="No attributes have arrived yet">
          <p>When Entra creates or updates a user, every attribute it sends is ticked here.</p>
        </EmptyState>
      )}
      <section className="coverage-section" aria-labelledby="coverage-users">
        <div className="section-head">
          <h3 id="coverage-users">User mapping</h3>
          <span className="chip">{summary(users)}</span>
        </div>
        <CoverageTable label="User attribute mapping" rows={users} holders="Users holding it" />
      </section>
      <section className="coverage-section" aria-labelledby="coverage-groups">
        <div className="section-head">
          <h3 id="coverage-groups">Group mapping</h3>
          <span className="chip">{summary(groups)}</span>
        </div>
        <CoverageTable label="Group attribute mapping" rows={groups} holders="Groups holding it" />
      </section>
      <section className="coverage-section" aria-labelledby="coverage-unmapped">
        <div className="section-head">
          <h3 id="coverage-unmapped">Not in the mapping</h3>
          <span className="chip">{formatCount(unmapped.length)}</span>
        </div>
        {unmapped.length === 0 ? (
          <p className="muted small">Entra has sent nothing outside the mapping.</p>
        ) : (
          <>
            <p className="muted small">Attributes Entra sent that the Britive mapping does not list: custom mappings, sub-attributes such as emails[…].primary, or extensions.</p>
            <CoverageTable label="Attributes not in the mapping" rows={unmapped} holders="Holding it" />
          </>
        )}
      </section>
    </div>
  );
}
