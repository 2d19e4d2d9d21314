/**
 * Group memberships with when each was added or removed (screens.md Screen 6).
 *
 * A group's page reads this from its own attribute history (`members[value eq "<id>"]`). A user's history holds no
 * membership changes (Entra changes members on the group), so a user's page asks each of its groups for theirs;
 * users belong to a few groups, and the count is capped. Memberships removed in the past show only on the group.
 */

import type { IdentityTimeline } from '../../../shared/api/admin-types.js';
import { href } from '../../app/router.js';
import { Card } from '../../components/card.js';
import { RelativeTime } from '../../components/relative-time.js';
import { useApi } from '../../hooks/use-api.js';

const MEMBER_PREFIX = 'members[value eq "';
/** Groups of a user whose history is fetched for the "added" time. */
const TIMED_GROUPS = 20;

interface Ref {
  readonly value: string;
  readonly display: string | null;
}

function refsOf(value: unknown): Ref[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const v = (item as { value?: unknown } | null)?.value;
    const d = (item as { display?: unknown } | null)?.display;
    return typeof v === 'string' ? [{ value: v, display: typeof d === 'string' ? d : null }] : [];
  });
}

const memberIdOf = (attribute: string): string | null =>
  attribute.startsWith(MEMBER_PREFIX) && attribute.endsWith('"]') ? attribute.slice(MEMBER_PREFIX.length, -2) : null;

/** When the member was last added and, if it left afterwards, removed; from a group's attribute history. */
function membershipTimes(history: IdentityTimeline['attributeHistory'], memberId: string): { added: number | null; removed: number | null } {
  const changes = history.find((h) => memberIdOf(h.attribute) === memberId)?.changes ?? [];
  const added = [...changes].reverse().find((c) => c.newValue !== null) ?? null;
  const last = changes.at(-1);
  return { added: added?.ts ?? null, removed: last !== undefined && last.newValue === null ? last.ts : null };
}

function UserGroupRow({ group, userId, timed }: { group: Ref; userId: string; timed: boolean }) {
  const history = useApi('directory.identity', { identity: group.value }, [group.value], { skip: !timed });
  const added = history.data === undefined ? null : membershipTimes(history.data.attributeHistory, userId).added;
  return (
    <li>
      <a href={href('directory', [group.display ?? group.value])} className="strong truncate">
        {group.display ?? group.value}
      </a>
      <span className="small muted">{added === null ? 'member' : <>added <RelativeTime ts={added} /></>}</span>
    </li>
  );
}

export function Memberships({ identity }: { identity: IdentityTimeline }) {
  if (identity.entity === 'Group') {
    const current = new Map(refsOf(identity.current?.members).map((m) => [m.value, m]));
    const ids = new Set([...current.keys(), ...identity.attributeHistory.map((h) => memberIdOf(h.attribute)).filter((id) => id !== null)]);
    const rows = [...ids].map((id) => ({ id, ref: current.get(id), ...membershipTimes(identity.attributeHistory, id) }));
    return (
      <Card title="Members" subtitle={`${current.size} now; members who left are listed with when.`}>
        {rows.length === 0 ? (
          <p className="muted">No members. Entra creates groups empty, then adds members with PATCH.</p>
        ) : (
          <ul className="membership-list" aria-label="Group members">
            {rows.map((row) => (
              <li key={row.id} className={row.ref === undefined ? 'is-removed' : ''}>
                <a href={href('directory', [row.id])} className="strong truncate" title={row.id}>
                  {row.ref?.display ?? row.id}
                </a>
                <span className="small muted">
                  {row.ref === undefined && row.removed !== null ? <>removed <RelativeTime ts={row.removed} /></> : row.added !== null ? <>added <RelativeTime ts={row.added} /></> : 'member'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    );
  }
  const groups = refsOf(identity.current?.groups);
  return (
    <Card title="Group memberships" subtitle="The groups this user belongs to now.">
      {groups.length === 0 ? (
        <p className="muted">Not a member of any group here.</p>
      ) : (
        <ul className="membership-list" aria-label="Group memberships">
          {groups.map((group, i) => (
            <UserGroupRow key={group.value} group={group} userId={identity.resourceId ?? ''} timed={i < TIMED_GROUPS && identity.resourceId !== null} />
          ))}
        </ul>
      )}
    </Card>
  );
}
