/**
 * Proxy mode: the listener records Entra's traffic and forwards it to the admin's own SCIM app (issue 9). Built
 * once per monitor from its UpstreamConfig; the listener calls it for every request it admits.
 */

import type { Db } from '../db/open.js';
import { identityOf } from '../provisioning/identity.js';
import { checkUpstreamTimeout, checkUpstreamUrl, DEFAULT_UPSTREAM_TIMEOUT_MS, MAX_UPSTREAM_RESPONSE_BYTES, type UpstreamConfig } from './upstream-config.js';
import { forwardRequest } from './forward.js';
import { identityMemory } from './identity-memory.js';
import { settleExchange } from './settle.js';
import type { ListenerProxy, UpstreamAnswer } from './types.js';

/** Throws with a plain message when the configuration cannot work (bad URL, bad timeout). */
export function createUpstreamProxy(config: UpstreamConfig, db: Db, maxResponseBytes = MAX_UPSTREAM_RESPONSE_BYTES): ListenerProxy {
  const checked = checkUpstreamUrl(config.url);
  if (!checked.ok) throw new Error(`Upstream: ${checked.error}`);
  const timeoutMs = config.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const badTimeout = checkUpstreamTimeout(timeoutMs);
  if (badTimeout !== null) throw new Error(`Upstream: ${badTimeout}`);
  const stopping = new AbortController();
  const options = { base: checked.url, token: config.token, timeoutMs, maxResponseBytes, stop: stopping.signal };
  const memory = identityMemory(db);
  const pending = new Set<Promise<UpstreamAnswer>>();

  return {
    url: checked.url,
    identify: (request, info) => identityOf(request, info, (entity, id) => memory.recall(entity, id)?.identity ?? null),
    forward(request, target, body) {
      const answer = forwardRequest(options, request, target, body);
      pending.add(answer);
      void answer.finally(() => pending.delete(answer));
      return answer;
    },
    settle: (request, info, identity, answer) => settleExchange({ upstreamBase: checked.url, memory }, request, info, identity, answer),
    async close() {
      stopping.abort();
      await Promise.allSettled([...pending]);
    },
  };
}
