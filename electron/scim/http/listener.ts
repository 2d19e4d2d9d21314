/**
 * The SCIM listener's request pipeline: read, admit (authenticate, classify, fault rules: admit.ts), dispatch, log, answer.
 *
 * The handler's writes and the request's log row commit in one SQLite transaction *before* the response is sent,
 * so nothing Entra was told succeeded can be missing from the directory or the log (architecture.md, "Nothing
 * acknowledged is lost"). Requests whose bodies complete in the same turn of the event loop share one transaction
 * (group commit): each runs in its own savepoint, so a failing handler rolls back only its own writes, and the
 * batch's single commit costs one WAL write instead of one per request.
 *
 * In proxy mode (`deps.proxy`) the same request is admitted (parsed, classified, authenticated against OUR tokens)
 * synchronously, then forwarded to the upstream app *outside* any transaction, since that is asynchronous. Its answer
 * joins the same group-commit queue as a ready-made job: classification of the exchange and the log row are written
 * in the batch transaction, and only after the commit is the upstream's answer relayed to Entra.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TokenService } from '../../auth/tokens.js';
import type { DirectoryRepo } from '../../db/directory-repo.js';
import type { Db } from '../../db/open.js';
import { classifyRequest } from '../../provisioning/operation.js';
import type { Recorded, Recorder } from '../../provisioning/recorder.js';
import { scimErrorBody } from '../errors.js';
import { createAdmit } from './admit.js';
import { logEntry, type Exchange } from './log-entry.js';
import { MAX_BODY_BYTES, readBody, type BodyResult } from './read-body.js';
import { parseTarget } from './request-context.js';
import { errorResponse, serialize, type Serialized } from './respond.js';
import { scimRouter } from './routes.js';
import { isStorageFailure, TransactionLost } from './storage-failure.js';
import type { FaultInjector } from './faults.js';
import type { ListenerProxy } from '../../proxy/types.js';
import type { HandledRequest, ScimRequest, ScimResponse } from './types.js';

export interface ListenerDeps {
  readonly db: Db;
  readonly directory: DirectoryRepo;
  readonly tokens: TokenService;
  /** Writes a request's log row (and its cycle and coverage bookkeeping) inside the listener's transaction. */
  readonly record: Recorder;
  readonly maxBodyBytes?: number;
  /** Called after a request's log row is committed (the live view's event source). */
  readonly onLogged?: (recorded: Recorded) => void;
  /** Called after each group commit (the background checkpointer counts them, db/checkpointer.ts). */
  readonly onCommit?: () => void;
  /** Fault-injection rules, asked once per authenticated request. */
  readonly faults?: FaultInjector;
  /** The clock that stamps log rows (tests move it to replay cycles 40 minutes apart). */
  readonly now?: () => number;
  /** Proxy mode: authenticated requests go to an upstream SCIM app instead of the directory. */
  readonly proxy?: ListenerProxy;
}

interface Job {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly ts: number;
  readonly started: number;
  readonly read: BodyResult;
  /** Proxy mode: the exchange, built from the upstream's answer inside the log transaction. */
  readonly settle?: () => { readonly handled: HandledRequest; readonly serialized: Serialized };
}

interface Done {
  readonly serialized: Serialized;
  readonly recorded: Recorded;
  /** Injected latency: the answer is held back this long after it was committed. */
  readonly delayMs: number;
}

/** GET and HEAD, and POST …/.search (RFC 7644 §3.4.3): requests whose handlers only read the directory. */
const isReadOnly = (request: ScimRequest): boolean =>
  request.method === 'GET' || request.method === 'HEAD' || (request.method === 'POST' && request.segments[request.segments.length - 1] === '.search');

/** Bounds the wait of the last request in a batch; at Entra's rates batches hold one or two requests. */
const MAX_BATCH = 128;

