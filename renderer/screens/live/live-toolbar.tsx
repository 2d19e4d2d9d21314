/**
 * Follow newest / Pause and the counts, to the right of the filter bar.
 */

import { ICONS } from '../../components/icons.js';
import { formatCount } from '../../lib/format.js';

export interface LiveToolbarProps {
  readonly follow: boolean;
  readonly onFollow: (follow: boolean) => void;
  readonly paused: boolean;
  readonly onPause: (paused: boolean) => void;
  readonly pending: number;
  readonly loaded: number;
  readonly hasMore: boolean;
  readonly total: number | undefined;
  readonly filtered: boolean;
}

export function LiveToolbar(p: LiveToolbarProps) {
  return (
    <div className="live-toolbar">
      <button type="button" className="button button-small" aria-pressed={p.follow} onClick={() => p.onFollow(!p.follow)} title="Keep the newest request in view">
        {ICONS.arrowUp} Follow newest
      </button>
      <button type="button" className={`button button-small${p.paused ? " is-paused" : ""}`} onClick={() => p.onPause(!p.paused)} title="Stop adding new requests to the list (they are still logged)">
        {p.paused ? ICONS.play : ICONS.pause} {p.paused ? `Resume${p.pending > 0 ? ` (${formatCount(p.pending)} new)` : ''}` : 'Pause'}
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <span className="live-count muted" aria-live="off">
        {p.filtered ? `${formatCount(p.loaded)}${p.hasMore ? '+' : ''} matching` : p.total === undefined ? '' : `${formatCount(Math.max(p.total, p.loaded))} logged`}
      </span>
    </div>
  );
}
