/**
 * The one MonitorApi client of the page, created once at start-up.
 *
 * `initClient()` picks the backend: the Electron preload bridge when present, otherwise HTTP + SSE to the admin
 * server that served this page, after trading the one-time key in the URL fragment for a session cookie. Screens
 * and hooks then call `getBackend()` / `getClient()`; nothing else decides where the data comes from.
 */

import { exchangeSessionKey } from '../../shared/api/admin-http.js';
import type { MonitorClient } from '../../shared/api/contract.js';
import type { Backend } from './backend.js';
import { httpBackend } from './http-backend.js';
import { findBridge, ipcBackend } from './ipc-backend.js';

/** `ready`: calls work. `signed-out`: no valid session (the link was used or expired). `unreachable`: no monitor. */
export type InitOutcome = 'ready' | 'signed-out' | 'unreachable';

let backend: Backend | undefined;

export function getBackend(): Backend {
  if (backend === undefined) throw new Error('initClient() must finish before the MonitorApi is used.');
  return backend;
}

export const getClient = (): MonitorClient => getBackend().client;

/** Installs a backend directly (a future preview or test harness); initClient() does this for real pages. */
export function setBackend(next: Backend): void {
  backend = next;
}

export async function initClient(): Promise<InitOutcome> {
  const bridge = findBridge();
  if (bridge !== undefined) {
    setBackend(ipcBackend(bridge));
    return 'ready';
  }
  // Awaited before the first call: the key must leave the address bar and become a cookie before anything else.
  const exchange = await exchangeSessionKey();
  setBackend(httpBackend());
  if (exchange === 'unreachable') return 'unreachable';
  // A reload has no key but may still hold a valid cookie, so the session is checked rather than assumed.
  const probe = await getBackend().call('status.get', undefined);
  if (probe.ok) return 'ready';
  return probe.error.code === 'unauthorized' ? 'signed-out' : 'unreachable';
}
