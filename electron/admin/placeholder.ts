/**
 * The page served when the UI is not built (no `dist/renderer/index.html`), and the key-exchange script it loads.
 *
 * The page's CSP bars inline scripts, so the script is its own resource (SESSION_SCRIPT_PATH). The built UI does
 * the same exchange with `exchangeSessionKey()` from shared/api/admin-http.ts before its first API call; this
 * script mirrors that function in plain ES2017 so it runs without a build.
 */

import { API_PREFIX, KEY_FRAGMENT_PARAM, SESSION_PATH, SESSION_SCRIPT_PATH } from '../../shared/api/admin-http.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The bootstrap script: take the one-time key out of the fragment, drop it from the address bar (history,
 * bookmarks, screen shares), trade it for the session cookie, then confirm the session with `status.get`.
 */
export function exchangeKeyScript(): string {
  return `'use strict';
(function () {
  var out = document.getElementById('session-status');
  function say(text) { if (out) out.textContent = text; }
  function check(prefix) {
    return fetch('${API_PREFIX}status.get', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (result) {
        say(prefix + (result && result.ok ? 'Signed in: this tab has an admin session.'
          : 'Not signed in. Open the "Admin UI:" link that provisioning-monitor serve printed; each link works once, within 2 minutes.'));
        if (out) out.setAttribute('data-session', result && result.ok ? 'active' : 'none');
      });
  }
  var match = /(?:^#|[#&?])${KEY_FRAGMENT_PARAM}=([A-Za-z0-9_-]{16,200})(?:&|$)/.exec(location.hash);
  if (!match) { check('').catch(function () { say('The monitor is not reachable.'); }); return; }
  history.replaceState(null, '', location.pathname + location.search);
  fetch('${SESSION_PATH}', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: match[1] }) })
    .then(function (r) { return check(r.ok ? '' : 'That link was already used or has expired. '); })
    .catch(function () { say('The monitor is not reachable.'); });
})();
`;
}

/** A self-contained page: inline styles only (the CSP allows them), no inline script, no external resource. */
export function placeholderPage(scimUrl: string | null): string {
  const endpoint = scimUrl === null ? 'unknown (see the terminal running provisioning-monitor serve)' : escapeHtml(scimUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Provisioning Monitor</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
  code { background: #f6f8fa; padding: 0.1rem 0.3rem; border-radius: 4px; }
  .note { color: #59636e; }
</style>
</head>
<body>
<h1>Provisioning Monitor</h1>
<p><strong>The UI is not built yet.</strong> The monitor is running and logging every request Entra ID sends.</p>
<p>SCIM endpoint: <code id="scim-endpoint">${endpoint}</code></p>
<p>To build the UI, run <code>npm run build:ui</code> in the project folder, then reload this page.</p>
<p class="note" id="session-status" data-session="pending">Checking the admin session…</p>
<script src="${SESSION_SCRIPT_PATH}"></script>
</body>
</html>
`;
}
