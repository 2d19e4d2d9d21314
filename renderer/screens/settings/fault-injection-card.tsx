/**
 * Fault injection (screens.md Screen 7 "Response behaviour"): rehearse how Entra reacts to 429, 500, 409 and slow
 * answers. The MonitorApi has no fault methods yet, so rules come from a JSON file at launch (`serve --faults
 * FILE`, shape in electron/faults/rules.ts); this card explains the file and shows which rules have fired.
 */

import { href } from '../../app/router.js';
import { Card } from '../../components/card.js';
import { CopyButton } from '../../components/copy-button.js';
import { RelativeTime } from '../../components/relative-time.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { formatCount } from '../../lib/format.js';

const EXAMPLE = `{
  "rules": [
    {
      "name": "throttle-creates",
      "match": { "operation": "create" },
      "count": 3,
      "respond": { "status": 429, "retryAfter": 30 }
    },
    {
      "name": "conflict-for-bob",
      "match": { "method": "POST", "identity": "bob@*" },
      "respond": {
        "status": 409,
        "scimType": "uniqueness",
        "detail": "userName is already taken."
      }
    },
    {
      "name": "slow-patches",
      "match": { "method": "PATCH" },
      "probability": 0.2,
      "latencyMs": 5000
    }
  ]
}`;

const RECENT = 200;

export function FaultInjectionCard() {
  const recent = useApi('logs.list', { faultOnly: true, limit: RECENT });
  useRefreshOn(['request-logged'], recent.refetch, 5_000);
  const fired = new Map<string, { count: number; last: number }>();
  for (const row of recent.data?.rows ?? []) {
    if (row.fault === null) continue;
    const seen = fired.get(row.fault);
    fired.set(row.fault, { count: (seen?.count ?? 0) + 1, last: Math.max(seen?.last ?? 0, row.ts) });
  }

  return (
    <Card id="faults" title="Fault injection" subtitle="Answer chosen requests with errors or delays, to see how Entra retries, escrows and quarantines.">
      <p>
        Write rules in a JSON file and start the monitor with <code>provisioning-monitor serve --faults faults.json</code>. Each rule matches requests by{' '}
        <code>method</code>, <code>path</code> (after /scim/v2; a glob or /regex/), <code>operation</code> (create, update, disable, match, test-connection…) and{' '}
        <code>identity</code>, and answers with <code>respond</code> (status 400–599, optional <code>retryAfter</code>, <code>scimType</code>, <code>detail</code>)
        and/or <code>latencyMs</code>; <code>count</code> and <code>probability</code> limit it.
      </p>
      <div className="code-head">
        <span className="field-label">Example faults.json</span>
        <CopyButton text={EXAMPLE} what="example fault rules" variant="subtle" />
      </div>
      <pre className="code" aria-label="Example fault rules">
        {EXAMPLE}
      </pre>
      <p className="small muted settings-note">
        Rules are read at launch; editing them here needs fault methods in the MonitorApi, which it does not have yet. Injected answers are marked in Live (
        <a href={href('live', [], { q: 'fault:yes' })}>fault:yes</a>).
      </p>
      <h3 className="settings-subhead">Recently injected</h3>
      {recent.data === undefined ? (
        <p className="muted small">…</p>
      ) : fired.size === 0 ? (
        <p className="muted small">No request has been answered by a fault rule{recent.data.rows.length === 0 ? '' : ' recently'}.</p>
      ) : (
        <ul className="fault-list" aria-label="Fault rules that fired">
          {[...fired.entries()].map(([name, info]) => (
            <li key={name}>
              <span className="mono strong">{name}</span>
              <span className="small muted">
                {formatCount(info.count)}
                {recent.data?.nextBefore != null ? '+' : ''} × · last <RelativeTime ts={info.last} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
