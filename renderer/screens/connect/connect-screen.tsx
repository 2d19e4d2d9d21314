/**
 * Connect (screens.md Screen 1): the credentials Entra needs and the Entra setup steps, ticking themselves
 * from observed traffic; and a simulated cycle, for when Entra's next one is 40 minutes away.
 */

import { useScreenReady } from '../../app/screen-ready.js';
import type { ScreenProps } from '../../app/screens.js';
import { useStatus } from '../../app/status-context.js';
import { Card } from '../../components/card.js';
import { ErrorBanner } from '../../components/error-banner.js';
import { ScopeCard } from './scope-card.js';
import { SetupChecklist } from './setup-checklist.js';
import { setupSteps } from './setup-steps.js';
import { SimulateCard } from './simulate-card.js';
import { TenantUrlCard } from './tenant-url-card.js';
import { TokenCard } from './token-card.js';
import { useSetupEvidence } from './use-setup-evidence.js';

export function ConnectScreen(_props: ScreenProps) {
  const { status, error, refetch } = useStatus();
  const evidence = useSetupEvidence();
  useScreenReady(status !== undefined && evidence.loaded);
  const steps = setupSteps(evidence, status?.activeTokens ?? 0);
  const done = steps.filter((s) => s.state === 'done').length;

  return (
    <div className="page connect">
      <header className="page-head">
        <div>
          <h1>Connect Entra ID</h1>
          <p>Give Entra the Tenant URL and a Secret Token, then follow the steps on the right. Each one ticks itself when the matching request arrives.</p>
        </div>
      </header>
      {error !== undefined && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      <div className="connect-grid">
        <div className="connect-main">
          {status !== undefined && <TenantUrlCard status={status} />}
          <TokenCard />
          <ScopeCard scope={evidence.scope} onChanged={() => void evidence.refetchScope()} />
          <SimulateCard status={status} />
        </div>
        <Card
          id="setup-steps"
          className="connect-steps"
          title="Set up in Entra"
          subtitle="The steps of Microsoft's provisioning tutorial, checked against what Entra actually sends."
          aside={<span className="chip">{`${done} of ${steps.length}`}</span>}
        >
          <SetupChecklist steps={steps} />
        </Card>
      </div>
    </div>
  );
}
