/**
 * The MonitorApi: every method the UI may call, declared once. The HTTP transport (headless, browser) and the IPC
 * bridge (desktop) are both generated from this table, so they cannot drift (architecture.md).
 */

import type { z } from 'zod';
import type { CreatedTokenResult, DirectoryGroup, DirectoryPage, DirectoryUser, IdentityTimeline, Settings, Status, TokenSummary } from './admin-types.js';
import type { ExportJob, ExportStarted } from './export-types.js';
import type { FaultsState } from './fault-types.js';
import type { ExchangeDetail, LogPage } from './log-types.js';
import type { CoverageRow, CycleDetail, CycleOverview, CycleSummary, FailureGroup, Health, HealthHistoryEntry, ScopeReport } from './provisioning-types.js';
import type { ReplayDraft, ReplayResult } from './replay-types.js';
import type { ApiResult } from './result.js';
import type { SimulationJob, SimulationStarted } from './simulate-types.js';
import {
  CycleListInput,
  DirectoryQuery,
  ExportJobInput,
  ExportStartInput,
  FailureQuery,
  FaultsSetInput,
  HistoryInput,
  IdentityInput,
  IdInput,
  LogQuerySchema,
  NoInput,
  NumericIdInput,
  ReplayResendInput,
  ScopeCsvInput,
  ScopeSetInput,
  SettingsUpdate,
  SimulateGetInput,
  SimulateJobInput,
  SimulateStartInput,
  TokenCreateInput,
} from './schemas.js';

/** A method: its input schema, and (as a type only) its output. */
export interface MethodSpec<Schema extends z.ZodType, Output> {
  readonly input: Schema;
  /** Phantom field carrying the output type; never set at runtime. */
  readonly output?: Output;
}

const method = <Output>() => <Schema extends z.ZodType>(input: Schema): MethodSpec<Schema, Output> => ({ input });

export const MONITOR_API = {
  'status.get': method<Status>()(NoInput),
  'tokens.list': method<TokenSummary[]>()(NoInput),
  'tokens.create': method<CreatedTokenResult>()(TokenCreateInput),
  'tokens.revoke': method<{ revoked: boolean }>()(IdInput),
  'tokens.recreate': method<CreatedTokenResult>()(IdInput),
  'logs.list': method<LogPage>()(LogQuerySchema),
  'logs.get': method<ExchangeDetail>()(NumericIdInput),
  'replay.draft': method<ReplayDraft>()(NumericIdInput),
  'replay.resend': method<ReplayResult>()(ReplayResendInput),
  'cycles.overview': method<CycleOverview>()(NoInput),
  'cycles.list': method<CycleSummary[]>()(CycleListInput),
  'cycles.get': method<CycleDetail>()(NumericIdInput),
  'failures.groups': method<FailureGroup[]>()(FailureQuery),
  'health.get': method<Health>()(NoInput),
  'health.history': method<HealthHistoryEntry[]>()(HistoryInput),
  'directory.users': method<DirectoryPage<DirectoryUser>>()(DirectoryQuery),
  'directory.groups': method<DirectoryPage<DirectoryGroup>>()(DirectoryQuery),
  'directory.identity': method<IdentityTimeline>()(IdentityInput),
  'scope.get': method<ScopeReport>()(NoInput),
  'scope.set': method<ScopeReport>()(ScopeSetInput),
  'scope.importCsv': method<ScopeReport>()(ScopeCsvInput),
  'coverage.get': method<CoverageRow[]>()(NoInput),
  'settings.get': method<Settings>()(NoInput),
  'settings.update': method<Settings>()(SettingsUpdate),
  'exports.start': method<ExportStarted>()(ExportStartInput),
  'exports.get': method<ExportJob>()(ExportJobInput),
  'exports.list': method<ExportJob[]>()(NoInput),
  'exports.cancel': method<{ cancelled: boolean }>()(ExportJobInput),
  'faults.get': method<FaultsState>()(NoInput),
  'faults.set': method<FaultsState>()(FaultsSetInput),
  'faults.clear': method<FaultsState>()(NoInput),
  'simulate.start': method<SimulationStarted>()(SimulateStartInput),
  'simulate.get': method<{ job: SimulationJob | null }>()(SimulateGetInput),
  'simulate.cancel': method<{ cancelled: boolean }>()(SimulateJobInput),
} as const;

export type MethodName = keyof typeof MONITOR_API;
export type MethodInput<M extends MethodName> = z.input<(typeof MONITOR_API)[M]['input']>;
/** The validated input a handler receives. */
export type ParsedInput<M extends MethodName> = z.output<(typeof MONITOR_API)[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<(typeof MONITOR_API)[M]['output']>;

export const METHOD_NAMES = Object.keys(MONITOR_API) as MethodName[];

/** The implementation side: one async function per method, receiving validated input. */
export type MonitorApiHandlers = { readonly [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M> };

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;

/** The calling side, namespaced (`api.logs.list(query)`); every call resolves to a result, never throws. */
export type MonitorClient = {
  readonly [N in Namespace]: {
    readonly [M in MethodName as M extends `${N}.${infer F}` ? F : never]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
  };
};

/** Carries one call to the main process and back. */
export type Transport = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/** Builds the namespaced client from the table, over any transport. */
export function createClient(transport: Transport): MonitorClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>> = {};
  for (const name of METHOD_NAMES) {
    const [namespace = '', fn = ''] = name.split('.');
    (client[namespace] ??= {})[fn] = (input: unknown) => transport(name, input);
  }
  return client as unknown as MonitorClient;
}
