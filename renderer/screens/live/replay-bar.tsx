/**
 * The detail pane's replay row: "Replay" and "Edit & replay" (ngrok's inspector offers both), then the link both
 * ways: "Replay of #N" on a replayed exchange, and the replays of this one on the original.
 *
 * Replaying is how an admin retries a failed request now, after fixing its cause, instead of waiting ~40 minutes for
 * Entra's next cycle to retry it from escrow (entra-behavior.md §4, §5.2).
 */

import type { ExchangeDetail } from '../../../shared/api/log-types.js';
import { HttpStatusBadge } from '../../components/badge.js';
import { ICONS } from '../../components/icons.js';
import { formatClock } from '../../lib/format.js';

export interface ReplayBarProps {
  readonly detail: ExchangeDetail;
  readonly editing: boolean;
  readonly sending: boolean;
  readonly onReplay: () => void;
  readonly onEdit: () => void;
  /** The Live link of a logged request (keeps the current filter). */
  readonly hrefFor: (id: number) => string;
}

export function ReplayBar({ detail, editing, sending, onReplay, onEdit, hrefFor }: ReplayBarProps) {
  const more = detail.replays.length;
  return (
    <div className="replay-bar">
      <div className="replay-buttons">
        <button type="button" className="button button-small" disabled={sending || editing} onClick={onReplay} title="Send this request to the listener again, as it was">
          {ICONS.replay} {sending && !editing ? 'Replaying…' : 'Replay'}
        </button>
        <button type="button" className="button button-small" aria-pressed={editing} disabled={sending && !editing} onClick={onEdit} title="Change the method, path, headers or body, then send">
          {ICONS.edit} Edit &amp; replay
        </button>
      </div>
      <div className="replay-links">
        {detail.replayOf !== null && (
          <span className="replay-of" data-testid="replay-of">
            {ICONS.replay} Replay of <a href={hrefFor(detail.replayOf)}>#{detail.replayOf}</a>
          </span>
        )}
        {more > 0 && (
          <nav className="replays" aria-label="Replays of this request" data-testid="replays">
            <span className="muted">Replayed:</span>
            <ul>
              {detail.replays.map((replay) => (
                <li key={replay.id}>
                  <a href={hrefFor(replay.id)} title={`Replay #${replay.id} at ${formatClock(replay.ts)}: ${replay.outcome}`}>
                    #{replay.id}
                  </a>{' '}
                  <HttpStatusBadge status={replay.status} />
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </div>
  );
}
