/**
 * "Your own URL": the admin already runs a reverse proxy, a VS Code/Microsoft dev tunnel or a corporate gateway
 * that forwards to the SCIM listener, and tells us its public URL. Nothing is started; the manager's self-probe
 * is what shows whether that URL really reaches this monitor.
 */

import { SCIM_BASE_PATH } from '../../shared/scim/constants.js';
import { TunnelError, type TunnelProvider, type TunnelSession } from './types.js';

export type PublicUrlCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly error: string };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|[a-z0-9-]+\.localhost)$/i;

/**
 * Checks a public base URL and normalises it to an origin plus optional path prefix (no trailing slash).
 *
 * Entra only calls HTTPS URLs with a publicly trusted certificate, so plain http is accepted for loopback hosts
 * only (a local test rig). A pasted Tenant URL (`…/scim/v2`, with or without `?aadOptscim062020`) is accepted and
 * trimmed back to its base, because that is what admins copy around.
 */
export function checkPublicUrl(raw: string): PublicUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: `"${raw}" is not a URL; enter the public address of your proxy, like https://scim.example.com.` };
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    return { ok: false, error: `Entra only connects over HTTPS: use https://${url.host}${url.pathname === '/' ? '' : url.pathname} (plain http is allowed for localhost testing only).` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: `The public URL must start with https://, got "${raw}".` };
  if (url.username !== '' || url.password !== '') return { ok: false, error: 'The public URL must not contain a user name or password.' };
  if (url.hash !== '' || (url.search !== '' && url.search !== '?aadOptscim062020')) {
    return { ok: false, error: 'The public URL must not have a query or fragment; the Tenant URL is built from it.' };
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (path.toLowerCase().endsWith(SCIM_BASE_PATH)) path = path.slice(0, -SCIM_BASE_PATH.length);
  return { ok: true, url: `${url.origin}${path}` };
}

export function customProvider(options: { readonly publicUrl: string }): TunnelProvider {
  return {
    name: 'custom',
    async open(): Promise<TunnelSession> {
      const checked = checkPublicUrl(options.publicUrl);
      if (!checked.ok) throw new TunnelError(checked.error, false);
      let drop: (reason: Error | undefined) => void = () => undefined;
      const closed = new Promise<Error | undefined>((resolve) => (drop = resolve));
      // Online at once: the proxy is the admin's to run; we cannot see it drop, only probe it.
      return { publicUrl: checked.url, closed, close: async () => drop(undefined) };
    },
  };
}
