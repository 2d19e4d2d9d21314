/**
 * "1–100 of 2,345" with Previous / Next, for offset-paged lists (the Directory's users and groups).
 */

import { formatCount } from '../lib/format.js';

export function Pager({ offset, pageSize, total, onOffset, label }: { offset: number; pageSize: number; total: number; onOffset: (offset: number) => void; label: string }) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + pageSize);
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <span className="pager-range muted" aria-live="polite">
        {total === 0 ? 'None' : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`}
      </span>
      <button type="button" className="button button-small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Previous
      </button>
      <button type="button" className="button button-small" disabled={last >= total} onClick={() => onOffset(offset + pageSize)}>
        Next
      </button>
    </nav>
  );
}
