/**
 * The window's security edges (Electron security checklist; design/style.md §6.6, §7.1, §7.4).
 *
 * SCIM payloads reach the UI from the internet through the tunnel, so the renderer is treated as able to run
 * hostile script: it may not open windows, navigate away, attach webviews or use any web permission, and the only
 * thing that ever leaves the app is an `https:` link handed to the OS browser after `new URL()` parsed it.
 */

import { app, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../admin/respond.js';

/**
 * The CSP sent with every file:// response. It is the admin server's header policy: the directives of the
 * renderer's meta tag (renderer/index.html, a unit test compares them) plus `frame-ancestors 'none'`, which only
 * a header can carry. Both apply, so the effective policy is the stricter of the two.
 */
export const DESKTOP_CSP = CONTENT_SECURITY_POLICY;

/** The URL to open outside the app, or null: only `https:`, parsed, without embedded credentials. */
export function safeExternalUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url;
}

/** Opens an `https:` link in the OS browser; anything else (javascript:, file:, http:, custom schemes) is dropped. */
export function openExternalSafely(raw: unknown): boolean {
  const url = safeExternalUrl(raw);
  if (url === null) {
    console.warn(`provisioning-monitor: refused to open ${JSON.stringify(String(raw).slice(0, 200))} outside the app (only https: links open).`);
    return false;
  }
  shell.openExternal(url.href).catch((error: unknown) => console.error('provisioning-monitor: could not open link:', error));
  return true;
}

/** Guards one webContents: every new window is denied (https links go to the browser), navigation is prevented. */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  // The page is a single document with hash routes, which never fire will-navigate; anything that does is leaving.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Installs the guards on every webContents the app ever creates; call before the first window. */
export function installWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/**
 * Denies every permission request and check, and adds the CSP header to file:// responses.
 *
 * Nothing is exempt: the UI's copy buttons fall back to a selection copy (renderer/lib/clipboard.ts), which needs
 * no permission. Whether Chromium runs webRequest for file:// at all has changed between versions; the meta tag in
 * renderer/index.html carries the same policy either way.
 */
export function installSessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived({ urls: ['file:///*'] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] } });
  });
}
