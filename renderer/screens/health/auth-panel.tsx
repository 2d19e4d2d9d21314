/**
 * Credentials, the first cause of quarantine (EncounteredQuarantineException): every Secret Token with its age,
 * expiry and last use, and the latest 401 answers with the reason the listener gave, in plain words.
 */

import type { LogRow } from '../../../shared/api/log-types.js';
import type { Health } from '../../../shared/api/provisioning-types.js';
import { href } from '../../app/router.js';
import { Badge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { RelativeTime } from '../../components/relative-time.js';
import { Table } from '../../components/table.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { formatDateTime, plural } from '../../lib/format.js';
import { authHelp, authReason } from '../connect/auth-help.js';
import { useRecent401s } from './use-recent-401s.js';

const DAY_MS = 86_400_000;

function tokenState(t: { revoked: string | null; expires: string | null }, now: number): { tone: 'success' | 'neutral' | 'danger' | 'warning'; text: string } {
  if (t.revoked !== null) return { tone: 'neutral', text: 'Revoked' };
  if (t.expires !== null && Date.parse(t.expires) <= now) return { tone: 'danger', text: 'Expired' };
  if (t.expires !== null && Date.parse(t.expires) - now < 7 * DAY_MS) return { tone: 'warning', text: 'Expires soon' };
  return { tone: 'success', text: 'Active' };
}

function Tokens({ now }: { now: number }) {
  const tokens = useApi('tokens.list', undefined);
  useRefreshOn(['request-logged'], tokens.refetch, 10_000);
  const list = tokens.data ?? [];
  if (tokens.settled && list.length === 0) {
    return (
      <p className="muted">
        No Secret Token yet. <a href={href('connect')}>Create one on Connect</a> and paste it into Entra.
      </p>
    );
  }
  return (
    <Table label="Secret Tokens" className="auth-tokens">
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">State</th>
          <th scope="col">Age</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
        </tr>
      </thead>
      <tbody>
        {list.map((t) => {
          const state = tokenState(t, now);
          return (
            <tr key={t.id} className={t.revoked === null ? '' : 'is-dim'}>
              <td>
                <span className="strong">{t.label}</span> <span className="mono muted small">…{t.last4}</span>
              </td>
              <td>
                <Badge tone={state.tone}>{state.text}</Badge>
              </td>
              <td className="nowrap" title={formatDateTime(t.created)}>
                {plural(Math.max(0, Math.floor((now - Date.parse(t.created)) / DAY_MS)), 'day')}
              </td>
              <td className="nowrap">{t.expires === null ? <span className="muted">Never</span> : <RelativeTime ts={t.expires} />}</td>
              <td className="nowrap">
                <RelativeTime ts={t.lastUsed} fallback="Never" />
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

interface Group {
  readonly detail: string | null;
  readonly rows: LogRow[];
}

/** Consecutive 401s with the same reason read as one problem, not a wall of identical lines. */
function groupByDetail(rows: readonly LogRow[], details: ReadonlyMap<number, string | null>): Group[] {
  const groups: Group[] = [];
  for (const row of rows) {
    const detail = details.get(row.id) ?? null;
    const last = groups.at(-1);
    if (last !== undefined && last.detail === detail) last.rows.push(row);
    else groups.push({ detail, rows: [row] });
  }
  return groups;
}

function Recent401s() {
  const { rows, details } = useRecent401s();
  if (rows.length === 0) return <p className="muted">No 401 answers logged: Entra's credentials have always been accepted.</p>;
  return (
    <ul className="auth-401s" aria-label="Latest 401 answers">
      {groupByDetail(rows, details).map((group) => {
        const newest = group.rows[0] as LogRow;
        const oldest = group.rows.at(-1) as LogRow;
        const help = authHelp(authReason(group.detail));
        return (
          <li key={newest.id}>
            <span className="strong">{help.title}</span>
            {group.detail !== null && <span className="small wrap auth-detail">{group.detail}</span>}
            <span className="small muted">
              {plural(group.rows.length, 'request')} · {formatDateTime(newest.ts) === formatDateTime(oldest.ts) ? formatDateTime(newest.ts) : `${formatDateTime(oldest.ts)} – ${formatDateTime(newest.ts)}`} (
              <RelativeTime ts={newest.ts} />)
            </span>
            <span className="request-links small">
              {group.rows.map((row) => (
                <a key={row.id} href={href('live', [row.id])} aria-label={`Request ${row.id} in Live: ${row.method} ${row.identity ?? row.path}`}>
                  #{row.id}
                </a>
              ))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function AuthPanel({ health, now }: { health: Health; now: number }) {
  return (
    <Card
      id="auth"
      title="Credentials"
      subtitle="Invalid credentials are the most common reason Entra quarantines a job."
      aside={<Badge tone={health.recentAuthFailures > 0 ? 'danger' : 'success'}>{`${plural(health.recentAuthFailures, '401/403 answer')} since the last success`}</Badge>}
    >
      <div className="auth-grid">
        <section aria-labelledby="auth-tokens-title">
          <h3 id="auth-tokens-title" className="section-title">
            Secret Tokens
          </h3>
          <Tokens now={now} />
        </section>
        <section aria-labelledby="auth-401-title">
          <h3 id="auth-401-title" className="section-title">
            Latest 401s
          </h3>
          <Recent401s />
        </section>
      </div>
    </Card>
  );
}
