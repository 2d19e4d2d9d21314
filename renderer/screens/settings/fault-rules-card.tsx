/**
 * Fault injection (screens.md Screen 7 "Response behaviour"; issue 8): the rules the listener answers with errors or
 * delays, to rehearse how Entra retries, escrows and quarantines (entra-behavior.md §4, §9). Edits apply to the next
 * request. Saved rules stay on after a restart, so this card — and the status strip on every screen — says loudly
 * when any is on: a forgotten 401 or 500 rule gets a real Entra job quarantined.
 */

import { useState } from 'react';
import type { FaultRuleSpec } from '../../../shared/api/fault-types.js';
import type { ApiError } from '../../../shared/api/result.js';
import { href } from '../../app/router.js';
import { Badge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { plural } from '../../lib/format.js';
import { draftOf, EMPTY_DRAFT, type FaultDraft } from './fault-rule-draft.js';
import { FaultFileHelp } from './fault-file-help.js';
import { FaultRuleForm } from './fault-rule-form.js';
import { FaultRuleTable } from './fault-rule-table.js';
import { FAULT_PRESETS, freeName } from './fault-presets.js';
import { useFaultRules } from './use-fault-rules.js';

interface Editing {
  readonly key: number;
  /** Where the rule goes: an existing rule's index, or the end of the list for a new one. */
  readonly index: number;
  readonly title: string;
  readonly initial: FaultDraft;
  readonly why?: string;
}

export function FaultRulesCard() {
  const faults = useFaultRules();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const state = faults.data;
  const rules: FaultRuleSpec[] = (state?.rules ?? []).map((r) => r.rule);
  const names = rules.map((r) => r.name);
  const saved = state?.persisted === false ? 'Applied for this run (not saved).' : 'Saved. The next request sees it.';

  const open = (index: number, title: string, initial: FaultDraft, why?: string): void => {
    setNote('');
    setEditing({ key: Date.now(), index, title, initial, ...(why === undefined ? {} : { why }) });
  };
  const saveRule = async (index: number, rule: FaultRuleSpec): Promise<ApiError | null> => {
    const next = index >= rules.length ? [...rules, rule] : rules.map((r, i) => (i === index ? rule : r));
    const result = await faults.save(next);
    if (!result.ok) return result.error;
    setEditing(null);
    setNote(saved);
    return null;
  };
  const run = async (action: () => ReturnType<typeof faults.clear>, done: string): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    const result = await action();
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setEditing(null);
    setNote(done);
  };

  const active = state?.active ?? 0;
  return (
    <Card
      id="faults"
      title="Fault injection"
      subtitle="Answer chosen requests with errors or delays, to see how Entra retries, escrows and quarantines."
      aside={state !== undefined && <Badge tone={active > 0 ? 'danger' : 'neutral'}>{active > 0 ? `On: ${plural(active, 'rule')}` : 'Off'}</Badge>}
    >
      {faults.error !== undefined && state === undefined && <ErrorBanner error={faults.error} compact onRetry={() => void faults.refetch()} />}
      {failure !== undefined && <ErrorBanner error={failure} compact />}
      {state?.problem != null && (
        <div className="banner banner-warning banner-compact fault-banner" role="alert">
          <div className="banner-text">{state.problem}</div>
        </div>
      )}
      {state?.source === 'file' && (
        <div className="banner banner-info banner-compact fault-banner">
          <div className="banner-text">
            These rules came from <span className="mono">{state.file}</span> (<code>serve --faults</code>) and last for this run only. Changes here apply at once but
            are not saved; the saved rules are back at the next start without the file.
          </div>
        </div>
      )}
      {active > 0 && state?.persisted === true && (
        <div className="banner banner-warning banner-compact fault-banner" data-testid="faults-on-warning">
          <div className="banner-text">
            <strong>These rules answer Entra's real requests too, and stay on after a restart.</strong> Repeated 401s or 5xx get the provisioning job quarantined
            (entra-behavior.md §9): turn them off when the rehearsal is over.
          </div>
        </div>
      )}
      {state === undefined ? (
        <p className="muted small">…</p>
      ) : rules.length === 0 ? (
        <p className="muted fault-empty">No fault rules: every request gets the listener's own answer.</p>
      ) : (
        <FaultRuleTable
          rules={state.rules}
          busy={busy || editing !== null}
          onEdit={(i) => open(i, `Edit rule “${rules[i]!.name}”`, draftOf(rules[i]!))}
          onDelete={(i) => void run(() => faults.save(rules.filter((_, j) => j !== i)), `Deleted “${rules[i]!.name}”.`)}
        />
      )}
      <div className="fault-toolbar" role="group" aria-label="Add fault rules">
        <button type="button" className="button button-primary" disabled={state === undefined || editing !== null} onClick={() => open(rules.length, 'Add a rule', EMPTY_DRAFT)}>
          Add rule
        </button>
        <span className="small muted">Presets:</span>
        {FAULT_PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            className="button button-small"
            title={preset.why}
            disabled={state === undefined || editing !== null}
            onClick={() => open(rules.length, `Add “${preset.label}”`, draftOf({ ...preset.rule, name: freeName(preset.rule.name, names) }), preset.why)}
          >
            {preset.label}
          </button>
        ))}
        <span className="fault-toolbar-spacer" />
        <button type="button" className="button button-danger" disabled={busy || rules.length === 0} onClick={() => void run(faults.clear, 'All fault rules are off.')}>
          Turn all off
        </button>
      </div>
      {editing !== null && (
        <FaultRuleForm
          key={editing.key}
          title={editing.title}
          initial={editing.initial}
          index={editing.index}
          {...(editing.why === undefined ? {} : { why: editing.why })}
          onSave={(rule) => saveRule(editing.index, rule)}
          onCancel={() => setEditing(null)}
        />
      )}
      <p className="small muted settings-note" role="status">
        {note}
      </p>
      <p className="small muted settings-note">
        Rules are tried in order; the first that fires decides. They apply to authenticated requests only (a bad token is still a real 401), never touch the
        directory, and are marked in Live (<a href={href('live', [], { q: 'fault:yes' })}>fault:yes</a>).
      </p>
      <FaultFileHelp />
    </Card>
  );
}
