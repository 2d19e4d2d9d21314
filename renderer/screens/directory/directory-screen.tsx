/**
 * Directory (screens.md Screen 6): the users and groups as Entra left them in this app, the expected-users
 * checklist, attribute coverage, and one identity's page. `#/directory?tab=groups` picks a tab;
 * `#/directory/<userName or group name>` opens an identity.
 */

import type { ScreenProps } from '../../app/screens.js';
import { DirectoryOverview, isDirectoryTab } from './directory-overview.js';
import { IdentityPage } from './identity-page.js';

export function DirectoryScreen({ route }: ScreenProps) {
  const identity = route.params[0];
  if (identity !== undefined) return <IdentityPage key={identity} identity={identity} />;
  return <DirectoryOverview tab={isDirectoryTab(route.query.tab) ? route.query.tab : 'users'} />;
}
