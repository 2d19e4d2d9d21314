/**
 * The Failures screen's "What Entra will record" card for groups the app sent itself: Entra never saw them, so the
 * card says so plainly and labels the rest as what Entra would record; Entra's own groups read as before.
 */

import { describe, expect, it } from 'vitest';
import {
  messageHeading,
  notFromEntraNotice,
  partlyFromAppNote,
  receiver,
  recordTitle,
  sentOnlyByApp,
  unresolvedByAppText,
} from '../../../renderer/screens/failures/entra-record-text.js';

const ENTRA = { entra: 3, simulator: 0, replay: 0 };
const SIMULATOR = { entra: 0, simulator: 4, replay: 0 };
const APP = { entra: 0, simulator: 2, replay: 1 };
const MIXED = { entra: 1, simulator: 0, replay: 2 };

describe('the Entra record card for a group', () => {
  it('sent by Entra: reads as Entra will record it, with no notice', () => {
    expect(sentOnlyByApp(ENTRA)).toBe(false);
    expect(recordTitle(ENTRA)).toBe('What Entra will record');
    expect(notFromEntraNotice(ENTRA)).toBeNull();
    expect(partlyFromAppNote(ENTRA)).toBeNull();
    expect(messageHeading('entra')).toBe("Entra's log message for the latest occurrence");
    expect(receiver('entra')).toBe('Entra');
  });

  it('sent by the simulator alone: says Entra did not send it, and what Entra would record', () => {
    expect(sentOnlyByApp(SIMULATOR)).toBe(true);
    expect(recordTitle(SIMULATOR)).toBe('What Entra would record');
    expect(notFromEntraNotice(SIMULATOR)).toBe(
      "Entra did not send these requests: they came from the in-app simulator (Connect → Run a simulated cycle), so Entra's provisioning logs will not show " +
        'them and Entra will not retry them. Below is what Entra would record if it sent the same request.',
    );
    expect(unresolvedByAppText(SIMULATOR)).toBe(
      'Unresolved: no later attempt has succeeded yet. Entra will not retry requests it never sent: fix the cause, then run the simulated cycle again.',
    );
    expect(messageHeading('simulator')).toBe('What Entra would log for the latest occurrence, had Entra sent it (it came from the simulator)');
    expect(receiver('simulator')).toBe('the simulator');
  });

  it('sent by the simulator and Replay: names both', () => {
    expect(notFromEntraNotice(APP)).toContain('they came from the in-app simulator (Connect → Run a simulated cycle) and Replay in Live,');
    expect(unresolvedByAppText(APP)).toContain('then run the simulated cycle again, or replay the request again from Live.');
  });

  it('met by Entra and the app: stays Entra’s card, with the app’s share set apart', () => {
    expect(sentOnlyByApp(MIXED)).toBe(false);
    expect(recordTitle(MIXED)).toBe('What Entra will record');
    expect(partlyFromAppNote(MIXED)).toBe("2 of these 3 requests came from Replay in Live, not Entra: Entra's provisioning logs show only its own 1.");
    expect(messageHeading('replay')).toContain('had Entra sent it (it came from Replay)');
  });

  it('with no failures counted (never shown) claims nothing', () => {
    const none = { entra: 0, simulator: 0, replay: 0 };
    expect(sentOnlyByApp(none)).toBe(false);
    expect(notFromEntraNotice(none)).toBeNull();
    expect(partlyFromAppNote(none)).toBeNull();
  });
});
