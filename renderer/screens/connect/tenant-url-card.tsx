/**
 * Tenant URL card: what to paste into Entra's Tenant URL field, the `?aadOptscim062020` variant, and, without a
 * public tunnel, why Entra cannot use the local URL and how to start one.
 */

import type { Status } from '../../../shared/api/admin-types.js';
import { Badge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { CopyButton } from '../../components/copy-button.js';

function UrlRow({ url, what, testId }: { url: string; what: string; testId: string }) {
  return (
    <div className="url-box">
      <code className="url-text" data-testid={testId}>
        {url}
      </code>
      <CopyButton text={url} what={what} variant="primary" />
    </div>
  );
}

const TUNNEL_TONE = { online: 'success', connecting: 'warning', reconnecting: 'warning', failed: 'danger', stopped: 'neutral' } as const;

export function TenantUrlCard({ status }: { status: Status }) {
  const url = status.tenantUrl ?? status.scimUrl;
  const tunnel = status.tunnel;
  return (
    <Card
      id="tenant-url"
      title="Tenant URL"
      subtitle="Paste into Entra → Provisioning → Admin Credentials → Tenant URL."
      aside={tunnel !== null && <Badge tone={TUNNEL_TONE[tunnel.state]}>{`${tunnel.provider}: ${tunnel.state}`}</Badge>}
    >
      <UrlRow url={url} what="Tenant URL" testId="tenant-url" />
      {status.tenantUrl === null ? (
        <div className="banner banner-warning tunnel-hint">
          <div className="banner-text">
            <strong>This is the local address; Entra needs a public HTTPS URL.</strong> Entra calls your app from Microsoft's cloud, so start the monitor with a
            tunnel that forwards the SCIM port, for example <code>provisioning-monitor serve --tunnel cloudflared</code> (or <code>--tunnel ngrok</code> with
            NGROK_AUTHTOKEN set, <code>--tunnel localtunnel</code>, or <code>--tunnel custom --tunnel-host https://…</code> for your own proxy). The Tenant URL
            then appears here.
            {tunnel?.message != null && <span className="block muted">Tunnel: {tunnel.message}</span>}
          </div>
        </div>
      ) : (
        <p className="muted small">
          Local listener: <span className="mono">{status.scimUrl}</span> (the tunnel forwards to it; only the SCIM port is exposed).
        </p>
      )}
      <details className="variant">
        <summary>RFC-compliant PATCH variant (?aadOptscim062020)</summary>
        <p className="muted small">
          Appending this flag makes Entra send lowercase ops and real booleans instead of <code>"Replace"</code> and <code>"False"</code>. This listener accepts
          both; use it if your real app needs compliant PATCH. Provision on demand ignores the flag.
        </p>
        <UrlRow url={`${url}?aadOptscim062020`} what="Tenant URL with aadOptscim062020" testId="tenant-url-flag" />
      </details>
    </Card>
  );
}
