/**
 * The placeholder page's key-exchange script, run in a VM against fake browser globals (no browser on the build
 * machines): it clears the key from the address bar before anything else, trades it once, and reports the session.
 */

import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { exchangeKeyScript, placeholderPage } from '../../../../electron/admin/placeholder.js';

interface Call {
  readonly url: string;
  readonly body: string | undefined;
}

async function run(hash: string, answers: Record<string, { ok: boolean; json: unknown }>) {
  const steps: string[] = [];
  const calls: Call[] = [];
  const element = { textContent: '', attributes: {} as Record<string, string>, setAttribute(name: string, value: string) { this.attributes[name] = value; } };
  const context = {
    document: { getElementById: (id: string) => (id === 'session-status' ? element : null) },
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_data: unknown, _title: string, url: string) => steps.push(`replace ${url}`) },
    fetch: (url: string, init: { body?: string }) => {
      steps.push(`fetch ${url}`);
      calls.push({ url, body: init.body });
      const answer = answers[url] ?? { ok: false, json: {} };
      return Promise.resolve({ ok: answer.ok, json: () => Promise.resolve(answer.json) });
    },
  };
  runInNewContext(exchangeKeyScript(), context);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { steps, calls, element };
}

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

describe('exchangeKeyScript', () => {
  it('removes the key from the address bar, then exchanges it and confirms the session', async () => {
    const { steps, calls, element } = await run(`#key=${KEY}`, {
      '/session': { ok: true, json: { ok: true } },
      '/api/status.get': { ok: true, json: { ok: true, value: {} } },
    });
    expect(steps).toEqual(['replace /', 'fetch /session', 'fetch /api/status.get']);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ key: KEY });
    expect(element.textContent).toContain('Signed in');
    expect(element.attributes['data-session']).toBe('active');
  });

  it('says so when the link was used or expired', async () => {
    const { element } = await run(`#key=${KEY}`, { '/api/status.get': { ok: false, json: { ok: false } } });
    expect(element.textContent).toContain('already used or has expired');
    expect(element.attributes['data-session']).toBe('none');
  });

  it('without a key only checks the existing session', async () => {
    const { steps, element } = await run('', { '/api/status.get': { ok: true, json: { ok: true, value: {} } } });
    expect(steps).toEqual(['fetch /api/status.get']);
    expect(element.attributes['data-session']).toBe('active');
  });
});

describe('placeholderPage', () => {
  it('escapes the endpoint and loads the script instead of inlining it', () => {
    const html = placeholderPage('http://127.0.0.1:1/scim/v2?<script>');
    expect(html).toContain('http://127.0.0.1:1/scim/v2?&lt;script&gt;');
    expect(html).toContain('<script src="/__pm/session.js"></script>');
    expect(html).not.toMatch(/<script>/);
  });
});
