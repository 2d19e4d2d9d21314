/**
 * The MonitorApi's summary of the tunnel (`TunnelInfo` in shared/api/admin-types.ts) from the manager's status,
 * so the API's `tunnel` dependency and its `tunnel-changed` event are one line each to wire.
 */

import type { TunnelInfo } from '../../shared/api/admin-types.js';
import type { TunnelStatus } from './types.js';

/** `message` carries what the admin needs to read: the error, the retry, or the probe's verdict. */
export function toTunnelInfo(provider: string, status: TunnelStatus): TunnelInfo {
  switch (status.state) {
    case 'stopped':
      return { provider, state: 'stopped', publicUrl: null, message: null };
    case 'connecting':
      return { provider, state: 'connecting', publicUrl: null, message: status.attempt > 1 ? `Attempt ${status.attempt}` : null };
    case 'online':
      return { provider, state: 'online', publicUrl: status.publicUrl, message: status.probe.state === 'unreachable' ? status.probe.error : null };
    case 'reconnecting':
      return { provider, state: 'reconnecting', publicUrl: null, message: `${status.lastError} Retrying (attempt ${status.attempt}).` };
    case 'failed':
      return { provider, state: 'failed', publicUrl: null, message: status.error };
  }
}
