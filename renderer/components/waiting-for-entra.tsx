/**
 * The teaching empty state for "no traffic yet": the URL to paste into Entra, a Copy button, and what to press.
 */

import { href } from '../app/router.js';
import { useStatus } from '../app/status-context.js';
import { CopyButton } from './copy-button.js';
import { EmptyState } from './empty-state.js';
import { ICONS } from './icons.js';

export function WaitingForEntra() {
  const { status } = useStatus();
  const url = status?.tenantUrl ?? status?.scimUrl ?? '';
  return (
    <EmptyState
      title="Waiting for Entra's first request"
      icon={ICONS.inbox}
      actions={
        <a className="button button-secondary" href={href('connect')}>
          Open the setup checklist
        </a>
      }
    >
      <p>
        In Entra, open your app's <strong>Provisioning</strong> page, paste this {status?.tenantUrl ? 'Tenant URL' : 'URL'} and a Secret Token under <strong>Admin Credentials</strong>, then
        press <strong>Test Connection</strong>. Requests appear here the moment they arrive.
      </p>
      {url !== '' && (
        <div className="url-box">
          <code className="url-text" data-testid="waiting-url">
            {url}
          </code>
          <CopyButton text={url} what={status?.tenantUrl ? 'Tenant URL' : 'SCIM URL'} variant="primary" />
        </div>
      )}
      {status !== undefined && status.tenantUrl === null && <p className="small muted">This is the local address. Entra needs a public HTTPS URL: start the monitor with a tunnel (see Connect).</p>}
    </EmptyState>
  );
}
