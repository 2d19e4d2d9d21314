/**
 * The window's guards: no new windows, no navigation, no webviews, no permissions, https-only external links,
 * and a CSP header that says at least what the renderer's meta tag says.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeWebContents, makeEvent, resetElectron } from '../../../mocks/electron.js';

vi.mock('electron', () => import('../../../mocks/electron.js'));

const { DESKTOP_CSP, guardWebContents, installSessionPolicy, installWebContentsGuards, openExternalSafely, safeExternalUrl } = await import(
  '../../../../electron/shell/security.js'
);

beforeEach(() => {
  resetElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('safeExternalUrl', () => {
  it.each([
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups',
    'https://portal.azure.com/#view/Microsoft_AAD_IAM',
  ])('accepts %s', (url) => {
    expect(safeExternalUrl(url)?.protocol).toBe('https:');
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://example.com/',
    'HTTP://example.com/',
    'ms-settings:privacy',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@example.com/',
    'https://',
    'not a url',
    '',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses anything that is not a string', () => {
    expect(safeExternalUrl({ toString: () => 'https://example.com' })).toBeNull();
    expect(safeExternalUrl(undefined)).toBeNull();
  });
});

describe('openExternalSafely', () => {
  it('hands only parsed https URLs to the OS browser', () => {
    expect(openExternalSafely('https://example.com/a b')).toBe(true);
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.com/a%20b');
    expect(openExternalSafely('javascript:alert(document.cookie)')).toBe(false);
    expect(openExternalSafely('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(openExternalSafely('http://example.com')).toBe(false);
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('web contents guards', () => {
  it('are installed on every webContents the app creates', () => {
    installWebContentsGuards();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', makeEvent(), contents);
    expect(contents.windowOpenHandler).toBeDefined();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('deny every window.open, opening https links in the browser and nothing else', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal.mock.calls).toEqual([['https://example.com/docs']]);
  });

  it('prevent every navigation, redirect and webview, whatever the scheme', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    for (const url of ['https://example.com/', 'http://evil.test/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = makeEvent();
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    for (const name of ['will-redirect', 'will-attach-webview']) {
      const event = makeEvent();
      contents.emit(name, event, {}, {});
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('session policy', () => {
  it('denies every permission request and check', () => {
    const ses = fake.session.defaultSession;
    installSessionPolicy(ses as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      ses.permissionRequestHandler!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler!({}, permission), permission).toBe(false);
    }
  });

  it('adds the CSP header to file:// responses, keeping the other headers', () => {
    const ses = fake.session.defaultSession;
    installSessionPolicy(ses as never);
    expect(ses.headersListener?.filter).toEqual({ urls: ['file:///*'] });
    const callback = vi.fn();
    ses.headersListener!.listener({ url: 'file:///app/dist/renderer/index.html', responseHeaders: { 'X-Test': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Test': ['1'], 'Content-Security-Policy': [DESKTOP_CSP] } });
  });

  it("carries every directive of the renderer's meta CSP unchanged, plus frame-ancestors 'none'", () => {
    const html = readFileSync(join(import.meta.dirname, '../../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const directives = (policy: string) => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean);
    const header = directives(DESKTOP_CSP);
    for (const directive of directives(meta!)) expect(header).toContain(directive);
    expect(header).toContain("frame-ancestors 'none'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});
