/**
 * Create a Secret Token (label + validity), and the one-time reveal of a new secret.
 */

import { useId, useState } from 'react';
import type { CreatedTokenResult } from '../../../shared/api/admin-types.js';
import { CopyButton } from '../../components/copy-button.js';

export function TokenCreateForm({ onCreate, busy }: { onCreate: (label: string, days: number | null) => void; busy: boolean }) {
  const ids = useId();
  const [label, setLabel] = useState('Entra ID');
  const [days, setDays] = useState('90');
  const [never, setNever] = useState(false);
  const daysValue = Number(days);
  const daysValid = never || (Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 3650);
  const valid = label.trim() !== '' && daysValid;
  return (
    <form
      className="token-form"
      aria-label="Create a Secret Token"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && !busy) onCreate(label.trim(), never ? null : daysValue);
      }}
    >
      <div className="field grow">
        <label className="field-label" htmlFor={`${ids}-label`}>
          Label
        </label>
        <input id={`${ids}-label`} className="input" value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-days`}>
          Valid for (days)
        </label>
        <input
          id={`${ids}-days`}
          className="input days-input"
          type="number"
          min={1}
          max={3650}
          value={never ? '' : days}
          disabled={never}
          aria-invalid={!daysValid}
          onChange={(e) => setDays(e.target.value)}
        />
      </div>
      <label className="checkbox never">
        <input type="checkbox" checked={never} onChange={(e) => setNever(e.target.checked)} /> Never expires
      </label>
      <button type="submit" className="button button-primary" disabled={!valid || busy}>
        Create token
      </button>
      <p className="field-hint full">Microsoft recommends a token that doesn't expire: when it does, Entra gets 401 and quarantines the job.</p>
    </form>
  );
}

export function SecretReveal({ created, onDone }: { created: CreatedTokenResult; onDone: () => void }) {
  return (
    <div className="secret-reveal" role="alert" aria-label="New Secret Token">
      <p className="secret-warning">
        <strong>Copy this token now — you won't see it again.</strong> Paste it into Entra's <strong>Secret Token</strong> field. Only its last four characters are
        kept for display.
      </p>
      <div className="url-box">
        <code className="url-text secret" data-testid="new-secret">
          {created.secret}
        </code>
        <CopyButton text={created.secret} what="Secret Token" variant="primary" />
      </div>
      <div className="secret-foot">
        <span className="muted small">
          “{created.token.label}” · {created.token.expires === null ? 'never expires' : `expires ${new Date(created.token.expires).toLocaleDateString()}`}
        </span>
        <button type="button" className="button button-secondary" onClick={onDone}>
          I've copied it
        </button>
      </div>
    </div>
  );
}
