/**
 * The Users and Groups tabs: a search (prefix of userName / displayName, as the API searches) over an
 * offset-paged table, refreshed as Entra writes. Names link to the identity page; all values are text.
 */

import { useState, type ReactNode } from 'react';
import type { DirectoryGroup, DirectoryUser } from '../../../shared/api/admin-types.js';
import { href } from '../../app/router.js';
import { Badge } from '../../components/badge.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ICONS } from '../../components/icons.js';
import { Pager } from '../../components/pager.js';
import { RelativeTime } from '../../components/relative-time.js';
import { SearchField } from '../../components/search-field.js';
import { Table } from '../../components/table.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { formatCount } from '../../lib/format.js';

const PAGE = 50;

const Mono = ({ value }: { value: string | null }) => (value === null ? <span className="faint">—</span> : <span className="mono truncate cell-id" title={value}>{value}</span>);

const NameLink = ({ name }: { name: string }) => (
  <a href={href('directory', [name])} className="strong truncate" title={name}>
    {name}
  </a>
);

function UserRows({ items }: { items: readonly DirectoryUser[] }) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">userName</th>
          <th scope="col">displayName</th>
          <th scope="col">active</th>
          <th scope="col">externalId</th>
          <th scope="col">id</th>
          <th scope="col" className="num">Groups</th>
          <th scope="col">Last modified</th>
        </tr>
      </thead>
      <tbody>
        {items.map((u) => (
          <tr key={u.id} data-user-id={u.id}>
            <td className="cell-name"><NameLink name={u.userName} /></td>
            <td className="cell-text">{u.displayName === null ? <span className="faint">—</span> : <span className="truncate block-line" title={u.displayName}>{u.displayName}</span>}</td>
            <td>{u.active ? <Badge tone="success">Active</Badge> : <Badge tone="warning">Disabled</Badge>}</td>
            <td><Mono value={u.externalId} /></td>
            <td><Mono value={u.id} /></td>
            <td className="num">{formatCount(u.groups)}</td>
            <td className="nowrap"><RelativeTime ts={u.lastModified} /></td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

function GroupRows({ items }: { items: readonly DirectoryGroup[] }) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">displayName</th>
          <th scope="col" className="num">Members</th>
          <th scope="col">externalId</th>
          <th scope="col">id</th>
          <th scope="col">Last modified</th>
        </tr>
      </thead>
      <tbody>
        {items.map((g) => (
          <tr key={g.id} data-group-id={g.id}>
            <td className="cell-name"><NameLink name={g.displayName} /></td>
            <td className="num">{formatCount(g.members)}</td>
            <td><Mono value={g.externalId} /></td>
            <td><Mono value={g.id} /></td>
            <td className="nowrap"><RelativeTime ts={g.lastModified} /></td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

const TEXT = {
  users: { label: 'Users', search: 'Search users (userName or displayName starts with)', placeholder: 'Search userName or displayName…', noun: 'users', verb: 'POST /Users' },
  groups: { label: 'Groups', search: 'Search groups (displayName starts with)', placeholder: 'Search displayName…', noun: 'groups', verb: 'POST /Groups' },
} as const;

export function DirectoryTable({ kind }: { kind: 'users' | 'groups' }) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const input = { ...(search.trim() === '' ? {} : { search: search.trim() }), offset, limit: PAGE };
  const users = useApi('directory.users', input, [search, offset], { skip: kind !== 'users' });
  const groups = useApi('directory.groups', input, [search, offset], { skip: kind !== 'groups' });
  const list = kind === 'users' ? users : groups;
  useRefreshOn(['request-logged'], list.refetch, 3_000);
  const text = TEXT[kind];
  const total = list.data?.total ?? 0;
  const onSearch = (value: string) => {
    setSearch(value);
    setOffset(0);
  };

  let body: ReactNode;
  if (list.data === undefined) body = <div className="list-loading" aria-busy="true" />;
  else if (list.data.items.length === 0 && search.trim() !== '') body = <EmptyState title={`No ${text.noun} start with “${search.trim()}”`}><p>The search matches the start of the name, ignoring case.</p></EmptyState>;
  else if (list.data.items.length === 0)
    body = (
      <EmptyState title={`No ${text.noun} provisioned yet`} icon={ICONS.directory}>
        <p>
          When Entra creates {text.noun} ({text.verb}), they appear here as this app stores them. Assign {text.noun} to the app in Entra and turn Provisioning
          Status On, or use <strong>Provision on demand</strong> for one user.
        </p>
      </EmptyState>
    );
  else
    body = (
      <Table label={text.label} className="directory-table">
        {kind === 'users' ? <UserRows items={(users.data?.items ?? [])} /> : <GroupRows items={(groups.data?.items ?? [])} />}
      </Table>
    );

  return (
    <div className="directory-list">
      <div className="list-toolbar">
        <SearchField label={text.search} value={search} onChange={onSearch} placeholder={text.placeholder} />
        <Pager label={text.label} offset={offset} pageSize={PAGE} total={total} onOffset={setOffset} />
      </div>
      {list.error !== undefined && <ErrorBanner error={list.error} onRetry={() => void list.refetch()} compact />}
      {body}
    </div>
  );
}
