/**
 * Failures (design/screens.md): placeholder until the screen is built. Replace the body; keep the export name, which
 * app/screens.ts loads.
 */

import type { ScreenProps } from '../../app/screens.js';
import { PlaceholderScreen } from '../../components/placeholder-screen.js';

export function FailuresScreen(_props: ScreenProps) {
  return <PlaceholderScreen title="Failures" summary="Failures grouped by signature, with the Entra error code Entra will likely record, its meaning and the recommended action, and the failure report export." />;
}