export function createScimListener(deps: ListenerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const route = scimRouter(deps.directory);
  const limit = deps.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = deps.now ?? Date.now;
  const savepoint = deps.db.transaction((work: () => ScimResponse) => work());
  const inBatch = deps.db.transaction((work: () => Done[]) => work());
  const alone = deps.db.transaction((work: () => Done) => work());

  const admit = createAdmit({ ...deps, limit });

  /** Built-in target: admits and routes one request to the directory, in its own savepoint. */
  const dispatch = (req: IncomingMessage, read: BodyResult): HandledRequest => {
    const admitted = admit(req, read);
    if ('done' in admitted) return admitted.done;
    try {
      // A read writes nothing, so it needs no savepoint to undo (about 6 µs saved on every GET and match).
      const { request } = admitted;
      return { ...admitted.context, ...(isReadOnly(request) ? route(request) : savepoint(() => route(request))) };
    } catch (error) {
      // Disk full or an I/O error is no 500: fail the batch (retried alone, then 503 with nothing recorded).
      if (isStorageFailure(error)) throw error;
      return { ...admitted.context, ...errorResponse(error) };
    }
  };

  /** Handles and logs one job; runs inside the batch transaction. */
  const process = (job: Job): Done => {
    let handled: HandledRequest;
    let serialized: Serialized;
    if (job.settle) {
      ({ handled, serialized } = job.settle());
    } else {
      handled = job.read.kind === 'aborted' ? { status: 499 } : dispatch(job.req, job.read);
      serialized = serialize(handled);
    }
    const exchange: Exchange = { req: job.req, ts: job.ts, target: parseTarget(job.req.url), read: job.read, handled, durationMs: performance.now() - job.started };
    const { entry, bodies, modified } = logEntry(exchange, serialized);
    // SQLite may have rolled the transaction back (storage-failure.ts): this row would then commit on its own.
    if (!deps.db.inTransaction) throw new TransactionLost();
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
    // Nothing was committed for this request, so nothing changed here: say so and let Entra retry later. In proxy mode
    // the upstream may have acted, but an answer that is not in the log is never relayed.
    console.error('provisioning-monitor: could not record a request:', error instanceof Error ? error.message : error);
    const detail = deps.proxy
      ? 'The monitor could not record the upstream app\'s answer to this request, so it does not relay it. The upstream may have applied it; retry later.'
      : 'The listener could not record this request, so it changed nothing. Retry later.';
    const failed = serialize({ status: 503, body: scimErrorBody(503, detail), headers: { 'Retry-After': '60' } });
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
      deps.onCommit?.();
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

  /**
   * Proxy mode: admits the request now, forwards it if it was admitted, and queues the exchange for the log. A request
   * answered here (401, 413, a fault rule) never reaches the upstream; Entra's bearer token is never forwarded.
   */
  const relay = async (proxy: ListenerProxy, job: Job): Promise<void> => {
    if (job.read.kind === 'aborted') return enqueue(job);
    const admitted = admit(job.req, job.read);
    if ('done' in admitted) {
      const handled = admitted.done;
      return enqueue({ ...job, settle: () => ({ handled, serialized: serialize(handled) }) });
    }
    const { request, target, context } = admitted;
    const answer = await proxy.forward(request, target, job.read.kind === 'ok' ? job.read.bytes : undefined);
    enqueue({
      ...job,
      settle: () => {
        const settled = proxy.settle(request, context.info ?? classifyRequest(request), context.identity ?? null, answer);
        return { handled: { ...context, ...settled.handled }, serialized: settled.serialized };
      },
    });
  };

  return (req, res) => {
    const ts = now();
    const started = performance.now();
    const failed = (what: string) => (error: unknown): void => {
      console.error(`provisioning-monitor: ${what} a request failed:`, error);
      if (!res.headersSent) res.writeHead(500).end();
    };
    const { proxy } = deps;
    readBody(req, limit).then(
      proxy ? (read) => relay(proxy, { req, res, ts, started, read }).catch(failed('forwarding')) : (read) => enqueue({ req, res, ts, started, read }),
      failed('reading'),
    );
  };
}
