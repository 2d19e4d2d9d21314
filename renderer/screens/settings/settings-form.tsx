/**
 * Retention and cycle inference (screens.md Screen 7): the three settings the MonitorApi can change. Errors appear
 * next to their field (and the field is marked invalid for screen readers); a refusal from the monitor is placed
 * on the field it names.
 */

import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/api/admin-types.js';
import { getBackend } from '../../api/client.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import type { ApiError } from '../../../shared/api/result.js';
import { bounds, draftOf, fieldOfServerError, SETTING_KEYS, validate, type Draft, type FieldErrors, type SettingKey } from './settings-validate.js';

const FIELDS: Readonly<Record<SettingKey, { label: string; unit: string; hint: string }>> = {
  retentionDays: {
    label: 'Keep requests for',
    unit: 'days',
    hint: 'Older requests are pruned. 0 keeps everything. Entra keeps its own provisioning logs for 30 days (7 on free tenants).',
  },
  maxDatabaseMb: {
    label: 'Maximum database size',
    unit: 'MB',
    hint: 'The oldest requests are pruned to stay under this size. 0 means no limit.',
  },
  cycleIdleGapMinutes: {
    label: 'Cycle idle gap',
    unit: 'minutes',
    hint: 'Entra sends no cycle ID, so a pause this long ends an inferred cycle. Entra runs incremental cycles about every 40 minutes.',
  },
};

export function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (next: Settings) => void }) {
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const dirty = SETTING_KEYS.some((key) => draft[key].trim() !== String(settings[key]));
  useEffect(() => {
    if (state !== 'saved') return;
    const timer = setTimeout(() => setState('idle'), 4_000);
    return () => clearTimeout(timer);
  }, [state]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      document.getElementById(`${ids}-${SETTING_KEYS.find((k) => checked.errors[k] !== undefined)}`)?.focus();
      return;
    }
    setErrors({});
    setFailure(undefined);
    setState('saving');
    const result = await getBackend().call('settings.update', checked.value);
    if (result.ok) {
      onSaved(result.value);
      setDraft(draftOf(result.value));
      setState('saved');
      return;
    }
    setState('idle');
    const field = fieldOfServerError(result.error.message);
    if (field !== null) setErrors({ [field]: result.error.message });
    else setFailure(result.error);
  };

  return (
    <Card id="retention" title="Retention and cycles" subtitle="Stored in settings.json in the data directory; applied at once.">
      <form className="settings-form" aria-label="Retention and cycles" noValidate onSubmit={(e) => void submit(e)}>
        {failure !== undefined && <ErrorBanner error={failure} compact />}
        {SETTING_KEYS.map((key) => {
          const field = FIELDS[key];
          const { min, max } = bounds(key);
          const error = errors[key];
          return (
            <div key={key} className="field settings-field">
              <label className="field-label" htmlFor={`${ids}-${key}`}>
                {field.label} ({field.unit})
              </label>
              <div className="input-with-unit">
                <input
                  id={`${ids}-${key}`}
                  className="input"
                  inputMode="numeric"
                  name={key}
                  value={draft[key]}
                  aria-invalid={error !== undefined}
                  aria-describedby={`${ids}-${key}-hint${error === undefined ? '' : ` ${ids}-${key}-error`}`}
                  onChange={(e) => {
                    setDraft({ ...draft, [key]: e.target.value });
                    if (error !== undefined) setErrors({ ...errors, [key]: undefined });
                  }}
                />
                <span className="muted small">{field.unit}</span>
              </div>
              {error !== undefined && (
                <p className="field-error" id={`${ids}-${key}-error`} role="alert">
                  {error}
                </p>
              )}
              <p className="field-hint" id={`${ids}-${key}-hint`}>
                {field.hint} <span className="faint">Allowed: {min.toLocaleString()}–{max.toLocaleString()}.</span>
              </p>
            </div>
          );
        })}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={state === 'saving' || !dirty}>
            Save settings
          </button>
          <button type="button" className="button button-secondary" disabled={!dirty} onClick={() => (setDraft(draftOf(settings)), setErrors({}))}>
            Discard changes
          </button>
          <span className="small muted" role="status">
            {state === 'saved' ? 'Saved.' : state === 'saving' ? 'Saving…' : ''}
          </span>
        </div>
      </form>
    </Card>
  );
}
