/**
 * The words of a failure group's "What Entra will record" card when the app itself sent some or all of the group's
 * requests (Connect's simulator, Live's Replay: `FailureGroup.bySource`). Entra never saw those, so its
 * provisioning logs (entra-behavior.md §6) will not show them and it will not retry them (§4, §5.2); what Entra
 * *would* record for the same request still helps a rehearsal, so the card keeps it, labelled as such.
 */

import type { LogSource } from '../../../shared/api/log-types.js';
import type { FailureGroup } from '../../../shared/api/provisioning-types.js';

type AppSource = Exclude<LogSource, 'entra'>;
type BySource = FailureGroup['bySource'];

const APP_SOURCES: readonly AppSource[] = ['simulator', 'replay'];
const FROM: Readonly<Record<AppSource, string>> = {
  simulator: 'the in-app simulator (Connect → Run a simulated cycle)',
  replay: 'Replay in Live',
};
const SHORT: Readonly<Record<AppSource, string>> = { simulator: 'the simulator', replay: 'Replay' };
const AGAIN: Readonly<Record<AppSource, string>> = {
  simulator: 'run the simulated cycle again',
  replay: 'replay the request again from Live',
};

/** The app's senders that met the group, in a fixed order. */
export const appSenders = (bySource: BySource): AppSource[] => APP_SOURCES.filter((source) => bySource[source] > 0);

/** Entra sent none of the group's requests (within the screen's filters): its logs show none of them. */
export const sentOnlyByApp = (bySource: BySource): boolean => bySource.entra === 0 && appSenders(bySource).length > 0;

const fromWords = (bySource: BySource): string => appSenders(bySource).map((source) => FROM[source]).join(' and ');

/** The card's title: Entra "will" record only what Entra sent. */
export const recordTitle = (bySource: BySource): string => (sentOnlyByApp(bySource) ? 'What Entra would record' : 'What Entra will record');

/** The plain statement heading a group the app sent alone; null when Entra sent any of it. */
export function notFromEntraNotice(bySource: BySource): string | null {
  if (!sentOnlyByApp(bySource)) return null;
  return (
    `Entra did not send these requests: they came from ${fromWords(bySource)}, so Entra's provisioning logs will not show ` +
    'them and Entra will not retry them. Below is what Entra would record if it sent the same request.'
  );
}

/** For a group both Entra and the app met: how much of it Entra's logs leave out; null otherwise. */
export function partlyFromAppNote(bySource: BySource): string | null {
  const app = appSenders(bySource).reduce((sum, source) => sum + bySource[source], 0);
  if (app === 0 || bySource.entra === 0) return null;
  const total = app + bySource.entra;
  return `${app} of these ${total} requests came from ${fromWords(bySource)}, not Entra: Entra's provisioning logs show only its own ${bySource.entra}.`;
}

/** The State row of an unresolved group the app sent alone: Entra will not retry it, the app has to. */
export function unresolvedByAppText(bySource: BySource): string {
  const again = appSenders(bySource).map((source) => AGAIN[source]).join(', or ');
  return `Unresolved: no later attempt has succeeded yet. Entra will not retry requests it never sent: fix the cause, then ${again}.`;
}

/** The heading over the log text for the latest occurrence, by who sent that one. */
export function messageHeading(sampleSource: LogSource | undefined): string {
  if (sampleSource === undefined || sampleSource === 'entra') return "Entra's log message for the latest occurrence";
  return `What Entra would log for the latest occurrence, had Entra sent it (it came from ${SHORT[sampleSource]})`;
}

/** Who received the listener's answer to the latest occurrence, for the listener card. */
export const receiver = (sampleSource: LogSource | undefined): string => (sampleSource === undefined || sampleSource === 'entra' ? 'Entra' : SHORT[sampleSource]);
