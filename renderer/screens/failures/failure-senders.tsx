/**
 * Who sent a failure group's requests. The app's own (Connect's simulator, Live's Replay) carry the chip Live gives
 * them, so a rehearsal's failures are never read as Entra's; Entra's get none, as in Live, since they are the norm.
 */

import type { LogSource } from '../../../shared/api/log-types.js';
import type { FailureGroup } from '../../../shared/api/provisioning-types.js';
import { SourceChip } from '../../components/source-chip.js';
import { formatCount } from '../../lib/format.js';

const ORDER: readonly LogSource[] = ['entra', 'simulator', 'replay'];
const NAMES: Readonly<Record<LogSource, string>> = { entra: 'Entra', simulator: 'Simulator', replay: 'Replay' };

/** "Entra 2 · Simulator 1": every sender that met the group, with its count. */
export function sendersText(bySource: FailureGroup['bySource']): string {
  return ORDER.filter((source) => bySource[source] > 0)
    .map((source) => `${NAMES[source]} ${formatCount(bySource[source])}`)
    .join(' · ');
}

/** A chip per app sender that met the group; nothing when Entra sent all of it. */
export function SenderChips({ group }: { group: FailureGroup }) {
  const app = ORDER.filter((source) => source !== 'entra' && group.bySource[source] > 0);
  if (app.length === 0) return null;
  return (
    <span className="failure-senders" data-senders={app.join(' ')}>
      {app.map((source) => (
        <SourceChip key={source} source={source} />
      ))}
    </span>
  );
}
