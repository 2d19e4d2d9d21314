import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/open.js';
import { cyclesRepo } from '../../../../electron/db/cycles-repo.js';
import { CYCLE_INTERVAL_MS, createCycleTracker, type TrackedRequest } from '../../../../electron/provisioning/cycle-tracker.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 28, 9);
const req = (ts: number, operation: TrackedRequest['operation'], identity: string | null = null, extra: Partial<TrackedRequest> = {}): TrackedRequest => ({
  ts,
  operation,
  action: operation === 'create' ? 'Create' : operation === 'update' ? 'Update' : 'Other',
  outcome: 'Success',
  status: 200,
  identity,
  resultCount: undefined,
  sentByEntra: true,
  ...extra,
});

function setup(users = 0) {
  const db = openDatabase(':memory:');
  const repo = cyclesRepo(db);
  let count = users;
  const tracker = createCycleTracker(repo, () => count, () => 5 * MIN);
  return { db, repo, tracker, setUsers: (n: number) => (count = n) };
}

describe('cycle tracker', () => {
  it('splits bursts on the idle gap and labels a lone probe as Test Connection', () => {
    const { repo, tracker } = setup();
    const probe = tracker.assign(req(T0, 'test-connection', 'cf4d78e8-cc4f-4d5d-b8b9-183561c0104a'));
    const first = tracker.assign(req(T0 + 20 * MIN, 'match', 'alice'));
    tracker.assign(req(T0 + 20 * MIN + 1000, 'create', 'alice'));
    expect(probe.opened).toBe(true);
    expect(first.opened).toBe(true);
    expect(repo.get(probe.cycleId)?.kind).toBe('test-connection');
    expect(repo.get(first.cycleId)).toMatchObject({ kind: 'initial', requests: 2, matches: 1, creates: 1, identities: 1 });
  });

  it('starts a new cycle when a probe follows real work (Entra probes at the start of provisioning activity)', () => {
    const { tracker } = setup();
    const a = tracker.assign(req(T0, 'create', 'alice'));
    const b = tracker.assign(req(T0 + 1000, 'test-connection', 'cf4d78e8-cc4f-4d5d-b8b9-183561c0104a'));
    const c = tracker.assign(req(T0 + 2000, 'test-connection', 'cf4d78e8-cc4f-4d5d-b8b9-183561c0104b'));
    expect(b.cycleId).not.toBe(a.cycleId);
    expect(c.cycleId).toBe(b.cycleId);
  });

  it('labels later cycles incremental, a full re-match initial, and a lone identity off-cadence on-demand', () => {
    const { repo, tracker, setUsers } = setup();
    tracker.assign(req(T0, 'create', 'alice'));
    tracker.assign(req(T0 + 1000, 'create', 'bob'));
    setUsers(2);
    const incremental = tracker.assign(req(T0 + CYCLE_INTERVAL_MS, 'update', 'alice'));
    tracker.assign(req(T0 + CYCLE_INTERVAL_MS + 1000, 'update', 'bob'));
    expect(repo.get(incremental.cycleId)?.kind).toBe('incremental');
    const onDemand = tracker.assign(req(T0 + CYCLE_INTERVAL_MS + 15 * MIN, 'update', 'carol'));
    expect(repo.get(onDemand.cycleId)?.kind).toBe('on-demand');
    const restart = tracker.assign(req(T0 + 5 * CYCLE_INTERVAL_MS, 'match', 'alice', { resultCount: 1 }));
    tracker.assign(req(T0 + 5 * CYCLE_INTERVAL_MS + 1000, 'match', 'bob', { resultCount: 1 }));
    expect(repo.get(restart.cycleId)?.kind).toBe('initial');
  });

  it('counts failures, auth failures and 404s on queries', () => {
    const { repo, tracker } = setup();
    const { cycleId } = tracker.assign(req(T0, 'match', 'a', { outcome: 'Failure', status: 401 }));
    tracker.assign(req(T0 + 1, 'match', 'b', { outcome: 'Failure', status: 404 }));
    tracker.assign(req(T0 + 2, 'create', 'c', { outcome: 'Failure', status: 500 }));
    expect(repo.get(cycleId)).toMatchObject({ failures: 3, auth_failures: 1, not_found_lists: 1, server_errors: 1 });
  });

  it("counts Entra's work apart from the app's, probes and schema reads", () => {
    const { repo, tracker } = setup();
    const probe = tracker.assign(req(T0, 'test-connection', 'cf4d78e8-cc4f-4d5d-b8b9-183561c0104a'));
    tracker.assign(req(T0 + 1, 'discovery'));
    // The simulator joins the probe's cycle within the idle gap: work, but none of it Entra's.
    tracker.assign(req(T0 + 2, 'match', 'sim', { sentByEntra: false }));
    tracker.assign(req(T0 + 3, 'create', 'sim', { sentByEntra: false }));
    expect(repo.get(probe.cycleId)).toMatchObject({ requests: 4, probes: 1, creates: 1, entra_work: 0 });
    const entra = tracker.assign(req(T0 + 20 * MIN, 'match', 'alice'));
    tracker.assign(req(T0 + 20 * MIN + 1, 'create', 'alice'));
    tracker.assign(req(T0 + 20 * MIN + 2, 'create', 'sim2', { sentByEntra: false }));
    expect(repo.get(entra.cycleId)).toMatchObject({ requests: 3, creates: 2, entra_work: 2 });
  });

  it("measures the cadence from Entra's last work cycle, not from a simulated cycle or a probe in between", () => {
    const { repo, tracker, setUsers } = setup();
    tracker.assign(req(T0, 'create', 'alice'));
    tracker.assign(req(T0 + 1000, 'create', 'bob'));
    setUsers(2);
    // A rehearsal 20 minutes later, then a Test Connection: neither is Entra's work.
    tracker.assign(req(T0 + 20 * MIN, 'create', 'sim', { sentByEntra: false }));
    tracker.assign(req(T0 + 30 * MIN, 'test-connection', 'cf4d78e8-cc4f-4d5d-b8b9-183561c0104a'));
    // Entra's next cycle, on time, touching one identity: incremental, not on-demand.
    const onTime = tracker.assign(req(T0 + CYCLE_INTERVAL_MS, 'update', 'alice'));
    expect(repo.get(onTime.cycleId)?.kind).toBe('incremental');
  });

  it("labels Entra's first work cycle initial even after a rehearsal", () => {
    const { repo, tracker, setUsers } = setup();
    const rehearsal = tracker.assign(req(T0, 'create', 'sim1', { sentByEntra: false }));
    tracker.assign(req(T0 + 1000, 'create', 'sim2', { sentByEntra: false }));
    setUsers(2);
    expect(repo.get(rehearsal.cycleId)?.kind).toBe('initial');
    // Entra's first cycle an hour later finds none of its users (the simulator's are not its own).
    const first = tracker.assign(req(T0 + 60 * MIN, 'match', 'alice', { resultCount: 0 }));
    tracker.assign(req(T0 + 60 * MIN + 1000, 'create', 'alice'));
    tracker.assign(req(T0 + 60 * MIN + 2000, 'match', 'bob', { resultCount: 0 }));
    tracker.assign(req(T0 + 60 * MIN + 3000, 'create', 'bob'));
    expect(repo.get(first.cycleId)?.kind).toBe('initial');
    // Its next cycle is incremental as usual.
    const next = tracker.assign(req(T0 + 100 * MIN, 'update', 'alice'));
    tracker.assign(req(T0 + 100 * MIN + 1000, 'update', 'bob'));
    expect(repo.get(next.cycleId)?.kind).toBe('incremental');
  });

  it('resumes the open cycle after a restart', () => {
    const { db, repo, tracker } = setup();
    const first = tracker.assign(req(T0, 'create', 'alice'));
    const again = createCycleTracker(repo, () => 1, () => 5 * MIN);
    expect(again.assign(req(T0 + MIN, 'update', 'alice')).cycleId).toBe(first.cycleId);
    db.close();
  });
});
