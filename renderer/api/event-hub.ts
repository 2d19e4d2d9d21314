/**
 * One live event stream per page, shared by every `useEvents` subscriber, plus its connection state.
 *
 * The stream opens on the first subscriber and stays open (the status strip always listens). `generation`
 * increases on every (re)connection so views can refetch what they may have missed while the stream was down.
 */

import type { MonitorEvent, MonitorEventType } from '../../shared/api/admin-types.js';
import type { ConnectionState } from './backend.js';
import { getBackend } from './client.js';

type Handler = (event: MonitorEvent) => void;

export interface ConnectionSnapshot {
  readonly state: ConnectionState;
  /** Counts transitions into `live`; the first connection is 1. */
  readonly generation: number;
}

const handlers = new Map<MonitorEventType, Set<Handler>>();
const stateListeners = new Set<() => void>();
let snapshot: ConnectionSnapshot = { state: 'connecting', generation: 0 };
let started = false;

function setState(state: ConnectionState): void {
  if (state === snapshot.state) return;
  snapshot = { state, generation: state === 'live' ? snapshot.generation + 1 : snapshot.generation };
  for (const listener of [...stateListeners]) listener();
}

function dispatch(event: MonitorEvent): void {
  for (const handler of [...(handlers.get(event.type) ?? [])]) {
    try {
      handler(event);
    } catch (error) {
      console.error('Event handler failed:', error); // one broken view must not stop the others
    }
  }
}

function ensureStarted(): void {
  if (started) return;
  started = true;
  getBackend().connectEvents(dispatch, setState);
}

export function subscribe(type: MonitorEventType, handler: Handler): () => void {
  ensureStarted();
  let set = handlers.get(type);
  if (set === undefined) handlers.set(type, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

export function subscribeConnection(listener: () => void): () => void {
  ensureStarted();
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

export const getConnection = (): ConnectionSnapshot => snapshot;
