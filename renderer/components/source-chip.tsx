/**
 * Marks a logged request the monitor sent itself (Connect's simulator, Live's Replay), so a rehearsal is never
 * mistaken for Entra's own traffic. Entra's requests get no chip: they are the norm the list is about.
 */

import type { ReactNode } from 'react';
import type { LogSource } from '../../shared/api/log-types.js';
import { ICONS } from './icons.js';

type AppSource = Exclude<LogSource, 'entra'>;

interface SourceText {
  readonly label: string;
  /** Shown instead of the label in a narrow column; null leaves only the icon. */
  readonly short: string | null;
  readonly icon: ReactNode;
  readonly title: string;
  readonly sentence: string;
}

const SOURCE: Readonly<Record<AppSource, SourceText>> = {
  simulator: {
    label: 'Simulator',
    short: 'Sim',
    icon: null,
    title: "Sent by this monitor's simulator (Connect → Run a simulated cycle), not by Entra",
    sentence: "This monitor's simulator (Connect → Run a simulated cycle), not Entra",
  },
  // The ↻ mark replays have always carried in the list (README, Replay).
  replay: { label: 'Replay', short: null, icon: ICONS.replay, title: "Re-sent by this monitor's Replay (Live), not by Entra", sentence: "This monitor's Replay, not Entra" },
};

/** In a narrow list column the short form shows instead (styles/badges.css), so the operation keeps its room. */
export function SourceChip({ source }: { source: LogSource }) {
  if (source === 'entra') return null;
  const { label, short, icon, title } = SOURCE[source];
  return (
    <span className={`chip chip-source chip-source-${source}`} title={title} data-source={source}>
      {icon}
      <span className="chip-source-long">{label}</span>
      <span className="chip-source-short">{short ?? <span className="visually-hidden">{label}</span>}</span>
    </span>
  );
}

/** Who sent the request, for the detail pane; null for Entra's (or anything else from outside the app). */
export const sourceSentence = (source: LogSource): string | null => (source === 'entra' ? null : SOURCE[source].sentence);
