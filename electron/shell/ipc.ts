/**
 * The MonitorApi over IPC: one `ipcMain.handle` per contract method, on a channel named after it
 * (`monitor:logs.list`), plus the event hub forwarded to the window on `monitor:event`.
 *
 * Every call is checked twice before it runs: the sender must be the app's own window showing the app's own page
 * (GitHub Desktop `trusted-ipc-sender.ts`, Electron Fiddle `ipc.ts`), and the payload must pass the contract's
 * schema (callApi). A refusal is an ApiResult like any other failure; nothing is thrown across the bridge.
 */

import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type MonitorApiHandlers } from '../../shared/api/contract.js';
import { fail, type ApiResult } from '../../shared/api/result.js';
import { callApi } from '../api/call.js';
import type { EventHub } from '../api/events.js';
import { channelFor, EVENT_CHANNEL, type MethodChannel } from './channels.js';

/** The channels the app registers, in contract order. */
export const IPC_CHANNELS: readonly MethodChannel[] = METHOD_NAMES.map(channelFor);

/** The document part of a URL (no query, no hash): the renderer routes by hash, and both must still match. */
function documentOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    url.hash = '';
    url.search = '';
    return url.href;
  } catch {
    return null;
  }
}

/**
 * True when the call comes from the main frame of `window`, showing the page at `rendererUrl`. A subframe, another
 * window, a devtools extension page or the same window navigated elsewhere are all refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: BrowserWindow | null, rendererUrl: string): boolean {
  if (window === null || window.isDestroyed()) return false;
  if (BrowserWindow.fromWebContents(event.sender) !== window) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return documentOf(frame.url) === documentOf(rendererUrl);
}

export interface IpcOptions {
  readonly handlers: MonitorApiHandlers;
  readonly events: EventHub;
  /** The app window now (it is re-created on macOS after being closed). */
  readonly window: () => BrowserWindow | null;
  readonly rendererUrl: string;
}

/** Registers the handlers and the event forwarding; returns the function that removes both. */
export function registerIpc(options: IpcOptions): () => void {
  const { handlers, events, window, rendererUrl } = options;
  for (const name of METHOD_NAMES) {
    /** MonitorApi `name` for the app window; `input` is validated against the contract by callApi. */
    ipcMain.handle(channelFor(name), async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event, window(), rendererUrl)) {
        console.warn(`provisioning-monitor: refused ${name} from ${event.senderFrame?.url ?? 'a closed frame'} (not the app window).`);
        return fail('unauthorized', `${name} may only be called by the Provisioning Monitor window.`);
      }
      return callApi(handlers, name, input);
    });
  }
  const unsubscribe = events.subscribe((event) => {
    const target = window();
    if (target !== null && !target.isDestroyed()) target.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
