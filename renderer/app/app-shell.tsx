/**
 * The frame around every screen: left rail, status strip, and the screen the hash names.
 *
 * It owns the `data-app-state` signal: "ready" once the status and the screen's first data have loaded.
 */

import { Suspense, useCallback, useEffect, useState } from 'react';
import { NavRail } from './nav-rail.js';
import { navigate, useRoute } from './router.js';
import { ScreenReadyContext } from './screen-ready.js';
import { SCREENS } from './screens.js';
import { StatusProvider, useStatus } from './status-context.js';
import { StatusStrip } from './status-strip.js';

function Frame() {
  const route = useRoute();
  const { status } = useStatus();
  const [readyScreen, setReadyScreen] = useState<string | null>(null);
  const screen = SCREENS.find((s) => s.name === route.screen) ?? SCREENS[1];

  useEffect(() => {
    // No screen in the address: a monitor that has seen no traffic starts on Connect, otherwise on Live.
    if (!route.explicit && status !== undefined) navigate(status.requestCount === 0 ? '#/connect' : '#/live', { replace: true });
  }, [route.explicit, status]);

  useEffect(() => {
    document.title = `${screen?.label ?? 'Provisioning Monitor'} · Provisioning Monitor`;
  }, [screen]);

  const name = screen?.name ?? 'live';
  const setReady = useCallback((ready: boolean) => setReadyScreen((current) => (ready ? name : current === name ? null : current)), [name]);
  const ready = status !== undefined && readyScreen === name;
  const Screen = screen?.component;

  return (
    <div className="app" data-app-state={ready ? 'ready' : 'loading'} data-screen={name}>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <NavRail current={name} />
      <div className="main-column">
        <StatusStrip />
        <main id="main" className="screen" tabIndex={-1} aria-label={screen?.label}>
          <ScreenReadyContext.Provider value={setReady}>
            <Suspense fallback={<div className="screen-loading" aria-busy="true" />}>{Screen !== undefined && <Screen key={name} route={route} />}</Suspense>
          </ScreenReadyContext.Provider>
        </main>
      </div>
    </div>
  );
}

export function AppShell() {
  return (
    <StatusProvider>
      <Frame />
    </StatusProvider>
  );
}
