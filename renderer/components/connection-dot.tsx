/**
 * The live-connection dot (webhook.site's indicator): green when events flow, amber while reconnecting.
 */

import type { ConnectionState } from '../api/backend.js';
import { useConnection } from '../hooks/use-events.js';

const TEXT: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — retrying',
};

export function ConnectionDot({ showLabel = true }: { showLabel?: boolean }) {
  const { state } = useConnection();
  return (
    <span className={`connection connection-${state}`} data-connection={state} title={`Live updates: ${TEXT[state]}`}>
      <span className="connection-dot" aria-hidden="true" />
      {showLabel ? <span>{TEXT[state]}</span> : <span className="visually-hidden">Live updates: {TEXT[state]}</span>}
    </span>
  );
}
