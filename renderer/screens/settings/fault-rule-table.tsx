/**
 * The fault rules in the order they are tried (the first that fires decides), each with what it matches, how it
 * answers, and how many requests it matched and answered since it was set.
 */

import type { FaultRuleSpec, FaultRuleState } from '../../../shared/api/fault-types.js';
import { Badge, HttpStatusBadge } from '../../components/badge.js';
import { Table } from '../../components/table.js';
import { formatCount } from '../../lib/format.js';

export function describeMatch(rule: FaultRuleSpec): string {
  const { method, operation, path, identity } = rule.match;
  const parts = [method, operation, path, identity].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? 'Every request' : parts.join(' · ');
}

function describeLimit(rule: FaultRuleSpec): string {
  const parts = [
    ...(rule.count === undefined ? [] : [`at most ${formatCount(rule.count)}`]),
    ...(rule.probability === undefined ? [] : [`${Math.round(rule.probability * 1000) / 10} % chance`]),
  ];
  return parts.length === 0 ? 'every time' : parts.join(', ');
}

function Answer({ rule }: { rule: FaultRuleSpec }) {
  const { respond, latencyMs } = rule;
  return (
    <span className="fault-answer">
      {respond !== undefined && <HttpStatusBadge status={respond.status} />}
      {respond?.retryAfter !== undefined && <span className="small">Retry-After {respond.retryAfter} s</span>}
      {respond?.scimType !== undefined && <span className="small mono">{respond.scimType}</span>}
      {latencyMs !== undefined && latencyMs > 0 && <span className="small">{respond === undefined ? 'delayed' : 'after'} {formatCount(latencyMs)} ms</span>}
    </span>
  );
}

export function FaultRuleTable({ rules, busy, onEdit, onDelete }: { rules: readonly FaultRuleState[]; busy: boolean; onEdit: (index: number) => void; onDelete: (index: number) => void }) {
  return (
    <Table label="Fault rules" className="fault-table">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Matches</th>
          <th scope="col">Answer</th>
          <th scope="col">Limit</th>
          <th scope="col" className="num">
            Matched
          </th>
          <th scope="col" className="num">
            Applied
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map(({ rule, matched, applied, exhausted }, index) => (
          <tr key={rule.name} data-rule={rule.name}>
            <th scope="row" className="mono strong fault-name">
              {rule.name} {exhausted && <Badge tone="neutral" title="Its count is used up: it fires no more until it is saved again.">used up</Badge>}
            </th>
            <td className="small mono wrap">{describeMatch(rule)}</td>
            <td>
              <Answer rule={rule} />
            </td>
            <td className="small">{describeLimit(rule)}</td>
            <td className="num">{formatCount(matched)}</td>
            <td className="num strong">{formatCount(applied)}</td>
            <td className="fault-actions">
              <button type="button" className="button button-small" disabled={busy} aria-label={`Edit ${rule.name}`} onClick={() => onEdit(index)}>
                Edit
              </button>
              <button type="button" className="button button-small button-danger" disabled={busy} aria-label={`Delete ${rule.name}`} onClick={() => onDelete(index)}>
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
