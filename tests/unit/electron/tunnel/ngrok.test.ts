import { describe, expect, it } from 'vitest';
import { createTunnelManager } from '../../../../electron/tunnel/manager.js';
import { describeNgrokError, NGROK_AUTHTOKEN_HELP, ngrokProvider, type NgrokModule } from '../../../../electron/tunnel/ngrok.js';
import { fakeClock, flush } from './fakes.js';

type ForwardConfig = Parameters<NgrokModule['forward']>[0];

/** A stand-in for @ngrok/ngrok: records each forward() config, then answers as scripted. */
function fakeNgrok(answers: Array<string | Error>) {
  const calls: ForwardConfig[] = [];
  const closed: string[] = [];
  const module: NgrokModule = {
    async forward(config) {
      calls.push(config);
      const answer = answers.shift() ?? new Error('no more answers');
      if (answer instanceof Error) throw answer;
      return { url: () => answer, close: async () => void closed.push(answer) };
    },
  };
  return { module, calls, closed, load: async () => module };
}

function manager(options: Parameters<typeof ngrokProvider>[0]) {
  const clock = fakeClock();
  return { clock, manager: createTunnelManager({ provider: ngrokProvider(options), target: { host: '127.0.0.1', port: 7643 }, clock, probe: false }) };
}

describe('ngrok provider', () => {
  it('fails with how to get an authtoken when there is none, without loading the native module', async () => {
    let loaded = false;
    const { manager: m } = manager({ env: {}, load: async () => ((loaded = true), fakeNgrok([]).module) });
    const status = await m.start();
    expect(status).toEqual({ state: 'failed', provider: 'ngrok', error: NGROK_AUTHTOKEN_HELP });
    expect(NGROK_AUTHTOKEN_HELP).toMatch(/NGROK_AUTHTOKEN/);
    expect(NGROK_AUTHTOKEN_HELP).toMatch(/https:\/\/dashboard\.ngrok\.com\/get-started\/your-authtoken/);
    expect(loaded).toBe(false);
  });

  it('forwards the SCIM listener with the authtoken from NGROK_AUTHTOKEN and the reserved domain', async () => {
    const ngrok = fakeNgrok(['https://scim-monitor.ngrok.app']);
    const { manager: m } = manager({ env: { NGROK_AUTHTOKEN: ' tok_env ' }, domain: 'scim-monitor.ngrok.app', load: ngrok.load });
    expect(await m.start()).toMatchObject({ state: 'online', tenantUrl: 'https://scim-monitor.ngrok.app/scim/v2' });
    expect(ngrok.calls[0]).toMatchObject({ addr: '127.0.0.1:7643', authtoken: 'tok_env', domain: 'scim-monitor.ngrok.app', proto: 'http' });
    await m.stop();
    expect(ngrok.closed).toEqual(['https://scim-monitor.ngrok.app']);
  });

  it('prefers the authtoken from settings and omits the domain when none is reserved', async () => {
    const ngrok = fakeNgrok(['https://a.ngrok-free.app']);
    const { manager: m } = manager({ authtoken: 'tok_settings', env: { NGROK_AUTHTOKEN: 'tok_env' }, load: ngrok.load });
    await m.start();
    expect(ngrok.calls[0]?.authtoken).toBe('tok_settings');
    expect(ngrok.calls[0]).not.toHaveProperty('domain');
  });

  it('retries "failed to connect session" (no network) with backoff, then comes online', async () => {
    const offline = Object.assign(new Error('failed to connect session: failed to establish tcp connection'), { code: 'GenericFailure' });
    const ngrok = fakeNgrok([offline, offline, 'https://b.ngrok-free.app']);
    const { manager: m, clock } = manager({ authtoken: 'tok', load: ngrok.load });
    const first = await m.start();
    expect(first).toMatchObject({ state: 'reconnecting', provider: 'ngrok', attempt: 2 });
    expect(first.state === 'reconnecting' && first.lastError).toMatch(/^ngrok could not reach its service: no network, or a firewall/);
    await clock.advance(1000);
    expect(m.status()).toMatchObject({ state: 'reconnecting', attempt: 3 });
    await clock.advance(2000);
    expect(m.status()).toMatchObject({ state: 'online', publicUrl: 'https://b.ngrok-free.app' });
  });

  it('fails, not retries, on a rejected authtoken or a domain of another account', () => {
    const bad = describeNgrokError(new Error('failed to connect session: authentication failed: The authtoken you specified does not look like a proper ngrok tunnel authtoken.\n\nERR_NGROK_105'));
    expect(bad.retryable).toBe(false);
    expect(bad.message).toMatch(/^ngrok could not connect: check the authtoken \(NGROK_AUTHTOKEN\)/);
    const code = describeNgrokError(Object.assign(new Error('session rejected'), { errorCode: 'ERR_NGROK_4018' }));
    expect(code.retryable).toBe(false);
    const domain = describeNgrokError(new Error('failed to start listener: The domain is reserved for another account. ERR_NGROK_320'), 'mine.ngrok.app');
    expect(domain).toMatchObject({ retryable: false, message: expect.stringMatching(/^ngrok refused the domain "mine\.ngrok\.app"/) });
    expect(describeNgrokError(new Error('limited to 1 simultaneous ngrok agent session ERR_NGROK_108')).retryable).toBe(true);
    expect(describeNgrokError(new Error('something new')).message).toBe('ngrok could not connect: something new');
  });

  it('reports a native module that cannot be loaded as failed', async () => {
    const { manager: m } = manager({ authtoken: 'tok', load: async () => Promise.reject(new Error('Cannot find module @ngrok/ngrok-linux-x64-gnu')) });
    const status = await m.start();
    expect(status).toMatchObject({ state: 'failed', error: expect.stringMatching(/native module could not be loaded.*npm ci/) });
  });

  it('treats ngrok reporting "closed" after online as a drop, and ignores it while connecting', async () => {
    const ngrok = fakeNgrok(['https://c.ngrok-free.app', 'https://c.ngrok-free.app']);
    const { manager: m, clock } = manager({ authtoken: 'tok', load: ngrok.load });
    await m.start();
    ngrok.calls[0]!.onStatusChange?.('connected');
    ngrok.calls[0]!.onStatusChange?.('closed');
    await flush();
    expect(m.status()).toMatchObject({ state: 'reconnecting', attempt: 1, lastError: 'ngrok lost its connection to the ngrok service.' });
    expect(ngrok.closed).toEqual(['https://c.ngrok-free.app']);
    await clock.advance(1000);
    expect(m.status().state).toBe('online');
  });

  it('the real @ngrok/ngrok module loads here and exposes forward()', async () => {
    // Not called: forward() would try to reach ngrok's servers, and tests talk to loopback only.
    const real = await import('@ngrok/ngrok');
    expect(typeof real.forward).toBe('function');
  });
});
