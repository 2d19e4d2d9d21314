/**
 * Settings (screens.md Screen 7): the listener and tunnel as launched, retention and cycle inference (the settings
 * the MonitorApi can change), fault injection, appearance, and where the data lives.
 */

import { useEffect } from 'react';
import { useScreenReady } from '../../app/screen-ready.js';
import type { ScreenProps } from '../../app/screens.js';
import { useStatus } from '../../app/status-context.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { useApi } from '../../hooks/use-api.js';
import { FaultRulesCard } from './fault-rules-card.js';
import { AboutCard, AppearanceCard, ListenerCard, TunnelCard } from './info-cards.js';
import { SettingsForm } from './settings-form.js';

export function SettingsScreen({ route }: ScreenProps) {
  const { status } = useStatus();
  const settings = useApi('settings.get', undefined);
  const ready = status !== undefined && settings.settled;
  useScreenReady(ready);
  // `#/settings?section=faults` (the status strip's "Fault injection on" link) opens on the fault rules.
  const section = route.query.section;
  useEffect(() => {
    if (ready && section !== undefined) document.getElementById(section)?.scrollIntoView({ block: 'start' });
  }, [ready, section]);

  return (
    <div className="page settings">
      <header className="page-head">
        <div>
          <h1>Settings</h1>
          <p>How this monitor listens, what it keeps, and how it infers cycles. Listener and tunnel are chosen when the monitor starts.</p>
        </div>
      </header>
      {settings.error !== undefined && settings.data === undefined && <ErrorBanner error={settings.error} onRetry={() => void settings.refetch()} />}
      <div className="settings-grid">
        <div className="settings-column">
          {settings.data !== undefined && <SettingsForm settings={settings.data} onSaved={() => void settings.refetch()} />}
          {status !== undefined && <ListenerCard status={status} />}
        </div>
        <div className="settings-column">
          {status !== undefined && <TunnelCard status={status} />}
          <AppearanceCard />
          {status !== undefined && <AboutCard status={status} />}
        </div>
        <div className="settings-wide">
          <FaultRulesCard />
        </div>
      </div>
    </div>
  );
}
