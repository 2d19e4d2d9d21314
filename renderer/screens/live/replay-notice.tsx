/**
 * What a replay came to, shown above the new exchange it was logged as: the listener's answer, how it
 * authenticated, and anything the admin should know about what was sent (a "[redacted]" password, for one).
 */

import type { ReplayAuth, ReplayResult } from '../../../shared/api/replay-types.js';
import { HttpStatusBadge } from '../../components/badge.js';
import { ICONS } from '../../components/icons.js';
import { reasonPhrase } from './wire-text.js';

const AUTH: Readonly<Record<ReplayAuth, string>> = {
  'replay-token': "with the monitor's own replay token",
  edited: 'with the Authorization you typed',
  none: 'without an Authorization header',
};

export function ReplayNotice({ result, onDismiss }: { result: ReplayResult; onDismiss: () => void }) {
  const tone = result.warnings.length > 0 || result.id === null ? 'banner-warning' : 'banner-info';
  return (
    <div className={`banner ${tone} replay-notice`} role="status" data-testid="replay-notice">
      <div className="banner-text">
        <p>
          <strong>Replayed #{result.replayOf}</strong> {AUTH[result.auth]}: the listener answered <HttpStatusBadge status={result.status} />{' '}
          {reasonPhrase(result.status)}
          {result.id !== null && <>, logged as #{result.id} (shown below)</>}.
        </p>
        {result.warnings.map((warning) => (
          <p key={warning} className="inline-warning">
            {warning}
          </p>
        ))}
      </div>
      <button type="button" className="button button-subtle icon-button" aria-label="Dismiss the replay result" title="Dismiss" onClick={onDismiss}>
        {ICONS.close}
      </button>
    </div>
  );
}
