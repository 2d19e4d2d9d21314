/**
 * The Directory's tabs: Users, Groups, Expected users, Attribute coverage. Counts in the tab names answer the
 * admin's first question ("did my users arrive?") before a tab is opened.
 */

import { href, navigate } from '../../app/router.js';
import { useScreenReady } from '../../app/screen-ready.js';
import { Tabs } from '../../components/tabs.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { formatCount } from '../../lib/format.js';
import { CoverageTab } from './coverage-tab.js';
import { ExpectedTab, ARRIVED_STATES } from './expected-tab.js';
import { DirectoryTable } from './directory-table.js';

const TABS = ['users', 'groups', 'expected', 'coverage'] as const;
export type DirectoryTab = (typeof TABS)[number];
export const isDirectoryTab = (value: string | undefined): value is DirectoryTab => (TABS as readonly (string | undefined)[]).includes(value);

export function DirectoryOverview({ tab }: { tab: DirectoryTab }) {
  const users = useApi('directory.users', { limit: 1 });
  const groups = useApi('directory.groups', { limit: 1 });
  const scope = useApi('scope.get', undefined);
  const refresh = () => {
    void users.refetch();
    void groups.refetch();
    void scope.refetch();
  };
  useRefreshOn(['request-logged'], refresh, 3_000);
  useScreenReady(users.settled && groups.settled && scope.settled);
  const entries = scope.data?.entries ?? [];
  const arrived = entries.filter((e) => ARRIVED_STATES.has(e.state)).length;
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${formatCount(n)})`);

  return (
    <div className="page page-wide directory">
      <header className="page-head">
        <div>
          <h1>Directory</h1>
          <p>The users and groups as Entra provisioned them into this app, which of your expected users arrived, and which mapped attributes Entra actually sends.</p>
        </div>
      </header>
      <div className="card tabs-card">
        <Tabs
          label="Directory views"
          active={tab}
          onChange={(next) => navigate(href('directory', [], next === 'users' ? {} : { tab: next }), { replace: true })}
          tabs={[
            { key: 'users', label: `Users${count(users.data?.total)}` },
            { key: 'groups', label: `Groups${count(groups.data?.total)}` },
            { key: 'expected', label: entries.length === 0 ? 'Expected users' : `Expected users (${arrived} of ${entries.length})` },
            { key: 'coverage', label: 'Attribute coverage' },
          ]}
        >
          {tab === 'users' && <DirectoryTable kind="users" />}
          {tab === 'groups' && <DirectoryTable kind="groups" />}
          {tab === 'expected' && <ExpectedTab scope={scope.data} error={scope.error} onRetry={() => void scope.refetch()} />}
          {tab === 'coverage' && <CoverageTab />}
        </Tabs>
      </div>
    </div>
  );
}
