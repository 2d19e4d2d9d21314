/**
 * The composition root: builds the database, token service and SCIM listener from one configuration.
 * The desktop shell and the headless `serve` command both start the monitor through here.
 */

import { join } from 'node:path';
import { tokenService, type TokenService } from './auth/tokens.js';
import { startCheckpointer } from './db/checkpointer.js';
import { directoryRepo, type DirectoryRepo } from './db/directory-repo.js';
import { DATABASE_FILE, openDatabase, type Db } from './db/open.js';
import { requestLogRepo, type RequestLogRepo } from './db/request-log-repo.js';
import { tokensRepo } from './db/tokens-repo.js';
import { arrivalsRepo } from './db/arrivals-repo.js';
import { failuresRepo } from './db/failures-repo.js';
import { cyclesRepo, type CyclesRepo } from './db/cycles-repo.js';
import { createCycleTracker } from './provisioning/cycle-tracker.js';
import { createRecorder, type Recorded, type Recorder } from './provisioning/recorder.js';
import type { FaultInjector } from './scim/http/faults.js';
import { startScimServer, type RunningListener } from './scim/http/server.js';
import { createUpstreamProxy } from './proxy/proxy.js';
import type { UpstreamConfig } from './proxy/upstream-config.js';
import { createTunnelProvider, type TunnelConfig } from './tunnel/create-provider.js';
import { createTunnelManager, type TunnelManager } from './tunnel/manager.js';
import { loopbackTarget } from './tunnel/types.js';

export interface MonitorConfig {
  /** Folder holding `monitor.db`; `:memory:` keeps everything in memory (tests). */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** A fixed secret registered as a token (`serve --token`), for scripted use. */
  readonly token?: string;
  readonly maxBodyBytes?: number;
  /** Fault-injection rules for rehearsing Entra's retry and quarantine paths. */
  readonly faults?: FaultInjector;
  /** The clock for log timestamps; tests move it to replay cycles without waiting. */
  readonly now?: () => number;
  /** The idle gap that ends an inferred cycle, read on every request (a setting). */
  readonly idleGapMs?: () => number;
  /** Called after each request's log row is committed. */
  readonly onLogged?: (recorded: Recorded) => void;
  /** The public tunnel to the SCIM listener; built stopped, the caller starts it (after subscribing). */
  readonly tunnel?: TunnelConfig;
  /** Proxy mode: forward authenticated requests to this SCIM app instead of the built-in directory. */
  readonly upstream?: UpstreamConfig;
  /** better-sqlite3's addon built for Electron (desktop shell only); the Node build in node_modules otherwise. */
  readonly nativeBinding?: string;
}

export interface Monitor extends Store {
  readonly listener: RunningListener;
  /** Forwards the SCIM listener's port, and only that port; null when no tunnel is configured (`none`). */
  readonly tunnel: TunnelManager | null;
  /** Proxy mode's upstream (its URL only, never its token); null for the built-in target. */
  readonly upstream: { readonly url: string } | null;
  /** Stops the tunnel, then the listener, then closes the database (flushing the WAL). */
  close(): Promise<void>;
}

export interface Store {
  readonly db: Db;
  readonly tokens: TokenService;
  readonly directory: DirectoryRepo;
  readonly log: RequestLogRepo;
  readonly cycles: CyclesRepo;
  readonly record: Recorder;
}

/** The default idle gap that ends an inferred cycle. */
export const DEFAULT_IDLE_GAP_MS = 5 * 60_000;

export function openStore(dataDir: string, idleGapMs: () => number = () => DEFAULT_IDLE_GAP_MS, nativeBinding?: string): Store {
  const db = openDatabase(dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE), nativeBinding === undefined ? {} : { nativeBinding });
  const directory = directoryRepo(db);
  const log = requestLogRepo(db);
  const cycles = cyclesRepo(db);
  const usersCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const tracker = createCycleTracker(cycles, () => usersCount.get()?.n ?? 0, idleGapMs);
  const tokens = tokenService(tokensRepo(db));
  return { db, tokens, directory, log, cycles, record: createRecorder(log, tracker, arrivalsRepo(db), failuresRepo(db), (id) => tokens.isInternalId(id)) };
}

export async function startMonitor(config: MonitorConfig): Promise<Monitor> {
  const store = openStore(config.dataDir, config.idleGapMs, config.nativeBinding);
  // Checkpoints leave the listener's thread (db/checkpointer.ts); an in-memory database has no WAL.
  const checkpointer = config.dataDir === ':memory:' ? null : startCheckpointer(store.db, store.db.name, config.nativeBinding === undefined ? {} : { nativeBinding: config.nativeBinding });
  try {
    if (config.token !== undefined) store.tokens.register(config.token, 'serve --token');
    const proxy = config.upstream === undefined ? undefined : createUpstreamProxy(config.upstream, store.db);
    const listener = await startScimServer(
      {
        ...store,
        ...(proxy === undefined ? {} : { proxy }),
        ...(config.maxBodyBytes === undefined ? {} : { maxBodyBytes: config.maxBodyBytes }),
        ...(config.faults === undefined ? {} : { faults: config.faults }),
        ...(config.now === undefined ? {} : { now: config.now }),
        ...(config.onLogged === undefined ? {} : { onLogged: config.onLogged }),
        ...(checkpointer === null ? {} : { onCommit: checkpointer.committed }),
      },
      config.host,
      config.port,
    );
    const provider = config.tunnel === undefined ? undefined : createTunnelProvider(config.tunnel);
    // The target is the listener's own address: no other port (the admin API) can ever be handed to a tunnel.
    const tunnel = provider === undefined ? null : createTunnelManager({ provider, target: loopbackTarget(listener.host, listener.port) });
    return {
      ...store,
      listener,
      tunnel,
      upstream: proxy === undefined ? null : { url: proxy.url },
      async close() {
        // The public side goes first, so Entra sees the endpoint disappear rather than requests cut mid-way.
        await tunnel?.stop();
        await listener.close();
        if (proxy !== undefined) {
          // Forwards still waiting on the upstream are abandoned: each is answered 502 and logged, in the listener's
          // next group commit (a setImmediate), which runs before the database closes.
          await proxy.close();
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        await checkpointer?.stop();
        store.db.close();
      },
    };
  } catch (error) {
    await checkpointer?.stop();
    store.db.close();
    throw error;
  }
}
