/**
 * Who sent an exported exchange (LogRow.source, electron/api/log-source.ts), in the words every export format uses.
 * After a rehearsal the log holds the app's own traffic (Connect's simulated cycle, Live's Replay) beside Entra's,
 * and a report handed to a vendor or to Microsoft support must not pass a simulator failure off as Entra's.
 */

import type { LogSource } from '../../shared/api/log-types.js';

/** The words Live's chip uses (renderer/components/source-chip.tsx), so a report reads like the screen. */
export const SENT_BY: Readonly<Record<LogSource, string>> = { entra: 'Entra', simulator: 'Simulator', replay: 'Replay' };

/** The app's own senders, in the order reports list them. */
export const APP_SOURCES = ['simulator', 'replay'] as const satisfies readonly LogSource[];

/**
 * Graph's `initiator` (https://learn.microsoft.com/en-us/graph/api/resources/initiator?view=graph-rest-1.0):
 * `initiatorType` is one of user, application, system, unknownFutureValue. Entra's own rows name its provisioning
 * service as `system` (entra-behavior.md §6.2). The app's rows were sent by this application with its own internal
 * token, whoever clicked the button (the log does not know who), hence `application`.
 */
export interface GraphInitiator {
  readonly id: string;
  readonly displayName: string;
  readonly initiatorType: 'system' | 'application';
}

const ENTRA_INITIATOR: GraphInitiator = { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' };

export function graphInitiator(source: LogSource): GraphInitiator {
  if (source === 'entra') return ENTRA_INITIATOR;
  return { id: '', displayName: `Provisioning Monitor ${SENT_BY[source]}`, initiatorType: 'application' };
}
