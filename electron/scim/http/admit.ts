/**
 * The listener's first step for one request: parse the target and body, classify it, name its identity, check the
 * bearer token, the body limit and the fault rules. Every refusal becomes a SCIM error response (RFC 7644 §3.12);
 * what passes goes on to the directory (listener.ts) or, in proxy mode, to the upstream app.
 */

import type { IncomingMessage } from 'node:http';
import type { TokenService } from '../../auth/tokens.js';
import type { DirectoryRepo } from '../../db/directory-repo.js';
import { requestIdentity } from '../../provisioning/identity.js';
import { classifyRequest } from '../../provisioning/operation.js';
import type { ListenerProxy } from '../../proxy/types.js';
import { ScimError, scimErrorBody } from '../errors.js';
import type { FaultInjector } from './faults.js';
import type { BodyResult } from './read-body.js';
import { replayLink } from './replay-link.js';
import { buildRequest, parseJsonBody, parseTarget, type ParsedTarget } from './request-context.js';
import { errorResponse } from './respond.js';
import type { HandledRequest, ScimRequest } from './types.js';

/** What `admit` decided: answer here (an error or an injected fault), or hand the request on with what is known. */
export type Admitted =
  | { readonly done: HandledRequest }
  | { readonly request: ScimRequest; readonly target: ParsedTarget; readonly context: Partial<HandledRequest> };

export interface AdmitDeps {
  readonly directory: DirectoryRepo;
  readonly tokens: TokenService;
  readonly faults?: FaultInjector;
  readonly proxy?: ListenerProxy;
  /** The body limit, for the 413 message. */
  readonly limit: number;
}

const AUTH_CHALLENGE = 'Bearer realm="Provisioning Monitor"';

export function createAdmit(deps: AdmitDeps): (req: IncomingMessage, read: BodyResult) => Admitted {
  const identify = deps.proxy
    ? deps.proxy.identify
    : (request: ScimRequest, info: ReturnType<typeof classifyRequest>) => requestIdentity(request, info, deps.directory);

  /**
   * Authenticates and classifies one request; every failure becomes a SCIM error response. The body is parsed before
   * the token is checked only to classify the request: a 401 answer still says what was attempted. In proxy mode a
   * body that is not JSON is still forwarded (the upstream decides), so only the built-in target rejects it here.
   */
  return (req: IncomingMessage, read: BodyResult): Admitted => {
    // The app's own replays name their original (replay-link.ts); read first, so a replay whose edited path, body or
    // token is refused below is still linked. Entra's requests carry no such header: one property lookup.
    const replayOf = replayLink(req.headers, deps.tokens);
    let context: Partial<HandledRequest> = replayOf === undefined ? {} : { replayOf };
    try {
      const target = parseTarget(req.url);
      if (target instanceof ScimError) throw target;
      const request = buildRequest(req, target, undefined);
      let body: unknown;
      let bodyError: unknown;
      try {
        body = read.kind === 'ok' ? parseJsonBody(read.bytes) : undefined;
      } catch (error) {
        bodyError = error;
      }
      const full = { ...request, body };
      const info = classifyRequest(full);
      const identity = identify(full, info);
      context = replayOf === undefined ? { info, identity } : { replayOf, info, identity };
      const auth = deps.tokens.authenticate(req.headers.authorization);
      if (auth.token) context = { ...context, tokenId: auth.token.id };
      if (!auth.ok) {
        const challenge = auth.reason === 'missing' ? AUTH_CHALLENGE : `${AUTH_CHALLENGE}, error="invalid_token"`;
        throw new ScimError(401, auth.detail, undefined, { 'WWW-Authenticate': challenge });
      }
      if (read.kind === 'too-large') throw new ScimError(413, `The request body is larger than ${deps.limit} bytes.`);
      if (bodyError !== undefined && !deps.proxy) throw bodyError;
      const fault = deps.faults?.(full, info, identity);
      if (fault) context = { ...context, fault: fault.rule, ...(fault.delayMs === undefined ? {} : { delayMs: fault.delayMs }) };
      if (fault?.response) {
        const { status, body: faultBody, headers } = fault.response;
        // The log's scim_type column comes from the response, as for the listener's own errors.
        const scimType = (faultBody as { scimType?: unknown } | undefined)?.scimType;
        return {
          done: {
            ...context,
            status,
            body: faultBody ?? scimErrorBody(status, `Injected by the fault rule "${fault.rule}".`),
            headers: headers ?? {},
            ...(typeof scimType === 'string' ? { scimType } : {}),
          },
        };
      }
      return { request: full, target, context };
    } catch (error) {
      return { done: { ...context, ...errorResponse(error) } };
    }
  };
}
