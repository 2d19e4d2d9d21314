/**
 * One cycle, per identity, rebuilt from the wire like the Steps of Entra's provisioning log (entra-behavior.md
 * §5.3): Match (the filter query's result count), Action, Status, error code, and the requests behind it, each a
 * link into Live. Identities Entra only looked up show as "Skipped (no change)", Entra's Other.
 *
 * Identities are SCIM strings (attacker-controlled): text only, and links carry them only inside our own route.
 */

import type { IdentityInCycle } from '../../../shared/api/provisioning-types.js';
import { href } from '../../app/router.js';
import { Badge, OutcomeBadge } from '../../components/badge.js';
import { Table } from '../../components/table.js';

const SHOWN_REQUESTS = 4;

function Match({ results }: { results: number | null }) {
  if (results === null) return <span className="muted" title="Entra did not query: it used the id it cached in an earlier cycle">Not queried</span>;
  if (results === 0) return <span title="The match query found nothing: Entra creates the identity">No match</span>;
  if (results === 1) return <span title="The match query found one object: Entra updates it if anything differs">1 match</span>;
  return (
    <span className="match-many">
      {results} matches <Badge tone="danger" title="More than one target object matched: Entra stops and logs DuplicateTargetEntries">DuplicateTargetEntries</Badge>
    </span>
  );
}

function Status({ step }: { step: IdentityInCycle }) {
  if (step.outcome === 'Skipped' && step.action === 'Other') {
    return (
      <Badge tone="neutral" title="Entra looked the identity up and found nothing to change">
        Skipped (no change)
      </Badge>
    );
  }
  return <OutcomeBadge outcome={step.outcome} />;
}

/** Live's filter for this identity's requests in this cycle, when the identity can be written as a filter value. */
function liveQuery(cycleId: number, identity: string): string {
  return /^[^\s"]+$/.test(identity) ? `cycle:${cycleId} user:${identity}` : `cycle:${cycleId}`;
}

function Requests({ cycleId, step }: { cycleId: number; step: IdentityInCycle }) {
  const ids = step.requestIds;
  const rest = ids.length - SHOWN_REQUESTS;
  return (
    <span className="request-links">
      {ids.slice(0, SHOWN_REQUESTS).map((id) => (
        <a key={id} href={href('live', [id])} className="mono" aria-label={`Request ${id} in Live`}>
          #{id}
        </a>
      ))}
      {rest > 0 && (
        <a href={href('live', [], { q: liveQuery(cycleId, step.identity) })} className="small">
          +{rest} in Live
        </a>
      )}
    </span>
  );
}

export function IdentitySteps({ cycleId, steps }: { cycleId: number; steps: readonly IdentityInCycle[] }) {
  return (
    <>
      <Table label={`Identities in cycle ${cycleId}`} className="steps-table">
        <thead>
          <tr>
            <th scope="col">Identity</th>
            <th scope="col">
              Match <span className="th-hint">filter query</span>
            </th>
            <th scope="col">Action</th>
            <th scope="col">Status</th>
            <th scope="col">Error code</th>
            <th scope="col">Requests</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={`${step.entity}:${step.identity}`} data-identity={step.identity} className={step.outcome === 'Failure' ? 'is-failure' : ''}>
              <td className="identity-cell">
                <span className="truncate strong" title={step.identity}>
                  {step.identity}
                </span>
                {step.entity === 'Group' && <span className="chip">Group</span>}
              </td>
              <td className="nowrap">
                <Match results={step.matchResults} />
              </td>
              <td className="nowrap">{step.action}</td>
              <td className="nowrap">
                <Status step={step} />
              </td>
              <td className="nowrap">{step.errorCode === null ? <span className="faint">—</span> : <span className="mono text-danger">{step.errorCode}</span>}</td>
              <td>
                <Requests cycleId={cycleId} step={step} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="small muted steps-note">
        <strong>Match</strong> is the result of Entra's filter query, such as <code>GET /Users?filter=userName eq "…"</code>: no match leads to a create, one match to an update if
        anything differs, several to DuplicateTargetEntries. <strong>Not queried</strong> means Entra used the id it cached in an earlier cycle.
      </p>
    </>
  );
}
