/**
 * Payloads of fault injection (issue 8): the rules an admin edits in Settings to rehearse how Entra reacts to
 * throttling, server errors and slow answers (entra-behavior.md §4, §9), with how often each one fired.
 *
 * The rule shape is the one `serve --faults FILE` reads (electron/faults/rules.ts validates both).
 */

import type { Operation } from '../domain/operation.js';

export interface FaultRuleSpec {
  readonly name: string;
  readonly match: {
    readonly method?: string;
    readonly path?: string;
    readonly operation?: Operation;
    readonly identity?: string;
  };
  readonly probability?: number;
  readonly count?: number;
  readonly respond?: { readonly status: number; readonly retryAfter?: number; readonly scimType?: string; readonly detail?: string };
  readonly latencyMs?: number;
}

export interface FaultRuleState {
  readonly rule: FaultRuleSpec;
  /** Requests that matched the rule's `match` since it was last set. */
  readonly matched: number;
  /** Requests the rule answered or delayed. */
  readonly applied: number;
  /** A rule with a `count` that has used it up: it fires no more until it is set again. */
  readonly exhausted: boolean;
}

/**
 * Where the active rules came from: `settings` (saved in settings.json, kept across restarts) or `file` (`serve
 * --faults FILE`: they replace the saved rules for this run only, and edits are not saved).
 */
export type FaultSource = 'settings' | 'file';

export interface FaultsState {
  readonly rules: readonly FaultRuleState[];
  /** Rules that can still fire (not exhausted). */
  readonly active: number;
  readonly source: FaultSource;
  /** The rules file when `source` is `file`. */
  readonly file: string | null;
  /** Whether `faults.set` and `faults.clear` are saved to settings.json (false for rules from a file). */
  readonly persisted: boolean;
  /** Saved rules that could not be used at start (a hand-edited settings.json), in words; null when none. */
  readonly problem: string | null;
}

/** What the status strip shows: fault injection is on while `active` > 0 (a forgotten 500 rule quarantines a job). */
export interface FaultsSummary {
  readonly active: number;
  readonly total: number;
  readonly source: FaultSource;
  readonly file: string | null;
}
