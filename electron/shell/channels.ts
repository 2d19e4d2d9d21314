/**
 * IPC channel names, derived from the MonitorApi's method names: one channel per method (`monitor:logs.list`) and
 * one for pushed events. No generic channel exists (design/style.md §7.2).
 *
 * Shared by the main process (ipc.ts) and the preload; it imports no `electron` and no runtime code, so the
 * preload bundle stays small.
 */

import type { MethodName } from '../../shared/api/contract.js';

export type MethodChannel = `monitor:${MethodName}`;

/** Main → window: every MonitorEvent from the event hub. */
export const EVENT_CHANNEL = 'monitor:event';

export const channelFor = (name: MethodName): MethodChannel => `monitor:${name}`;
