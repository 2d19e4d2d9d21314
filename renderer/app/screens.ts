/**
 * The screen table: one entry per left-rail link. Adding a screen is adding a row here (see renderer/README.md).
 *
 * Screens load lazily, so the first paint carries only the shell and the screen on display (recharts, for one,
 * is fetched only by the screens that chart).
 */

import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Route, ScreenName } from './router.js';

export interface ScreenProps {
  readonly route: Route;
}

export interface ScreenDef {
  readonly name: ScreenName;
  /** The link's accessible name and the page title; the rail shows exactly these words. */
  readonly label: string;
  readonly component: LazyExoticComponent<ComponentType<ScreenProps>>;
}

export const SCREENS: readonly ScreenDef[] = [
  { name: 'connect', label: 'Connect', component: lazy(() => import('../screens/connect/connect-screen.js').then((m) => ({ default: m.ConnectScreen }))) },
  { name: 'live', label: 'Live', component: lazy(() => import('../screens/live/live-screen.js').then((m) => ({ default: m.LiveScreen }))) },
  { name: 'cycles', label: 'Cycles', component: lazy(() => import('../screens/cycles/cycles-screen.js').then((m) => ({ default: m.CyclesScreen }))) },
  { name: 'failures', label: 'Failures', component: lazy(() => import('../screens/failures/failures-screen.js').then((m) => ({ default: m.FailuresScreen }))) },
  { name: 'health', label: 'Health', component: lazy(() => import('../screens/health/health-screen.js').then((m) => ({ default: m.HealthScreen }))) },
  { name: 'directory', label: 'Directory', component: lazy(() => import('../screens/directory/directory-screen.js').then((m) => ({ default: m.DirectoryScreen }))) },
  { name: 'settings', label: 'Settings', component: lazy(() => import('../screens/settings/settings-screen.js').then((m) => ({ default: m.SettingsScreen }))) },
];
