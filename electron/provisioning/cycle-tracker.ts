/**
 * Infers provisioning cycles from request timing (entra-behavior.md §5, §14 item 9; design/screens.md Screen 3).
 *
 * Entra sends no cycle id, so a cycle here is a burst of traffic: it ends after an idle gap (5 minutes by default),
 * and a Test Connection probe arriving after real work starts a new one, because Entra probes at the start of
 * provisioning activity. The kind is a heuristic, and every view labels cycles as inferred:
 * - test connection: nothing but random-GUID probes;
 * - initial: the first cycle with real work (Entra's first, however many rehearsals came before it), or one that
 *   re-matches most existing users (after Restart provisioning Entra matches every in-scope object again;
 *   incremental cycles use the ids it cached);
 * - on-demand: one identity, away from the ~40-minute cadence (Provision on demand);
 * - incremental: everything else.
 */

import type { CycleIncrement, CyclesRepo } from '../db/cycles-repo.js';
import type { Operation } from '../../shared/domain/operation.js';

export type CycleKind = 'initial' | 'incremental' | 'on-demand' | 'test-connection';

/** Entra runs incremental cycles about every 40 minutes (Britive tutorial, entra-behavior.md §5.2). */
export const CYCLE_INTERVAL_MS = 40 * 60_000;
/** A burst this far from the expected cadence is "outside" it. */
const CADENCE_TOLERANCE_MS = 10 * 60_000;

export interface TrackedRequest {
  readonly ts: number;
  readonly operation: Operation;
  readonly action: string;
  readonly outcome: string;
  readonly status: number;
  readonly identity: string | null;
  readonly resultCount: number | undefined;
  /**
   * Entra sent it, not the app itself (api/log-source.ts): cycles count everyone's traffic, but only Entra's work
   * sets its cadence (the `entra_work` counter, migration 0010).
   */
  readonly sentByEntra: boolean;
}

interface Current {
  readonly id: number;
  lastTs: number;
  hasWork: boolean;
  readonly firstWork: boolean;
  readonly outsideCadence: boolean;
  readonly usersAtStart: number;
  readonly identities: Set<string>;
  readonly matchedExisting: Set<string>;
}

export interface CycleTracker {
  /** Puts a request into a cycle (opening one when needed) and returns its id. */
  assign(request: TrackedRequest): { cycleId: number; opened: boolean };
}

const LOOKUP: ReadonlySet<Operation> = new Set(['match', 'list', 'read', 'test-connection', 'discovery']);

function increment(r: TrackedRequest): CycleIncrement {
  const is = (condition: boolean): number => (condition ? 1 : 0);
  return {
    probes: is(r.operation === 'test-connection'),
    matches: is(r.operation === 'match'),
    creates: is(r.action === 'Create'),
    updates: is(r.action === 'Update'),
    disables: is(r.action === 'Disable'),
    deletes: is(r.action === 'Delete'),
    others: is(r.action === 'Other'),
    successes: is(r.outcome === 'Success'),
    failures: is(r.outcome === 'Failure'),
    skipped: is(r.outcome === 'Skipped'),
    auth_failures: is(r.status === 401 || r.status === 403),
    not_found_lists: is(r.status === 404 && (r.operation === 'match' || r.operation === 'list' || r.operation === 'test-connection')),
    server_errors: is(r.status >= 500 || r.status === 499),
    // "Work" as everywhere else: neither a Test Connection probe nor a schema read (api/cycle-work.ts).
    entra_work: is(r.sentByEntra && r.operation !== 'test-connection' && r.operation !== 'discovery'),
  };
}

function kindOf(current: Current): CycleKind {
  if (!current.hasWork) return 'test-connection';
  if (current.firstWork) return 'initial';
  if (current.usersAtStart > 0 && current.matchedExisting.size >= Math.max(2, 0.8 * current.usersAtStart)) return 'initial';
  if (current.identities.size === 1 && current.outsideCadence) return 'on-demand';
  return 'incremental';
}

export function createCycleTracker(repo: CyclesRepo, usersCount: () => number, idleGapMs: () => number): CycleTracker {
  let current: Current | undefined;
  const latest = repo.latest();
  if (latest) {
    const identities = new Set(repo.identitiesOf(latest.id));
    current = {
      id: latest.id,
      lastTs: latest.ended,
      hasWork: latest.requests > latest.probes,
      firstWork: latest.kind === 'initial' && !repo.hasEntraWorkBefore(latest.id),
      outsideCadence: latest.kind === 'on-demand',
      usersAtStart: latest.users_at_start,
      identities,
      matchedExisting: new Set(),
    };
  }

  const open = (ts: number): Current => {
    // The cadence is Entra's (§5.2): a cycle is measured against the last one Entra worked in, so neither a
    // simulated cycle nor a Test Connection in between makes an on-time incremental cycle look on-demand.
    const previousWorkStart = repo.lastEntraWorkStart();
    const usersAtStart = usersCount();
    const id = repo.open(ts, 'test-connection', usersAtStart);
    return {
      id,
      lastTs: ts,
      hasWork: false,
      // Entra's first cycle is its initial one (§5.1), even when a rehearsal with the simulator came before it.
      firstWork: !repo.hasEntraWorkBefore(id),
      outsideCadence: previousWorkStart === undefined || Math.abs(ts - (previousWorkStart + CYCLE_INTERVAL_MS)) > CADENCE_TOLERANCE_MS,
      usersAtStart,
      identities: new Set(),
      matchedExisting: new Set(),
    };
  };

  return {
    assign(request) {
      const probe = request.operation === 'test-connection';
      let opened = false;
      if (!current || request.ts - current.lastTs > idleGapMs() || (probe && current.hasWork)) {
        current = open(request.ts);
        opened = true;
      }
      current.lastTs = Math.max(current.lastTs, request.ts);
      if (!probe && request.operation !== 'discovery') current.hasWork = true;
      if (request.identity && !probe && !(LOOKUP.has(request.operation) && request.operation !== 'match')) {
        current.identities.add(request.identity.toLowerCase());
      }
      if (request.operation === 'match' && request.identity && (request.resultCount ?? 0) > 0) {
        current.matchedExisting.add(request.identity.toLowerCase());
      }
      repo.add(current.id, request.ts, increment(request), current.identities.size, kindOf(current));
      return { cycleId: current.id, opened };
    },
  };
}
