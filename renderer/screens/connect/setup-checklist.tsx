/**
 * The Entra setup steps as a checklist that ticks itself (screens.md Screen 1, "Guided steps").
 */

import { href } from '../../app/router.js';
import { ICONS } from '../../components/icons.js';
import type { SetupStep, StepState } from './setup-steps.js';

const STATE_TEXT: Readonly<Record<StepState, string>> = { done: 'Done', waiting: 'Waiting', failed: 'Needs attention', optional: 'Optional' };

function Marker({ state, n }: { state: StepState; n: number }) {
  return (
    <span className={`step-marker step-${state}`} aria-hidden="true">
      {state === 'done' ? ICONS.check : state === 'failed' ? ICONS.cross : n}
    </span>
  );
}

export function SetupChecklist({ steps }: { steps: readonly SetupStep[] }) {
  const done = steps.filter((s) => s.state === 'done').length;
  return (
    <ol className="checklist" aria-label={`Setup in Entra: ${done} of ${steps.length} done`}>
      {steps.map((step, index) => (
        <li key={step.key} className={`step step-${step.state}`} data-step={step.key} data-state={step.state}>
          <Marker state={step.state} n={index + 1} />
          <div className="step-body">
            <div className="step-title-row">
              <h3 className="step-title">{step.title}</h3>
              <span className={`step-state step-state-${step.state}`}>{STATE_TEXT[step.state]}</span>
            </div>
            <p className="step-detail">{step.detail}</p>
            {step.help !== undefined && (
              <div className="step-help" role="note">
                <strong>{step.help.title}.</strong> {step.help.fix}
              </div>
            )}
            {step.requestId !== undefined && (
              <a className="step-link" href={href('live', [step.requestId])}>
                View the request
              </a>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
