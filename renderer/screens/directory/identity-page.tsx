/**
 * One identity (screens.md Screen 6 "Identity page"; the workbook's single-user view crossed with Provision on
 * demand): every operation on it, newest first, with links to Live; each attribute's values over time and the
 * request that set them; group memberships; and the resource as this app would return it now.
 */

import { useEffect } from 'react';
import { href } from '../../app/router.js';
import { useScreenReady } from '../../app/screen-ready.js';
import { Badge } from '../../components/badge.js';
import { Card } from '../../components/card.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { JsonView } from '../../components/json-view.js';
import { useApi } from '../../hooks/use-api.js';
import { useRefreshOn } from '../../hooks/use-refresh-on.js';
import { plural } from '../../lib/format.js';
import { AttributeHistory } from './attribute-history.js';
import { IdentityTimelineList } from './identity-timeline.js';
import { Memberships } from './memberships.js';

export function IdentityPage({ identity }: { identity: string }) {
  const result = useApi('directory.identity', { identity }, [identity]);
  useRefreshOn(['request-logged'], result.refetch, 2_000);
  useScreenReady(result.settled);
  const data = result.data;
  useEffect(() => {
    document.title = `${identity} · Directory · Provisioning Monitor`;
  }, [identity]);

  const back = (
    <a className="back-link" href={href('directory')}>
      ← Directory
    </a>
  );
  if (data === undefined) {
    return (
      <div className="page">
        {back}
        {result.error !== undefined ? <ErrorBanner error={result.error} onRetry={() => void result.refetch()} /> : <div aria-busy="true" />}
      </div>
    );
  }
  const current = data.current;
  const active = current?.active;
  const externalId = typeof current?.externalId === 'string' ? current.externalId : null;

  return (
    <div className="page page-wide identity-page" data-identity={data.identity}>
      <header className="page-head">
        <div className="identity-head">
          {back}
          <h1 className="wrap">{data.identity}</h1>
          <div className="identity-badges">
            {data.entity !== null && <Badge tone="neutral">{data.entity}</Badge>}
            {current === null ? (
              <Badge tone="neutral">{data.events.length === 0 ? 'Never seen' : 'Not in the app'}</Badge>
            ) : active === false ? (
              <Badge tone="warning">Disabled</Badge>
            ) : data.entity === 'User' ? (
              <Badge tone="success">Active</Badge>
            ) : null}
            {data.resourceId !== null && (
              <span className="small muted">
                id <span className="mono">{data.resourceId}</span>
              </span>
            )}
            {externalId !== null && (
              <span className="small muted">
                externalId <span className="mono">{externalId}</span>
              </span>
            )}
          </div>
        </div>
      </header>
      {data.events.length === 0 && current === null ? (
        <EmptyState title="Entra has not mentioned this identity">
          <p>No request about “{data.identity}” is in the log. If you expect it, check that it is assigned to the app in Entra and in scope.</p>
        </EmptyState>
      ) : (
        <div className="identity-grid">
          <Card title="Timeline" subtitle={`${plural(data.events.length, 'request')} about this identity, newest first.`} className="identity-timeline-card">
            <IdentityTimelineList events={data.events} />
          </Card>
          <div className="identity-side">
            <Memberships identity={data} />
            <Card title="Current resource" subtitle="As this app returns it now (GET by id).">
              {current === null ? <p className="muted">Not in the app: it was never created here, or it was deleted.</p> : <JsonView text={JSON.stringify(current)} label="Current resource JSON" />}
            </Card>
          </div>
          <Card title="Attribute history" subtitle="Each attribute's values over time, and the request that set each one." className="identity-history-card">
            <AttributeHistory history={data.attributeHistory} events={data.events} />
          </Card>
        </div>
      )}
    </div>
  );
}
