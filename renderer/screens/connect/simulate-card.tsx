/**
 * "Run a simulated cycle" (issue 8): plays Entra's provisioning service against this monitor so the admin need not
 * wait ~40 minutes for Entra's next cycle (entra-behavior.md §5). The requests go through the listener like Entra's —
 * authenticated with an internal token, fault rules applied, logged — so Live, Cycles and Failures fill up as they
 * would for a real cycle.
 */

import { useId, useState, type FormEvent } from 'react';
import type { Status } from '../../../shared/api/admin-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { SimulateStartInput } from '../../../shared/api/schemas.js';
import type { PatchDialect } from '../../../shared/domain/operation.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { plural } from '../../lib/format.js';
import { SimulateResult } from './simulate-result.js';
import { useSimulation } from './use-simulation.js';

type NumberKey = 'users' | 'groups' | 'cycles';
const NUMBERS: readonly { key: NumberKey; label: string }[] = [
  { key: 'users', label: 'Users' },
  { key: 'groups', label: 'Groups' },
  { key: 'cycles', label: 'Cycles' },
];

const bounds = (key: NumberKey): { min: number; max: number } => {
  const schema = SimulateStartInput.shape[key];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
};

const range = (key: NumberKey): string => `${bounds(key).min} to ${bounds(key).max}`;

function valid(key: NumberKey, text: string): boolean {
  const { min, max } = bounds(key);
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= min && n <= max;
}

export function SimulateCard({ status }: { status: Status | undefined }) {
  const ids = useId();
  const simulation = useSimulation();
  const [draft, setDraft] = useState<Record<NumberKey, string>>({ users: '10', groups: '3', cycles: '1' });
  const [dialect, setDialect] = useState<PatchDialect>('default');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  const job = simulation.job;
  const running = job?.state === 'running';
  const invalid = NUMBERS.filter(({ key }) => !valid(key, draft[key])).map(({ key }) => key);
  const faults = status?.faults?.active ?? 0;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (invalid.length > 0 || running) return;
    setStarting(true);
    setFailure(await simulation.start({ users: Number(draft.users), groups: Number(draft.groups), cycles: Number(draft.cycles), dialect }));
    setStarting(false);
  };

  return (
    <Card id="simulate" title="Run a simulated cycle" subtitle="Entra's cycles come about every 40 minutes. Play one now: Test Connection, then match, create and update users and groups as Entra does.">
      <form className="simulate-form" aria-label="Run a simulated cycle" noValidate onSubmit={(e) => void submit(e)}>
        {NUMBERS.map(({ key, label }) => (
          <div key={key} className="field">
            <label className="field-label" htmlFor={`${ids}-${key}`}>
              {label}
            </label>
            <input
              id={`${ids}-${key}`}
              className="input simulate-number num"
              inputMode="numeric"
              value={draft[key]}
              disabled={running}
              aria-invalid={invalid.includes(key)}
              title={`A whole number from ${range(key)}`}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </div>
        ))}
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-dialect`}>
            PATCH dialect
          </label>
          <select id={`${ids}-dialect`} className="select" value={dialect} disabled={running} onChange={(e) => setDialect(e.target.value as PatchDialect)}>
            <option value="default">default (&quot;Replace&quot;, &quot;False&quot;)</option>
            <option value="aadOptscim062020">aadOptscim062020 (RFC-compliant)</option>
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={running || starting || invalid.length > 0}>
          {running ? 'Running…' : 'Run simulated cycle'}
        </button>
        {invalid.length > 0 && (
          <p className="field-error full" role="alert">
            {invalid.map((key) => `${NUMBERS.find((n) => n.key === key)!.label} must be a whole number from ${range(key)}.`).join(' ')}
          </p>
        )}
        <p className="field-hint full">
          Its requests carry an internal token labelled “Simulator (in-app)” and go through the listener like Entra's: they show up in Live (marked
          Simulator), Cycles and Health, but the setup steps and the next cycle expected count only Entra's own requests{faults > 0 ? '' : '.'}
          {faults > 0 && <strong className="inline-warning"> — and meet the {plural(faults, 'fault rule')} that {faults === 1 ? 'is' : 'are'} on.</strong>}
          {status?.upstream != null && <> In proxy mode they are relayed to {status.upstream.url}.</>}
        </p>
      </form>
      {failure !== null && <ErrorBanner error={failure} compact />}
      {job !== null && <SimulateResult job={job} onCancel={() => void simulation.cancel()} />}
    </Card>
  );
}
