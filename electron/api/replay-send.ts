/**
 * Sends a replay to the SCIM listener as a real HTTP request, so it takes exactly the path Entra's requests take:
 * authentication, fault rules, the directory or the upstream app in proxy mode, and the log.
 *
 * node:http rather than fetch: fetch refuses some header names and adds its own (Accept-Language, Sec-Fetch-*), and
 * a replay should carry what the admin sees in the form and nothing else.
 */

import { request } from 'node:http';
import { ApiFailure } from '../../shared/api/result.js';
import { loopbackTargetOf } from '../tunnel/types.js';
import type { ReplayRequest } from './replay-request.js';

/** Longer than a fault rule's longest latency (60 s) plus an upstream's default timeout in proxy mode (30 s). */
export const REPLAY_TIMEOUT_MS = 120_000;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The listener's address to connect to: a wildcard bind address is reached through loopback. */
function listenerAddress(scimUrl: string): { hostname: string; port: number } {
  const { host, port } = loopbackTargetOf(scimUrl);
  return { hostname: host, port };
}

/** Sends the replay and resolves with the listener's HTTP status once its answer has been read. */
export function sendReplay(scimUrl: string, replay: ReplayRequest, timeoutMs = REPLAY_TIMEOUT_MS): Promise<number> {
  const body = replay.body === null ? undefined : Buffer.from(replay.body, 'utf8');
  const headers: Record<string, string> = { ...replay.headers };
  if (body !== undefined || BODY_METHODS.has(replay.method)) headers['content-length'] = String(body?.length ?? 0);
  return new Promise((resolve, reject) => {
    let req;
    try {
      req = request({ ...listenerAddress(scimUrl), method: replay.method, path: replay.path, headers, agent: false });
    } catch (error) {
      // node:http validates the target and the headers before anything is sent.
      const reason = error instanceof Error ? error.message : String(error);
      return reject(new ApiFailure('invalid-argument', `The replay cannot be sent as edited: ${reason}`));
    }
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (error) => reject(new ApiFailure('unavailable', `The listener's answer to the replay was cut off: ${error.message}`)));
    });
    req.on('error', (error) => reject(new ApiFailure('unavailable', `The replay could not reach the listener at ${new URL(scimUrl).origin}: ${error.message}`)));
    req.end(body);
  });
}
