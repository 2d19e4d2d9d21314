/**
 * One labelled input of the fault-rule form, with its hint and, when the monitor refused it, the monitor's own
 * message next to it (marked invalid for screen readers, as in the retention form).
 */

import type { ReactNode } from 'react';
import type { DraftErrors, DraftField, FaultDraft } from './fault-rule-draft.js';

export interface FieldContext {
  readonly ids: string;
  readonly draft: FaultDraft;
  readonly errors: DraftErrors;
  readonly change: (field: DraftField, value: string) => void;
  readonly disabled?: boolean;
}

export const fieldId = (ids: string, field: DraftField): string => `${ids}-${field}`;

function Shell({ ctx, field, label, hint, children }: { ctx: FieldContext; field: DraftField; label: string; hint?: string; children: ReactNode }) {
  const error = ctx.errors[field];
  return (
    <div className={`field fault-field fault-field-${field}`}>
      <label className="field-label" htmlFor={fieldId(ctx.ids, field)}>
        {label}
      </label>
      {children}
      {error !== undefined && (
        <p className="field-error" id={`${fieldId(ctx.ids, field)}-error`} role="alert">
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p className="field-hint" id={`${fieldId(ctx.ids, field)}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

const described = (ctx: FieldContext, field: DraftField, hint: boolean): string | undefined =>
  [hint ? `${fieldId(ctx.ids, field)}-hint` : '', ctx.errors[field] === undefined ? '' : `${fieldId(ctx.ids, field)}-error`].filter(Boolean).join(' ') || undefined;

export function TextField({ ctx, field, label, hint, placeholder, numeric = false }: { ctx: FieldContext; field: DraftField; label: string; hint?: string; placeholder?: string; numeric?: boolean }) {
  return (
    <Shell ctx={ctx} field={field} label={label} {...(hint === undefined ? {} : { hint })}>
      <input
        id={fieldId(ctx.ids, field)}
        className="input"
        value={ctx.draft[field]}
        placeholder={placeholder}
        inputMode={numeric ? 'decimal' : undefined}
        disabled={ctx.disabled}
        aria-invalid={ctx.errors[field] !== undefined}
        aria-describedby={described(ctx, field, hint !== undefined)}
        onChange={(e) => ctx.change(field, e.target.value)}
      />
    </Shell>
  );
}

export function SelectField({ ctx, field, label, options, hint }: { ctx: FieldContext; field: DraftField; label: string; options: readonly (readonly [string, string])[]; hint?: string }) {
  return (
    <Shell ctx={ctx} field={field} label={label} {...(hint === undefined ? {} : { hint })}>
      <select
        id={fieldId(ctx.ids, field)}
        className="select"
        value={ctx.draft[field]}
        disabled={ctx.disabled}
        aria-invalid={ctx.errors[field] !== undefined}
        aria-describedby={described(ctx, field, hint !== undefined)}
        onChange={(e) => ctx.change(field, e.target.value)}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Shell>
  );
}
