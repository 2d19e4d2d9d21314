import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../electron/tunnel/backoff.js';
import { createTunnelManager, TENANT_URL_CHANGED_MESSAGE, type TunnelManagerOptions } from '../../../../electron/tunnel/manager.js';
import { TunnelError, type TunnelEvent, type TunnelStatus } from '../../../../electron/tunnel/types.js';
import { fakeClock, flush, scriptedProvider, type Step } from './fakes.js';

const target = { host: '127.0.0.1', port: 7643 };

function setup(steps: Step[], options: Partial<TunnelManagerOptions> = {}) {
  const clock = fakeClock();
  const provider = scriptedProvider(steps);
  const manager = createTunnelManager({ provider, target, clock, probe: false, ...options });
  const events: TunnelEvent[] = [];
  manager.subscribe((event) => events.push(event));
  const states = (): string[] => events.flatMap((e) => (e.type === 'status' ? [label(e.status)] : [e.type]));
  return { clock, provider, manager, events, states };
}

function label(status: TunnelStatus): string {
  switch (status.state) {
    case 'connecting':
      return `connecting#${status.attempt}`;
    case 'reconnecting':
      return `reconnecting#${status.attempt}`;
    case 'online':
      return `online ${status.publicUrl}`;
    default:
      return status.state;
  }
}

const retryable = (message: string): { error: Error } => ({ error: new TunnelError(message, true) });

