/**
 * The expected-users checklist (screens.md Screen 6, "the headline widget"): for each user or group the admin
 * assigned in Entra, how far it got, with the failure reason, the last cycle that touched it, and the identities
 * Entra sent that nobody expected (a sign that Scope is "Sync all users and groups").
 */

import type { ScopeReport, ScopeState } from '../../../shared/api/provisioning-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { href } from '../../app/router.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { IdentityLinks } from '../../components/identity-links.js';
import { ProgressBar } from '../../components/progress-bar.js';
import { RelativeTime } from '../../components/relative-time.js';
import { ScopeStateBadge } from '../../components/scope-state-badge.js';
import { Table } from '../../components/table.js';
import { plural } from '../../lib/format.js';

/** States in which the identity exists in the app as Entra left it. */
export const ARRIVED_STATES: ReadonlySet<ScopeState> = new Set(['Created', 'Updated', 'Disabled']);

export function ExpectedTab({ scope, error, onRetry }: { scope: ScopeReport | undefined; error: ApiError | undefined; onRetry: () => void }) {
  if (error !== undefined && scope === undefined) return <ErrorBanner error={error} onRetry={onRetry} />;
  if (scope === undefined) return <div className="list-loading" aria-busy="true" />;
  const entries = scope.entries;
  if (entries.length === 0) {
    return (
      <EmptyState
        title="Tell the monitor whom you assigned"
        actions={
          <a className="button button-primary" href={`${href('connect')}`}>
            Enter expected users on Connect
          </a>
        }
      >
        <p>
          List the users and groups you assigned to the app in Entra (or import the CSV of its <strong>Users and groups</strong> blade). This checklist then
          shows, for each one, whether Entra matched, created, updated, disabled or failed it.
        </p>
        {scope.unexpected.length > 0 && <p className="small">Entra has already written {plural(scope.unexpected.length, 'identity', 'identities')}.</p>}
      </EmptyState>
    );
  }
  const arrived = entries.filter((e) => ARRIVED_STATES.has(e.state)).length;
  const failed = entries.filter((e) => e.state === 'Failed').length;
  return (
    <div className="expected">
      <ProgressBar label="Arrived in the app" value={arrived} max={entries.length} detail={`${arrived} of ${entries.length}${failed > 0 ? ` · ${failed} failed` : ''}`} />
      <Table label="Expected users and groups" className="expected-table">
        <thead>
          <tr>
            <th scope="col">Expected identity</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            <th scope="col">Reason</th>
            <th scope="col">Last cycle</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.kind}:${entry.value}`} data-expected={entry.value} data-state={entry.state}>
              <td className="cell-name">
                <a href={href('directory', [entry.value])} className="strong truncate" title={entry.value}>
                  {entry.value}
                </a>
              </td>
              <td className="muted">{entry.kind === 'group' ? 'Group' : 'User'}</td>
              <td>
                <ScopeStateBadge state={entry.state} />
              </td>
              <td className="cell-text">{entry.reason === null ? <span className="faint">—</span> : <span className="wrap small">{entry.reason}</span>}</td>
              <td>
                {entry.lastCycle === null ? (
                  <span className="faint">—</span>
                ) : (
                  <a className="chip chip-link" href={href('cycles', [entry.lastCycle])} aria-label={`Cycle ${entry.lastCycle}`}>
                    #{entry.lastCycle}
                  </a>
                )}
              </td>
              <td className="nowrap">
                <RelativeTime ts={entry.lastSeen} fallback="Never" />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <section className="unexpected" aria-labelledby="unexpected-title">
        <h3 id="unexpected-title">Unexpected identities</h3>
        {scope.unexpected.length === 0 ? (
          <p className="muted small">None: Entra has written only identities on your list.</p>
        ) : (
          <>
            <p className="small muted">
              Entra wrote {plural(scope.unexpected.length, 'identity', 'identities')} that {scope.unexpected.length === 1 ? 'is' : 'are'} not on your list. If you did not
              assign them, check that Scope is “Sync only assigned users and groups”.
            </p>
            <IdentityLinks identities={scope.unexpected} shown={12} />
          </>
        )}
      </section>
      <p className="small muted">
        Edit the list on <a href={href('connect')}>Connect</a>.
      </p>
    </div>
  );
}
