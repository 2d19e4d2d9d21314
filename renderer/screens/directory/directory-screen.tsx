/**
 * Directory (design/screens.md): placeholder until the screen is built. Replace the body; keep the export name, which
 * app/screens.ts loads.
 */

import type { ScreenProps } from '../../app/screens.js';
import { PlaceholderScreen } from '../../components/placeholder-screen.js';

export function DirectoryScreen(_props: ScreenProps) {
  return <PlaceholderScreen title="Directory" summary="Users and groups as provisioned, the expected-users checklist, attribute coverage, and a timeline per identity." />;
}
