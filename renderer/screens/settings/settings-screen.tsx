/**
 * Settings (design/screens.md): placeholder until the screen is built. Replace the body; keep the export name, which
 * app/screens.ts loads.
 */

import type { ScreenProps } from '../../app/screens.js';
import { PlaceholderScreen } from '../../components/placeholder-screen.js';

export function SettingsScreen(_props: ScreenProps) {
  return <PlaceholderScreen title="Settings" summary="Listener, tunnel, cycle idle gap, retention and appearance." />;
}
