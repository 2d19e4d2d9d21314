/**
 * The read-only parts of Settings (screens.md Screen 7): the listener and tunnel as the monitor was started, the
 * appearance rule, and where this monitor keeps its data. They change at launch, so each says how.
 */

import type { Status } from '../../../shared/api/admin-types.js';
import { href } from '../../app/router.js';
import { Badge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { CopyButton } from '../../components/copy-button.js';
import { formatCount } from '../../lib/format.js';
import { useColorScheme } from './use-color-scheme.js';
import { FieldRow } from '../../components/field-row.js';

function bindAddress(scimUrl: string): string {
  try {
    return new URL(scimUrl).host;
  } catch {
    return scimUrl;
  }
}

const PROVIDERS: readonly (readonly [string, string])[] = [
  ['cloudflared', 'a quick tunnel; needs the cloudflared binary on PATH'],
  ['ngrok', 'set NGROK_AUTHTOKEN; --tunnel-domain for a reserved domain'],
  ['localtunnel', 'no account; --tunnel-subdomain asks for a name'],
  ['custom', '--tunnel-host https://… is your own proxy to this port'],
];

const TUNNEL_TONE = { online: 'success', connecting: 'warning', reconnecting: 'warning', failed: 'danger', stopped: 'neutral' } as const;

export function ListenerCard({ status }: { status: Status }) {
  const host = bindAddress(status.scimUrl);
  const loopback = /^(127\.|\[::1\]|localhost)/.test(host);
  return (
    <Card id="listener" title="Listener" subtitle="The SCIM 2.0 endpoint Entra provisions into. Set at launch.">
      <dl className="fields">
        <FieldRow label="SCIM URL (local)">
          <span className="mono wrap" data-testid="settings-scim-url">
            {status.scimUrl}
          </span>
          <CopyButton text={status.scimUrl} what="SCIM URL" variant="subtle" />
        </FieldRow>
        <FieldRow label="Bind address">
          <span className="mono">{host}</span>
          {loopback ? <Badge tone="success">Loopback only</Badge> : <Badge tone="warning">Reachable from the network</Badge>}
        </FieldRow>
        <FieldRow label="Secret Tokens">
          {formatCount(status.activeTokens)} active · <a href={href('connect')}>manage on Connect</a>
        </FieldRow>
      </dl>
      <p className="small muted settings-note">
        Change with <code>provisioning-monitor serve --port N --host H</code>. Keep the loopback default: a tunnel forwards to it, and nothing else needs to reach it.
      </p>
    </Card>
  );
}

export function TunnelCard({ status }: { status: Status }) {
  const tunnel = status.tunnel;
  return (
    <Card id="tunnel" title="Tunnel" subtitle="Entra calls from Microsoft's cloud, so it needs a public HTTPS URL." aside={tunnel !== null && <Badge tone={TUNNEL_TONE[tunnel.state]}>{tunnel.state}</Badge>}>
      {tunnel === null ? (
        <p>
          <strong>No tunnel is running.</strong> Entra cannot reach the local URL. Restart the monitor with one:
        </p>
      ) : (
        <dl className="fields">
          <FieldRow label="Provider">{tunnel.provider}</FieldRow>
          <FieldRow label="Public URL">{tunnel.publicUrl === null ? <span className="faint">Not yet</span> : <span className="mono wrap">{tunnel.publicUrl}</span>}</FieldRow>
          <FieldRow label="Tenant URL">
            {status.tenantUrl === null ? <span className="faint">When the tunnel is online</span> : <span className="mono wrap">{status.tenantUrl}</span>}
            {status.tenantUrl !== null && <CopyButton text={status.tenantUrl} what="Tenant URL" variant="subtle" />}
          </FieldRow>
          {tunnel.message !== null && <FieldRow label="Message">{tunnel.message}</FieldRow>}
        </dl>
      )}
      <pre className="code settings-command" aria-label="Start a tunnel">
        provisioning-monitor serve --tunnel cloudflared
      </pre>
      <ul className="provider-list" aria-label="Tunnel providers">
        {PROVIDERS.map(([name, note]) => (
          <li key={name}>
            <code>{name}</code> <span className="muted small">{note}</span>
          </li>
        ))}
      </ul>
      <p className="small muted settings-note">
        The tunnel is chosen at launch and reconnects by itself. Quick tunnels get a new URL on each start: paste the new Tenant URL into Entra, then Test
        Connection.
      </p>
    </Card>
  );
}

export function AppearanceCard() {
  const scheme = useColorScheme();
  return (
    <Card id="appearance" title="Appearance" subtitle="Light and dark follow your operating system.">
      <dl className="fields">
        <FieldRow label="Theme">
          {scheme === 'dark' ? 'Dark' : 'Light'} <span className="muted small">(from the OS setting; change it there)</span>
        </FieldRow>
        <FieldRow label="Times">Shown in your local time zone; hover a time for UTC, as Entra's logs show it.</FieldRow>
      </dl>
    </Card>
  );
}

export function AboutCard({ status }: { status: Status }) {
  return (
    <Card id="about" title="About">
      <dl className="fields">
        <FieldRow label="Version">
          <span className="mono" data-testid="settings-version">
            {status.version}
          </span>
        </FieldRow>
        <FieldRow label="Data directory">
          <span className="mono wrap" data-testid="settings-data-dir">
            {status.dataDir}
          </span>
          <CopyButton text={status.dataDir} what="data directory" variant="subtle" />
        </FieldRow>
        <FieldRow label="Requests logged">{formatCount(status.requestCount)}</FieldRow>
      </dl>
      <p className="small muted settings-note">
        The data directory holds the request log (<code>monitor.db</code>), <code>settings.json</code> and the tokens. <code>--data-dir DIR</code> or
        PROVISIONING_MONITOR_DATA_DIR picks another.
      </p>
    </Card>
  );
}
