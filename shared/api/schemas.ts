/**
 * Input schemas of the MonitorApi (zod): payloads are validated where they enter the main process, whichever
 * transport (IPC or HTTP) brought them (architecture.md, "One contract, two transports").
 */

import { z } from 'zod';
import { OPERATIONS } from '../domain/operation.js';
import { LOG_SOURCES, type LogSource } from './log-types.js';
import { REPLAY_METHODS } from './replay-types.js';

const id = z.string().min(1).max(200);
const limit = z.number().int().min(1).max(1000).optional();
const timestamp = z.number().int().min(0).optional();
const text = (max: number) => z.string().max(max);

export const NoInput = z.object({}).strict().optional();
/** Who sent a logged request (LogRow.source). */
const sources = z.array(z.enum(LOG_SOURCES as [LogSource, ...LogSource[]])).max(LOG_SOURCES.length);

export const LogQuerySchema = z
  .object({
    from: timestamp,
    to: timestamp,
    outcome: z.array(z.enum(['Success', 'Failure', 'Skipped', 'Warning'])).max(4).optional(),
    action: z.array(z.enum(['Create', 'Update', 'Disable', 'Delete', 'StagedDelete', 'Other'])).max(6).optional(),
    operation: z.array(z.enum(OPERATIONS as [string, ...string[]])).max(OPERATIONS.length).optional(),
    entity: z.array(z.enum(['User', 'Group', 'Config', 'Unknown'])).max(4).optional(),
    method: z.array(text(16)).max(10).optional(),
    statusMin: z.number().int().min(0).max(999).optional(),
    statusMax: z.number().int().min(0).max(999).optional(),
    identity: text(500).optional(),
    resourceId: text(200).optional(),
    cycleId: z.number().int().min(1).optional(),
    errorCode: text(200).optional(),
    changeId: text(100).optional(),
    faultOnly: z.boolean().optional(),
    replayOnly: z.boolean().optional(),
    source: sources.optional(),
    text: text(500).optional(),
    before: z.number().int().min(1).optional(),
    limit,
  })
  .strict();

export const IdInput = z.object({ id }).strict();
export const NumericIdInput = z.object({ id: z.number().int().min(1) }).strict();

/**
 * Replay (issue 8). The target is a request-target (RFC 9112 §3.2 origin-form): it always goes to the listener's own
 * address, so a path can reach no other host. Header names are HTTP tokens and values carry no line breaks (no
 * header injection); the body may be any text, so a malformed one can be rehearsed (the listener answers 400).
 */
const HeaderLine = z
  .object({ name: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,200}$/, 'not a valid header name'), value: z.string().max(8192).regex(/^[^\r\n\0]*$/, 'no line breaks') })
  .strict();
export const ReplayEditSchema = z
  .object({
    method: z.enum(REPLAY_METHODS).optional(),
    path: z.string().min(1).max(8192).regex(/^\/[^\s]*$/, 'must start with / and contain no spaces').optional(),
    headers: z.array(HeaderLine).max(100).optional(),
    body: z.string().max(1_048_576).nullable().optional(),
  })
  .strict();
export const ReplayResendInput = z.object({ id: z.number().int().min(1), edit: ReplayEditSchema.optional() }).strict();

export const TokenCreateInput = z
  .object({ label: z.string().trim().min(1).max(100), days: z.number().int().min(1).max(3650).nullable() })
  .strict();

/**
 * `workFrom`: only the cycles, among the `limit` looked at, in which one of these senders did more than Test
 * Connection probes and schema reads (Connect's checklist asks for Entra's, leaving out simulated runs).
 */
export const CycleListInput = z.object({ before: z.number().int().min(1).optional(), limit, workFrom: sources.optional() }).strict().optional();

/** `source`: only the failures these senders' requests met (Entra's alone leaves a rehearsal out of the report). */
export const FailureQuery = z
  .object({
    from: timestamp,
    to: timestamp,
    cycleId: z.number().int().min(1).optional(),
    identity: text(500).optional(),
    unresolvedOnly: z.boolean().optional(),
    source: sources.optional(),
  })
  .strict()
  .optional();

export const HistoryInput = z.object({ limit }).strict().optional();

export const DirectoryQuery = z
  .object({ search: text(500).optional(), offset: z.number().int().min(0).optional(), limit })
  .strict()
  .optional();

export const IdentityInput = z.object({ identity: z.string().min(1).max(500) }).strict();

export const ScopeEntryInput = z.object({ value: z.string().trim().min(1).max(500), kind: z.enum(['user', 'group']) }).strict();
export const ScopeSetInput = z.object({ entries: z.array(ScopeEntryInput).max(10_000) }).strict();
/** An export of Entra's "Users and groups" blade, as CSV text. */
export const ScopeCsvInput = z.object({ csv: z.string().max(5_000_000) }).strict();

/** An export (issue 7): a format, failures only or all, and the Live screen's filters without paging. */
export const ExportQuerySchema = LogQuerySchema.omit({ before: true, limit: true });
export const ExportStartInput = z
  .object({
    format: z.enum(['csv', 'json', 'ndjson', 'html', 'har']),
    failuresOnly: z.boolean().optional(),
    query: ExportQuerySchema.optional(),
    /** Files are named `<baseName>…`; letters, digits, `.`, `_`, `-` and spaces. */
    baseName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._ -]{0,79}$/).optional(),
    /** Attribute names whose values are redacted besides `password`. */
    sensitiveAttributes: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
  })
  .strict();
export const ExportJobInput = z.object({ jobId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }).strict();

export const SettingsUpdate = z
  .object({
    cycleIdleGapMinutes: z.number().int().min(1).max(24 * 60).optional(),
    retentionDays: z.number().int().min(0).max(3650).optional(),
    maxDatabaseMb: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

/** Fault rules (issue 8): at most this many; each is validated by electron/faults/rules.ts, which names the field. */
export const MAX_FAULT_RULES = 50;
export const FaultsSetInput = z.object({ rules: z.array(z.unknown()).max(MAX_FAULT_RULES) }).strict();

/** A simulated provisioning run against this monitor's own listener (issue 8, Connect). */
export const SimulateStartInput = z
  .object({
    users: z.number().int().min(0).max(500),
    groups: z.number().int().min(0).max(50),
    dialect: z.enum(['default', 'aadOptscim062020']),
    cycles: z.number().int().min(1).max(5),
    seed: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export const SimulateJobInput = z.object({ jobId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }).strict();
export const SimulateGetInput = SimulateJobInput.partial().optional();
