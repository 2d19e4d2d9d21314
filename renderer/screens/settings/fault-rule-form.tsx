/**
 * Add or edit one fault rule. The monitor validates (electron/faults/rules.ts); its refusal names the rule and field
 * and is shown next to that field, so the form never has its own, drifting copy of the rules. The parent gives each
 * edit its own `key`, which starts the form afresh.
 */

import { useEffect, useId, useState, type FormEvent } from 'react';
import type { FaultRuleSpec } from '../../../shared/api/fault-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { OPERATIONS } from '../../../shared/domain/operation.js';
import { fieldId, SelectField, TextField, type FieldContext } from './fault-rule-fields.js';
import { fieldMessage, fieldOfFaultError, ruleOf, type DraftErrors, type DraftField, type FaultDraft } from './fault-rule-draft.js';

const METHODS = ['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [m, m === '' ? 'Any method' : m] as const);
const OPERATION_OPTIONS = [['', 'Any operation'] as const, ...OPERATIONS.filter((op) => op !== 'unknown').map((op) => [op, op] as const)];
const SCIM_TYPES = ['', 'uniqueness', 'invalidValue', 'invalidSyntax', 'invalidFilter', 'invalidPath', 'mutability', 'noTarget', 'tooMany', 'invalidVers', 'sensitive'].map(
  (t) => [t, t === '' ? 'None' : t] as const,
);

export interface FaultRuleFormProps {
  readonly title: string;
  readonly initial: FaultDraft;
  /** The rule's position in the list it is saved into (to place the monitor's `rules[i]` messages). */
  readonly index: number;
  /** What Entra does with this kind of answer (set when a preset filled the form). */
  readonly why?: string;
  readonly onSave: (rule: FaultRuleSpec) => Promise<ApiError | null>;
  readonly onCancel: () => void;
}

export function FaultRuleForm({ title, initial, index, why, onSave, onCancel }: FaultRuleFormProps) {
  const ids = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  // Focus moves to the refused field once it is enabled again (it is disabled while the save is in flight).
  const [focus, setFocus] = useState<{ field: DraftField } | null>(null);
  useEffect(() => {
    if (focus !== null && !busy) document.getElementById(fieldId(ids, focus.field))?.focus();
  }, [focus, busy, ids]);
  const change = (field: DraftField, value: string): void => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };
  const ctx: FieldContext = { ids, draft, errors, change, disabled: busy };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = ruleOf(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    const refused = await onSave(checked.rule);
    setBusy(false);
    if (refused === null) return;
    const field = fieldOfFaultError(refused.message, index) ?? 'form';
    setErrors({ [field]: field === 'form' ? refused.message : fieldMessage(refused.message) });
    if (field !== 'form') setFocus({ field });
  };

  return (
    <form className="fault-form" aria-label={title} noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="settings-subhead">{title}</h3>
      {why !== undefined && <p className="small muted fault-why">{why}</p>}
      {errors.form !== undefined && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="fault-form-grid">
        <TextField ctx={ctx} field="name" label="Name" hint="Marks the injected answers in the log." placeholder="throttle-creates" />
        <div className="fault-form-column">
          <fieldset className="fault-fieldset">
            <legend>Which requests (all given must match)</legend>
            <SelectField ctx={ctx} field="method" label="Method" options={METHODS} />
            <SelectField ctx={ctx} field="operation" label="Operation" options={OPERATION_OPTIONS} />
            <TextField ctx={ctx} field="path" label="Path" placeholder="/Users/*" hint="After /scim/v2; a glob or /regex/." />
            <TextField ctx={ctx} field="identity" label="Identity" placeholder="adele*@contoso.com" hint="userName or group name; a glob or /regex/." />
          </fieldset>
          <fieldset className="fault-fieldset">
            <legend>How often</legend>
            <TextField ctx={ctx} field="count" label="At most (requests)" numeric placeholder="every time" />
            <TextField ctx={ctx} field="probability" label="Probability (0–1)" numeric placeholder="1" />
          </fieldset>
        </div>
        <fieldset className="fault-fieldset">
          <legend>Answer</legend>
          <label className="checkbox fault-respond">
            <input type="checkbox" checked={draft.respond} disabled={busy} onChange={(e) => setDraft((d) => ({ ...d, respond: e.target.checked }))} /> Answer with an error
          </label>
          {draft.respond && (
            <>
              <TextField ctx={ctx} field="status" label="HTTP status" numeric hint="400–599." />
              <TextField ctx={ctx} field="retryAfter" label="Retry-After (s)" numeric placeholder="none" />
              <SelectField ctx={ctx} field="scimType" label="scimType" options={SCIM_TYPES} />
              <TextField ctx={ctx} field="detail" label="Detail" placeholder='Injected by fault rule "…".' />
            </>
          )}
          <TextField ctx={ctx} field="latencyMs" label="Latency (ms)" numeric placeholder="0" hint={draft.respond ? 'The error arrives this late.' : 'Answered normally, this late.'} />
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save rule
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <span className="small muted" role="status">
          {busy ? 'Saving…' : ''}
        </span>
      </div>
    </form>
  );
}
