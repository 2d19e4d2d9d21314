/**
 * The strip across the top of every screen (screens.md Part 2): listener, Tenant URL, last request, next cycle
 * expected, health — the things an admin glances at before anything else — and the live-updates dot. While fault
 * rules can fire it says so, on every screen: a forgotten 401 or 500 rule gets a real Entra job quarantined
 * (entra-behavior.md §9).
 */

import type { ReactNode } from 'react';
import { HealthBadge } from '../components/badge.js';
import { ConnectionDot } from '../components/connection-dot.js';
import { CopyButton } from '../components/copy-button.js';
import { RelativeTime } from '../components/relative-time.js';
import { useNow } from '../hooks/use-now.js';
import { plural } from '../lib/format.js';
import { href } from './router.js';
import { useStatus } from './status-context.js';

function Item({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`strip-item ${className}`}>
      <span className="strip-label">{label}</span>
      <span className="strip-value">{children}</span>
    </div>
  );
}

export function StatusStrip() {
  const { status, error } = useStatus();
  const now = useNow();
  const url = status?.tenantUrl ?? status?.scimUrl;
  const next = status?.nextCycleExpectedAt ?? null;
  const faults = status?.faults;
  return (
    <header className="strip" aria-label="Monitor status">
      <Item label="Listener">
        {error !== undefined ? (
          <span className="state state-danger">Unreachable</span>
        ) : status === undefined ? (
          <span className="muted">…</span>
        ) : (
          <span className="state state-success">Listening</span>
        )}
      </Item>
      <Item label={status?.tenantUrl ? 'Tenant URL' : 'SCIM URL (local)'} className="strip-url">
        {url === undefined ? (
          <span className="muted">…</span>
        ) : (
          <>
            <span className="mono truncate" title={url} data-testid="strip-url">
              {url}
            </span>
            <CopyButton text={url} what={status?.tenantUrl ? 'Tenant URL' : 'SCIM URL'} variant="subtle" />
          </>
        )}
      </Item>
      <div className="strip-spacer" />
      {faults !== undefined && faults.active > 0 && (
        <a
          className="strip-alert"
          href={href('settings', [], { section: 'faults' })}
          data-testid="strip-faults"
          title={`Requests matching ${faults.active === 1 ? 'this rule' : 'these rules'} get an injected error or delay${faults.source === 'file' ? ` (from ${faults.file ?? 'a rules file'})` : ''}. Open Settings to turn them off.`}
        >
          Fault injection on: {plural(faults.active, 'rule')}
        </a>
      )}
      <Item label="Last request">
        <RelativeTime ts={status?.lastRequestAt} fallback="None yet" />
      </Item>
      <Item label="Next cycle expected" className="strip-next">
        {next === null ? (
          <span className="muted">After the first cycle</span>
        ) : next < now ? (
          <span className="state state-warning" title="Entra runs incremental cycles roughly every 20–40 minutes">
            <span>
              Overdue (due <RelativeTime ts={next} />)
            </span>
          </span>
        ) : (
          <RelativeTime ts={next} />
        )}
      </Item>
      <Item label="Health">
        {status === undefined ? (
          <span className="muted">…</span>
        ) : (
          <a className="plain-link" href={href('health')} aria-label={`Health: ${status.health}`}>
            <HealthBadge state={status.health} />
          </a>
        )}
      </Item>
      <Item label="Updates">
        <ConnectionDot />
      </Item>
    </header>
  );
}
