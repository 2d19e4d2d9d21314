/**
 * Expected users and groups (checklist step 3): paste UPNs, or import the CSV of Entra's "Users and groups" blade.
 * The list powers "who arrived" on every screen; Directory shows the full checklist.
 */

import { useEffect, useId, useState } from 'react';
import type { ScopeEntry, ScopeReport, ScopeState } from '../../../shared/api/provisioning-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { getBackend } from '../../api/client.js';
import { Badge, type Tone } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ProgressBar } from '../../components/progress-bar.js';

const GROUP_PREFIX = 'group:';
const SHOWN = 8;

const STATE_TONE: Readonly<Record<ScopeState, Tone>> = {
  'Not seen': 'neutral',
  'Matched only': 'info',
  Created: 'success',
  Updated: 'success',
  Disabled: 'warning',
  Deleted: 'neutral',
  Failed: 'danger',
};

/** States in which the identity exists in the app (as Entra left it). */
const ARRIVED = new Set<ScopeState>(['Created', 'Updated', 'Disabled']);

const toText = (entries: readonly ScopeEntry[]): string => entries.map((e) => (e.kind === 'group' ? `${GROUP_PREFIX} ${e.value}` : e.value)).join('\n');

/** One entry per line (commas and semicolons also split users); `group: Name` marks a group. */
export function parseScopeText(text: string): { value: string; kind: 'user' | 'group' }[] {
  const entries: { value: string; kind: 'user' | 'group' }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.toLowerCase().startsWith(GROUP_PREFIX)) {
      const name = trimmed.slice(GROUP_PREFIX.length).trim();
      if (name !== '') entries.push({ value: name, kind: 'group' });
      continue;
    }
    for (const part of trimmed.split(/[,;]/)) if (part.trim() !== '') entries.push({ value: part.trim(), kind: 'user' });
  }
  return entries;
}

export function ScopeCard({ scope, onChanged }: { scope: ScopeReport | undefined; onChanged: () => void }) {
  const ids = useId();
  const [text, setText] = useState('');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const entries = scope?.entries ?? [];
  useEffect(() => {
    if (!dirty && scope !== undefined) setText(toText(scope.entries));
  }, [scope, dirty]);

  const run = async (call: () => ReturnType<ReturnType<typeof getBackend>['call']>) => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setDirty(false);
    onChanged();
  };
  const save = () => void run(() => getBackend().call('scope.set', { entries: parseScopeText(text) }));
  const importCsv = (file: File) => void file.text().then((csv) => run(() => getBackend().call('scope.importCsv', { csv })));

  return (
    <Card id="expected" title="Expected users and groups" subtitle="The users and groups you assigned in Entra, so the monitor can tell you which ones arrived.">
      {error !== undefined && <ErrorBanner error={error} compact />}
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-text`}>
          One per line: user principal names or emails; prefix groups with <code>group:</code>
        </label>
        <textarea
          id={`${ids}-text`}
          className="textarea"
          rows={5}
          spellCheck={false}
          placeholder={'alice@contoso.com\nbob@contoso.com\ngroup: Sales'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setDirty(true);
          }}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={busy || !dirty} onClick={save}>
          Save expected list
        </button>
        <label className="button button-secondary file-button">
          Import CSV from Entra…
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) importCsv(file);
              e.target.value = '';
            }}
          />
        </label>
        <span className="muted small">Entra → Enterprise app → Users and groups → Download.</span>
      </div>
      {entries.length > 0 && (
        <div className="scope-progress">
          <ProgressBar
            label="Arrived in the app"
            value={entries.filter((e) => ARRIVED.has(e.state)).length}
            max={entries.length}
            detail={`${entries.filter((e) => ARRIVED.has(e.state)).length} of ${entries.length}`}
          />
        </div>
      )}
      {entries.length > 0 && (
        <ul className="scope-list" aria-label="Expected identities and what Entra did">
          {entries.slice(0, SHOWN).map((entry) => (
            <li key={`${entry.kind}:${entry.value}`}>
              <span className="truncate" title={entry.reason ?? undefined}>
                {entry.kind === 'group' && <span className="muted">Group · </span>}
                {entry.value}
              </span>
              <Badge tone={STATE_TONE[entry.state]}>{entry.state}</Badge>
            </li>
          ))}
          {entries.length > SHOWN && <li className="muted">and {entries.length - SHOWN} more (see Directory)</li>}
        </ul>
      )}
      {scope !== undefined && scope.unexpected.length > 0 && (
        <p className="small inline-warning">
          Entra also sent {scope.unexpected.length} identities not on this list (is Scope set to “Sync all users and groups”?).
        </p>
      )}
    </Card>
  );
}