describe('backoffDelay', () => {
  it('doubles from 1 s and stops at 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});

describe('createTunnelManager', () => {
  it('goes connecting → online and gives both Tenant URLs', async () => {
    const t = setup([{ url: 'https://abc.example.test/' }]);
    const status = await t.manager.start();
    expect(t.states()).toEqual(['connecting#1', 'online https://abc.example.test']);
    expect(status).toMatchObject({
      state: 'online',
      provider: 'localtunnel',
      publicUrl: 'https://abc.example.test',
      tenantUrl: 'https://abc.example.test/scim/v2',
      tenantUrlAadOptscim062020: 'https://abc.example.test/scim/v2?aadOptscim062020',
      since: t.clock.now(),
      probe: { state: 'skipped' },
    });
    expect(t.provider.targets).toEqual([target]);
  });

  it('retries a retryable failure with exponential backoff, counting attempts', async () => {
    const t = setup([retryable('a'), retryable('b'), retryable('c'), retryable('d'), { url: 'https://x.test' }]);
    const first = await t.manager.start();
    expect(first).toMatchObject({ state: 'reconnecting', attempt: 2, lastError: 'a', nextAttemptAt: t.clock.now() + 1000 });
    const gaps: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const status = t.manager.status();
      if (status.state !== 'reconnecting') break;
      gaps.push(status.nextAttemptAt - t.clock.now());
      await t.clock.advance(status.nextAttemptAt - t.clock.now() - 1);
      expect(t.manager.status().state).toBe('reconnecting');
      await t.clock.advance(1);
    }
    expect(gaps).toEqual([1000, 2000, 4000, 8000]);
    expect(t.states()).toEqual([
      'connecting#1', 'reconnecting#2', 'connecting#2', 'reconnecting#3', 'connecting#3', 'reconnecting#4',
      'connecting#4', 'reconnecting#5', 'connecting#5', 'online https://x.test',
    ]);
  });

  it('fails at once, without retrying, when the error cannot be fixed by retrying', async () => {
    const t = setup([{ error: new TunnelError('ngrok needs an authtoken', false) }]);
    expect(await t.manager.start()).toEqual({ state: 'failed', provider: 'localtunnel', error: 'ngrok needs an authtoken' });
    expect(t.clock.pending()).toBe(0);
    await t.clock.advance(120_000);
    expect(t.provider.targets).toHaveLength(1);
  });

  it('words an unexpected error with the provider name', async () => {
    const t = setup([{ error: new Error('boom') }]);
    expect(await t.manager.start()).toMatchObject({ state: 'reconnecting', lastError: 'localtunnel could not connect: boom' });
  });

  it('gives up after maxAttempts', async () => {
    const t = setup([retryable('x'), retryable('x'), retryable('x')], { maxAttempts: 3 });
    await t.manager.start();
    await t.clock.advance(10_000);
    expect(t.manager.status()).toEqual({ state: 'failed', provider: 'localtunnel', error: 'x (gave up after 3 attempts)' });
    expect(t.clock.pending()).toBe(0);
  });

  it('reconnects after a drop, and flags a changed URL for Entra', async () => {
    const t = setup([{ url: 'https://one.test' }, { url: 'https://one.test' }, { url: 'https://two.test' }]);
    await t.manager.start();
    t.provider.sessions[0]!.drop(new TunnelError('socket closed', true));
    await flush();
    expect(t.manager.status()).toMatchObject({ state: 'reconnecting', attempt: 1, lastError: 'socket closed', nextAttemptAt: t.clock.now() + 1000 });
    expect(t.provider.sessions[0]!.closedByManager).toBe(true);
    await t.clock.advance(1000);
    expect(t.manager.status()).toMatchObject({ state: 'online', publicUrl: 'https://one.test' });
    expect(t.events.some((e) => e.type === 'tenant-url-changed')).toBe(false);

    t.provider.sessions[1]!.drop();
    await t.clock.advance(1000);
    expect(t.manager.status()).toMatchObject({ state: 'online', publicUrl: 'https://two.test', tenantUrl: 'https://two.test/scim/v2' });
    expect(t.events.filter((e) => e.type === 'tenant-url-changed')).toEqual([
      { type: 'tenant-url-changed', previousTenantUrl: 'https://one.test/scim/v2', tenantUrl: 'https://two.test/scim/v2', message: TENANT_URL_CHANGED_MESSAGE },
    ]);
    expect(t.states().slice(-4)).toEqual(['reconnecting#1', 'connecting#1', 'tenant-url-changed', 'online https://two.test']);
  });

  it('flags a new URL after stop and start too (Entra still has the old one)', async () => {
    const t = setup([{ url: 'https://one.test' }, { url: 'https://two.test' }]);
    await t.manager.start();
    await t.manager.stop();
    await t.manager.start();
    expect(t.events.filter((e) => e.type === 'tenant-url-changed')).toHaveLength(1);
  });

  it('abandons an attempt that does not come online in time', async () => {
    const t = setup(['hang', { url: 'https://late.test' }], { connectTimeoutMs: 5000 });
    const started = t.manager.start();
    await t.clock.advance(4999);
    expect(t.manager.status()).toMatchObject({ state: 'connecting', attempt: 1 });
    await t.clock.advance(1);
    expect(await started).toMatchObject({ state: 'reconnecting', attempt: 2, lastError: 'localtunnel did not come online within 5 s.' });
    expect(t.provider.aborted).toBe(1);
    await t.clock.advance(1000);
    expect(t.manager.status().state).toBe('online');
  });

  it('stop cancels a pending retry and closes the live session', async () => {
    const t = setup([retryable('down'), { url: 'https://a.test' }]);
    await t.manager.start();
    await t.manager.stop();
    expect(t.manager.status()).toEqual({ state: 'stopped' });
    await t.clock.advance(120_000);
    expect(t.provider.targets).toHaveLength(1);

    await t.manager.start();
    expect(t.manager.status().state).toBe('online');
    await t.manager.stop();
    expect(t.provider.sessions[0]!.closedByManager).toBe(true);
    expect(t.states().at(-1)).toBe('stopped');
  });

  it('stop during an attempt aborts it; a drop of a stopped session changes nothing', async () => {
    const t = setup(['hang']);
    void t.manager.start();
    await flush();
    await t.manager.stop();
    expect(t.provider.aborted).toBe(1);
    expect(t.manager.status()).toEqual({ state: 'stopped' });
    await t.clock.advance(60_000);
    expect(t.provider.targets).toHaveLength(1);
  });

  it('treats a provider that throws synchronously like one that rejects', async () => {
    const clock = fakeClock();
    const manager = createTunnelManager({
      provider: { name: 'custom', open: () => { throw new TunnelError('bad URL', false); } },
      target, clock, probe: false,
    });
    expect(await manager.start()).toEqual({ state: 'failed', provider: 'custom', error: 'bad URL' });
  });

  it('a start() while stop() is closing the tunnel wins', async () => {
    const t = setup([{ url: 'https://a.test' }, { url: 'https://b.test' }]);
    await t.manager.start();
    const stopping = t.manager.stop();
    const restarted = t.manager.start();
    await stopping;
    expect(await restarted).toMatchObject({ state: 'online', publicUrl: 'https://b.test' });
    expect(t.manager.status().state).toBe('online');
  });

  it('start is idempotent while running', async () => {
    const t = setup([{ url: 'https://a.test' }]);
    const [a, b] = await Promise.all([t.manager.start(), t.manager.start()]);
    expect(a).toBe(b);
    expect(t.provider.targets).toHaveLength(1);
  });

  it('reports the self-probe in the online status, and a failed probe is not a crash', async () => {
    const results = [
      { state: 'unreachable' as const, error: 'Public URL not reachable: https://p.test/scim/v2/ServiceProviderConfig (fetch failed).', checkedAt: 1 },
      { state: 'reachable' as const, httpStatus: 401, roundTripMs: 12, https: true, checkedAt: 2 },
    ];
    const probed: string[] = [];
    const t = setup([{ url: 'https://p.test' }], { probe: async (url) => (probed.push(url), results.shift()!) });
    expect(await t.manager.start()).toMatchObject({ state: 'online', probe: { state: 'pending' } });
    await flush();
    expect(t.manager.status()).toMatchObject({ state: 'online', probe: { state: 'unreachable', error: expect.stringContaining('Public URL not reachable') } });
    expect(await t.manager.recheck()).toMatchObject({ state: 'online', probe: { state: 'reachable', httpStatus: 401 } });
    expect(probed).toEqual(['https://p.test', 'https://p.test']);
  });

  it('unsubscribes, and one failing listener does not stop the others', async () => {
    const t = setup([{ url: 'https://a.test' }]);
    const seen: string[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      t.manager.subscribe(() => {
        throw new Error('listener bug');
      });
      const off = t.manager.subscribe((e) => seen.push(e.type));
      await t.manager.start();
      off();
      await t.manager.stop();
    } finally {
      console.error = original;
    }
    expect(seen).toEqual(['status', 'status']);
    expect(errors.length).toBeGreaterThan(0);
    expect(t.states().at(-1)).toBe('stopped');
  });
});
