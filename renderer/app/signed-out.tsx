/**
 * Shown instead of the app when this tab has no session: the one-time link was used, expired, or the monitor
 * restarted (sessions live in memory). The fix is always the same: open a fresh link from the monitor.
 */

import type { InitOutcome } from '../api/client.js';

export function SignedOut({ outcome }: { outcome: Exclude<InitOutcome, 'ready'> }) {
  return (
    <div className="signed-out" data-app-state="signed-out">
      <div className="signed-out-card" role="alert">
        <h1>{outcome === 'signed-out' ? 'This tab is not signed in' : 'The monitor is not reachable'}</h1>
        {outcome === 'signed-out' ? (
          <p>
            Each Admin UI link works once, within two minutes, and a restart of the monitor signs every tab out. Open the <strong>Admin UI:</strong> link
            that <code>provisioning-monitor serve</code> printed most recently, or restart it to get a new one.
          </p>
        ) : (
          <p>
            Check that <code>provisioning-monitor serve</code> (or the desktop app) is still running, then reload this page.
          </p>
        )}
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </div>
  );
}
