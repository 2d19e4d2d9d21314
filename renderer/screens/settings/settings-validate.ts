/**
 * Validation of the editable settings, with the bounds read from the MonitorApi's own schema (SettingsUpdate), so
 * the form refuses exactly what the monitor would refuse and says so next to the field, in words.
 */

import type { Settings } from '../../../shared/api/admin-types.js';
import { SettingsUpdate } from '../../../shared/api/schemas.js';

export type SettingKey = keyof Settings;
export type FieldErrors = Partial<Record<SettingKey, string>>;
export type Draft = Record<SettingKey, string>;

export const SETTING_KEYS: readonly SettingKey[] = ['retentionDays', 'maxDatabaseMb', 'cycleIdleGapMinutes'];

export function bounds(key: SettingKey): { min: number; max: number } {
  const schema = SettingsUpdate.shape[key].unwrap();
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export const draftOf = (settings: Settings): Draft => ({
  retentionDays: String(settings.retentionDays),
  maxDatabaseMb: String(settings.maxDatabaseMb),
  cycleIdleGapMinutes: String(settings.cycleIdleGapMinutes),
});

/** The draft as numbers, or the first problem with each field. */
export function validate(draft: Draft): { ok: true; value: Settings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const value: Partial<Record<SettingKey, number>> = {};
  for (const key of SETTING_KEYS) {
    const text = draft[key].trim();
    const { min, max } = bounds(key);
    if (!/^\d+$/.test(text)) {
      errors[key] = text === '' ? 'Enter a number.' : `Enter a whole number from ${min.toLocaleString()} to ${max.toLocaleString()}.`;
      continue;
    }
    const n = Number(text);
    if (n < min) errors[key] = `Must be at least ${min.toLocaleString()}.`;
    else if (n > max) errors[key] = `Must be ${max.toLocaleString()} or less.`;
    else value[key] = n;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The contract's schema has the last word (a rule added there is enforced here too).
  const parsed = SettingsUpdate.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === 'string' && (SETTING_KEYS as readonly string[]).includes(key)) errors[key as SettingKey] ??= issue.message;
    }
    return { ok: false, errors };
  }
  return { ok: true, value: value as Settings };
}

/** The field a monitor's refusal names ("Invalid input for settings.update at retentionDays: …"), if any. */
export function fieldOfServerError(message: string): SettingKey | null {
  return SETTING_KEYS.find((key) => message.includes(key)) ?? null;
}
