/**
 * The grouped failure list (Sentry's issue stream, screens.md Screen 4): one row per signature with the likely
 * Entra error code, how often, whom it hit, when, in which cycles, its 24-hour trend, and whether it was resolved.
 * The title is the row's link (keyboard and screen readers); a click anywhere else on the row follows it too.
 */

import type { MouseEvent } from 'react';
import type { FailureGroup } from '../../../shared/api/provisioning-types.js';
import { href, navigate } from '../../app/router.js';
import { Badge } from '../../components/badge.js';
import { CodeText } from '../../components/code-text.js';
import { IdentityLinks } from '../../components/identity-links.js';
import { RelativeTime } from '../../components/relative-time.js';
import { Sparkline } from '../../components/sparkline.js';
import { Table } from '../../components/table.js';
import { formatCount } from '../../lib/format.js';
import { SenderChips, sendersText } from './failure-senders.js';

const CYCLES_SHOWN = 3;

/** The meaning's first sentence, as the row's subtitle (Sentry shows the error message under the title). */
const firstSentence = (text: string): string => /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;

export function CycleChips({ cycles }: { cycles: readonly number[] }) {
  if (cycles.length === 0) return <span className="faint">—</span>;
  const recent = cycles.slice(-CYCLES_SHOWN).reverse();
  return (
    <span className="chips">
      {recent.map((id) => (
        <a key={id} className="chip chip-link" href={href('cycles', [id])} aria-label={`Cycle ${id}`}>
          #{id}
        </a>
      ))}
      {cycles.length > CYCLES_SHOWN && <span className="chip">+{cycles.length - CYCLES_SHOWN}</span>}
    </span>
  );
}

export function ResolvedBadge({ resolved }: { resolved: boolean }) {
  return resolved ? (
    <Badge tone="success" title="A later request for the same identity and operation succeeded.">
      Resolved
    </Badge>
  ) : (
    <Badge tone="danger" title="No later request for the same identity and operation has succeeded yet.">
      Unresolved
    </Badge>
  );
}

export function FailureTable({ groups, query, details }: { groups: readonly FailureGroup[]; query: Readonly<Record<string, string>>; details: ReadonlyMap<string, string | null> }) {
  const open = (event: MouseEvent, signature: string) => {
    // Links inside the row (identities, cycles, the title itself) do their own thing.
    if ((event.target as HTMLElement).closest('a, button') !== null) return;
    navigate(href('failures', [signature], query));
  };
  return (
    <Table label="Failure groups" className="failure-table">
      <thead>
        <tr>
          <th scope="col">Failure</th>
          <th scope="col">Likely Entra error code</th>
          <th scope="col" className="num">
            Count
          </th>
          <th scope="col">Identities affected</th>
          <th scope="col">First seen</th>
          <th scope="col">Last seen</th>
          <th scope="col">Cycles</th>
          <th scope="col">Trend (24 h)</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.signature} className={`clickable-row${g.resolved ? ' is-resolved' : ''}`} data-signature={g.signature} onClick={(e) => open(e, g.signature)}>
            <td className="failure-title-cell">
              <a className="failure-title" href={href('failures', [g.signature], query)}>
                {g.title}
              </a>
              {/* The app's chip leads the subtitle, so a rehearsal's group is marked without a taller row. */}
              <span className="failure-sub">
                <SenderChips group={g} />
                <span className="truncate" title={details.get(g.signature) ?? g.meaning}>
                  {details.get(g.signature) ?? firstSentence(g.meaning)}
                </span>
              </span>
            </td>
            <td className="failure-code">
              <CodeText text={g.errorCode} />
            </td>
            <td className="num strong" title={`Sent by: ${sendersText(g.bySource)}`}>
              {formatCount(g.count)}
            </td>
            <td className="failure-identities">
              {g.operation === 'test-connection' ? (
                // Entra's probe asks for a random name that cannot exist: not an identity worth a link.
                <span className="faint nowrap" title={g.identities.join('\n')}>
                  Test Connection probes
                </span>
              ) : (
                <IdentityLinks identities={g.identities} />
              )}
            </td>
            <td className="nowrap">
              <RelativeTime ts={g.firstSeen} />
            </td>
            <td className="nowrap">
              <RelativeTime ts={g.lastSeen} />
            </td>
            <td>
              <CycleChips cycles={g.cycles} />
            </td>
            <td>
              <Sparkline values={g.trend} label="Failures per hour, last 24 hours" />
            </td>
            <td>
              <ResolvedBadge resolved={g.resolved} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
