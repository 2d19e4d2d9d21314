/**
 * The other way in: a rules file for `serve --faults FILE` (same shape as the form's rules, electron/faults/rules.ts),
 * which replaces the saved rules for one run — handy for scripted rehearsals.
 */

import { CopyButton } from '../../components/copy-button.js';

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

export function FaultFileHelp() {
  return (
    <details className="variant fault-file-help">
      <summary>Use a rules file instead (serve --faults)</summary>
      <p className="small muted">
        <code>provisioning-monitor serve --faults faults.json</code> starts with the file's rules instead of the saved ones, for that run only: changes made here
        then apply to the run but are not saved.
      </p>
      <div className="code-head">
        <span className="field-label">Example faults.json</span>
        <CopyButton text={EXAMPLE} what="example fault rules" variant="subtle" />
      </div>
      <pre className="code" aria-label="Example fault rules">
        {EXAMPLE}
      </pre>
    </details>
  );
}
