/**
 * The SCIM listener's request pipeline: read, authenticate, dispatch, log, answer.
 *
 * The handler's writes and the request's log row commit in one SQLite transaction *before* the response is sent,
 * so nothing Entra was told succeeded can be missing from the directory or the log (architecture.md, "Nothing
 * acknowledged is lost"). Requests whose bodies complete in the same turn of the event loop share one transaction
 * (group commit): each runs in its own savepoint, so a failing handler rolls back only its own writes, and the
 * batch's single commit costs one WAL write instead of one per request.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TokenService } from '../../auth/tokens.js';
import type { DirectoryRepo } from '../../db/directory-repo.js';
import type { Db } from '../../db/open.js';
import { requestIdentity } from '../../provisioning/identity.js';
import { classifyRequest } from '../../provisioning/operation.js';
import type { Recorded, Recorder } from '../../provisioning/recorder.js';
import { ScimError, scimErrorBody } from '../errors.js';
import { logEntry, type Exchange } from './log-entry.js';
import { MAX_BODY_BYTES, readBody, type BodyResult } from './read-body.js';
import { buildRequest, parseJsonBody, parseTarget } from './request-context.js';
import { errorResponse, serialize, type Serialized } from './respond.js';
import { scimRouter } from './routes.js';
import type { FaultInjector } from './faults.js';
import type { HandledRequest, ScimResponse } from './types.js';

export interface ListenerDeps {
  readonly db: Db;
  readonly directory: DirectoryRepo;
  readonly tokens: TokenService;
  /** Writes a request's log row (and its cycle and coverage bookkeeping) inside the listener's transaction. */
  readonly record: Recorder;
  readonly maxBodyBytes?: number;
  /** Called after a request's log row is committed (the live view's event source). */
  readonly onLogged?: (recorded: Recorded) => void;
  /** Fault-injection rules, asked once per authenticated request. */
  readonly faults?: FaultInjector;
  /** The clock that stamps log rows (tests move it to replay cycles 40 minutes apart). */
  readonly now?: () => number;
}

interface Job {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly ts: number;
  readonly started: number;
  readonly read: BodyResult;
}

interface Done {
  readonly serialized: Serialized;
  readonly recorded: Recorded;
  /** Injected latency: the answer is held back this long after it was committed. */
  readonly delayMs: number;
}

const AUTH_CHALLENGE = 'Bearer realm="Provisioning Monitor"';
/** Bounds the wait of the last request in a batch; at Entra's rates batches hold one or two requests. */
const MAX_BATCH = 128;

export function createScimListener(deps: ListenerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const route = scimRouter(deps.directory);
  const limit = deps.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = deps.now ?? Date.now;
  const savepoint = deps.db.transaction((work: () => ScimResponse) => work());
  const inBatch = deps.db.transaction((work: () => Done[]) => work());
  const alone = deps.db.transaction((work: () => Done) => work());

  /**
   * Authenticates, classifies and routes one request; every failure becomes a SCIM error response. The body is
   * parsed before the token is checked only to classify the request: a 401 answer still says what was attempted.
   */
  const dispatch = (req: IncomingMessage, read: BodyResult): HandledRequest => {
    let context: Partial<HandledRequest> = {};
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
      const identity = requestIdentity(full, info, deps.directory);
      context = { info, identity };
      const auth = deps.tokens.authenticate(req.headers.authorization);
      if (auth.token) context = { ...context, tokenId: auth.token.id };
      if (!auth.ok) {
        const challenge = auth.reason === 'missing' ? AUTH_CHALLENGE : `${AUTH_CHALLENGE}, error="invalid_token"`;
        throw new ScimError(401, auth.detail, undefined, { 'WWW-Authenticate': challenge });
      }
      if (read.kind === 'too-large') throw new ScimError(413, `The request body is larger than ${limit} bytes.`);
      if (bodyError !== undefined) throw bodyError;
      const fault = deps.faults?.(full, info, identity);
      if (fault) context = { ...context, fault: fault.rule, ...(fault.delayMs === undefined ? {} : { delayMs: fault.delayMs }) };
      if (fault?.response) {
        const { status, body: faultBody, headers } = fault.response;
        // The log's scim_type column comes from the response, as for the listener's own errors.
        const scimType = (faultBody as { scimType?: unknown } | undefined)?.scimType;
        return {
          ...context,
          status,
          body: faultBody ?? scimErrorBody(status, `Injected by the fault rule "${fault.rule}".`),
          headers: headers ?? {},
          ...(typeof scimType === 'string' ? { scimType } : {}),
        };
      }
      return { ...context, ...savepoint(() => route(full)) };
    } catch (error) {
      return { ...context, ...errorResponse(error) };
    }
  };

  /** Handles and logs one job; runs inside the batch transaction. */
  const process = (job: Job): Done => {
    const handled: HandledRequest = job.read.kind === 'aborted' ? { status: 499 } : dispatch(job.req, job.read);
    const exchange: Exchange = { req: job.req, ts: job.ts, target: parseTarget(job.req.url), read: job.read, handled, durationMs: performance.now() - job.started };
    const serialized = serialize(handled);
    const { entry, bodies, modified } = logEntry(exchange, serialized);
    const recorded = deps.record({ entry, bodies, modified, resultCount: handled.resultCount });
    return { serialized, recorded, delayMs: handled.delayMs ?? 0 };
  };

  const send = (job: Job, done: Done): void => {
    if (done.delayMs > 0) {
      setTimeout(() => send(job, { ...done, delayMs: 0 }), done.delayMs);
      return;
    }
    if (job.read.kind !== 'aborted' && !job.res.headersSent && !job.res.destroyed) {
      if (job.read.kind === 'too-large') done.serialized.headers.Connection = 'close';
      job.res.writeHead(done.serialized.status, done.serialized.headers).end(done.serialized.body);
    }
    deps.onLogged?.(done.recorded);
  };

  const unavailable = (job: Job, error: unknown): void => {
    // Nothing was committed for this request, so nothing changed: say so and let Entra retry later.
    console.error('provisioning-monitor: could not record a request:', error instanceof Error ? error.message : error);
    const failed = serialize({ status: 503, body: scimErrorBody(503, 'The listener could not record this request, so it changed nothing. Retry later.'), headers: { 'Retry-After': '60' } });
    if (job.read.kind !== 'aborted' && !job.res.headersSent) job.res.writeHead(failed.status, failed.headers).end(failed.body);
  };

  let queue: Job[] = [];
  const flush = (): void => {
    const jobs = queue;
    queue = [];
    if (jobs.length === 0) return;
    let results: Done[] | undefined;
    try {
      results = inBatch(() => jobs.map(process));
    } catch {
      // The batch could not commit; retry one by one so a single failing request cannot fail its neighbours.
    }
    if (results) {
      jobs.forEach((job, i) => send(job, results[i]!));
      return;
    }
    for (const job of jobs) {
      try {
        send(job, alone(() => process(job)));
      } catch (error) {
        unavailable(job, error);
      }
    }
  };

  const enqueue = (job: Job): void => {
    queue.push(job);
    if (queue.length === 1) setImmediate(flush);
    else if (queue.length >= MAX_BATCH) {
      flush();
    }
  };

  return (req, res) => {
    const ts = now();
    const started = performance.now();
    readBody(req, limit).then(
      (read) => enqueue({ req, res, ts, started, read }),
      (error: unknown) => {
        console.error('provisioning-monitor: reading a request failed:', error);
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  };
}
