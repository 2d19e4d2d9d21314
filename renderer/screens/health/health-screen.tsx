/**
 * Health (design/screens.md): placeholder until the screen is built. Replace the body; keep the export name, which
 * app/screens.ts loads.
 */

import type { ScreenProps } from '../../app/screens.js';
import { PlaceholderScreen } from '../../components/placeholder-screen.js';

export function HealthScreen(_props: ScreenProps) {
  return <PlaceholderScreen title="Health" summary="A quarantine-style status card with the reason and the next action, success rate and latency per cycle, and the auth panel." />;
}
