/**
 * A tiny hash router: `#/live`, `#/live/123`, `#/directory/alice%40contoso.com`, `#/live?q=status>=400`.
 *
 * Hash routing works from file: (the Electron window) and needs no server fallback (the admin server has none),
 * and the fragment never reaches the server. No dependency: the app has seven screens and a few parameters.
 */

import { useSyncExternalStore } from 'react';

export const SCREEN_NAMES = ['connect', 'live', 'cycles', 'failures', 'health', 'directory', 'settings'] as const;
export type ScreenName = (typeof SCREEN_NAMES)[number];

export interface Route {
  readonly screen: ScreenName;
  /** Decoded path segments after the screen: `#/live/123` → `['123']`. */
  readonly params: readonly string[];
  /** The `?a=b` part of the fragment, for state worth a link (filters). */
  readonly query: Readonly<Record<string, string>>;
  /** False when the fragment named no screen (the shell then picks one). */
  readonly explicit: boolean;
}

const isScreen = (name: string): name is ScreenName => (SCREEN_NAMES as readonly string[]).includes(name);

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  const query = Object.fromEntries(new URLSearchParams(q < 0 ? '' : body.slice(q + 1)));
  const [first = '', ...rest] = path.split('/').filter((s) => s !== '');
  if (!isScreen(first)) return { screen: 'live', params: [], query: {}, explicit: false };
  return { screen: first, params: rest.map(safeDecode), query, explicit: true };
}

/** `href('directory', 'alice@contoso.com')` → `#/directory/alice%40contoso.com` */
export function href(screen: ScreenName, params: readonly (string | number)[] = [], query: Readonly<Record<string, string>> = {}): string {
  const path = [screen, ...params.map((p) => encodeURIComponent(String(p)))].join('/');
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return `#/${path}${search === '' ? '' : `?${search}`}`;
}

/** `replace` keeps the history clean for state that changes as you type or scroll (filter, selection). */
export function navigate(target: string, { replace = false }: { replace?: boolean } = {}): void {
  if (target === window.location.hash) return;
  if (replace) {
    window.history.replaceState(null, '', target);
    // replaceState fires no hashchange; tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

let cachedHash: string | undefined;
let cachedRoute: Route | undefined;
function snapshot(): Route {
  // useSyncExternalStore needs a stable object while the hash is unchanged.
  if (cachedHash !== window.location.hash || cachedRoute === undefined) {
    cachedHash = window.location.hash;
    cachedRoute = parseHash(cachedHash);
  }
  return cachedRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}
