/**
 * What Entra does when it quarantines a provisioning job, in plain words (entra-behavior.md §9): why, the retry
 * schedule (+6 h, +12 h, +24 h, then daily), the job disabled after four weeks, and how to get out (fix the cause,
 * then Restart provisioning). Static text: it explains the states above rather than judging anything.
 */

import { Card } from '../../components/card.js';

const STEPS: readonly { when: string; what: string }[] = [
  { when: 'Cycle fails', what: 'Entra quarantines the job and emails the notification address once.' },
  { when: '+6 h', what: 'First retry.' },
  { when: '+12 h', what: 'Second retry.' },
  { when: '+24 h', what: 'Third retry, then one a day.' },
  { when: '4 weeks', what: 'Still failing: Entra disables the job.' },
];

export function QuarantineExplainer() {
  return (
    <Card id="quarantine" title="What Entra does when it quarantines a job" subtitle="Microsoft's documented behaviour, so you know what the states above lead to.">
      <ol className="quarantine-steps" aria-label="Entra's quarantine schedule">
        {STEPS.map((step, i) => (
          <li key={step.when} className={i === STEPS.length - 1 ? 'is-last' : ''}>
            <span className="q-when">{step.when}</span>
            <span className="q-what">{step.what}</span>
          </li>
        ))}
      </ol>
      <div className="quarantine-text">
        <p>
          <strong>Why Entra quarantines.</strong> The app refuses Entra's credentials (401 or 403), answers 404 where a SCIM app must answer 200 (for example a filter query that matches nobody),
          or more than 40 % of provisioning events fail (Entra checks this from 5,000 failures; this monitor scales it down for a test tenant and says so).
        </p>
        <p>
          <strong>While quarantined.</strong> Cycles slow down to the retries above instead of every 20–40 minutes, and the Provisioning page shows the reason on its progress bar. Nothing
          reaches the app in between, so silence here after failures is a sign of quarantine.
        </p>
        <p>
          <strong>How to get out.</strong> Fix the cause first. Then, in Entra, open the app's <strong>Provisioning</strong> page and choose <strong>Restart provisioning</strong>: it clears the
          quarantine, the escrowed failures and the watermark, and runs a new initial cycle. A retry that succeeds also ends quarantine on its own, but you may wait up to a day for it.
        </p>
      </div>
    </Card>
  );
}
