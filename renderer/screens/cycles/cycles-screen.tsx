/**
 * Cycles (design/screens.md): placeholder until the screen is built. Replace the body; keep the export name, which
 * app/screens.ts loads.
 */

import type { ScreenProps } from '../../app/screens.js';
import { PlaceholderScreen } from '../../components/placeholder-screen.js';

export function CyclesScreen(_props: ScreenProps) {
  return <PlaceholderScreen title="Cycles" summary="Requests per minute by status with inferred cycle bands, the cycle list, and progress counted in your expected users (“4 of 5 processed; carol pending”)." />;
}
