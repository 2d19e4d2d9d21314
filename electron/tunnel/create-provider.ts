/**
 * Turns the tunnel settings (CLI flags or the desktop app's Settings) into a provider.
 */

import { cloudflaredProvider } from './cloudflared.js';
import { customProvider } from './custom.js';
import { localtunnelProvider } from './localtunnel.js';
import { ngrokProvider } from './ngrok.js';
import type { TunnelProvider, TunnelProviderName } from './types.js';

export interface TunnelConfig {
  readonly provider: TunnelProviderName;
  /** localtunnel: the server (default https://localtunnel.me). custom: the public URL of the admin's proxy. */
  readonly host?: string;
  /** localtunnel: the subdomain to ask for. */
  readonly subdomain?: string;
  /** ngrok: a reserved domain. */
  readonly domain?: string;
  /** ngrok: the authtoken; NGROK_AUTHTOKEN otherwise. */
  readonly authtoken?: string;
  /** cloudflared: the binary; PATH otherwise. */
  readonly cloudflaredPath?: string;
}

/** undefined for `none`; a custom provider without a URL fails on start with a message that says so. */
export function createTunnelProvider(config: TunnelConfig): TunnelProvider | undefined {
  switch (config.provider) {
    case 'none':
      return undefined;
    case 'ngrok':
      return ngrokProvider({
        ...(config.authtoken === undefined ? {} : { authtoken: config.authtoken }),
        ...(config.domain === undefined ? {} : { domain: config.domain }),
      });
    case 'localtunnel':
      return localtunnelProvider({
        ...(config.host === undefined ? {} : { host: config.host }),
        ...(config.subdomain === undefined ? {} : { subdomain: config.subdomain }),
      });
    case 'cloudflared':
      return cloudflaredProvider(config.cloudflaredPath === undefined ? {} : { binary: config.cloudflaredPath });
    case 'custom':
      return customProvider({ publicUrl: config.host ?? '' });
  }
}
