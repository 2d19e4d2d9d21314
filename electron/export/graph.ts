/**
 * One exchange as a Graph `provisioningObjectSummary` (entra-behavior.md §6.2, §11: "The JSON export should reuse
 * the Graph field names"), so scripts written against Entra's JSON download or Graph read ours unchanged
 * (Microsoft's samples read `jobId`, `changeId` and the action from it).
 *
 * What the listener cannot know is null: Entra's job id, tenant id and service principal never reach the app;
 * `cycleId` is our inferred cycle (Entra sends none, entra-behavior.md §14).
 */

import type { LogSource } from '../../shared/api/log-types.js';
import type { EntraAction, EntraStatus } from '../../shared/domain/operation.js';
import { explainExported } from './failure-info.js';
import { graphInitiator, type GraphInitiator } from './sent-by.js';
import { provisioningSteps, type ProvisioningStep } from './steps.js';
import type { ExportRow } from './types.js';
import { SOURCE_SYSTEM, TARGET_SYSTEM } from './types.js';

/** Graph's provisioningAction enum values (camelCase). */
const ACTIONS: Readonly<Record<EntraAction, string>> = {
  Create: 'create',
  Update: 'update',
  Delete: 'delete',
  StagedDelete: 'stagedDelete',
  Disable: 'disable',
  Other: 'other',
};
const STATUSES: Readonly<Record<EntraStatus, string>> = { Success: 'success', Failure: 'failure', Skipped: 'skipped', Warning: 'warning' };

type KeyValue = { readonly key: string; readonly value: string };

export interface ProvisioningObjectSummary {
  readonly id: string;
  readonly activityDateTime: string;
  readonly tenantId: string | null;
  readonly jobId: string | null;
  readonly cycleId: string | null;
  readonly changeId: string;
  readonly provisioningAction: string;
  readonly durationInMilliseconds: number;
  readonly provisioningStatusInfo: {
    readonly status: string;
    readonly errorInformation: {
      readonly errorCode: string;
      readonly reason: string;
      readonly additionalDetails: string;
      readonly errorCategory: string;
      readonly recommendedAction: string;
    } | null;
  };
  readonly provisioningSteps: readonly ProvisioningStep[];
  readonly modifiedProperties: readonly { readonly displayName: string; readonly oldValue: string | null; readonly newValue: string | null }[];
  readonly servicePrincipal: null;
  readonly sourceSystem: { readonly id: null; readonly displayName: string; readonly details: Record<string, never> };
  readonly targetSystem: { readonly id: null; readonly displayName: string; readonly details: Record<string, never> };
  readonly sourceIdentity: { readonly id: string | null; readonly displayName: string | null; readonly identityType: string; readonly details: Record<string, never> };
  readonly targetIdentity: { readonly id: string | null; readonly displayName: string | null; readonly identityType: string; readonly details: Record<string, never> };
  /** Entra's service (`system`) or this app (`application`, simulator or Replay): sent-by.ts cites Graph's initiator. */
  readonly initiatedBy: GraphInitiator;
  /**
   * The sender in LogRow.source's words: Graph's initiatorType cannot tell the simulator from Replay, and a script
   * should not have to parse `initiatedBy.displayName` to leave rehearsals out. An annotation, like the one below.
   */
  readonly '@provisioningMonitor.source': LogSource;
  /** What the listener saw on the wire; not a Graph field (Graph ignores unknown `@` annotations). */
  readonly '@provisioningMonitor.httpExchange': { readonly method: string; readonly path: string; readonly query: string; readonly status: number; readonly detail: string | null; readonly additionalInfo: readonly KeyValue[] };
}

/** Entra's errorCategory: failures that the app caused are `nonServiceFailure` (entra-behavior.md §6.2 example). */
const errorCategory = (status: number): string => (status === 429 || status >= 500 ? 'transient' : 'nonServiceFailure');

export function graphSummary(row: ExportRow): ProvisioningObjectSummary {
  const explanation = explainExported(row);
  const identityType = row.entity === 'Group' ? 'Group' : row.entity === 'User' ? 'User' : row.entity;
  const extra: KeyValue[] = [];
  if (row.fault) extra.push({ key: 'injectedFault', value: row.fault });
  if (row.dialect) extra.push({ key: 'patchDialect', value: row.dialect });
  return {
    id: String(row.id),
    activityDateTime: new Date(row.ts).toISOString(),
    tenantId: null,
    jobId: null,
    cycleId: row.cycleId === null ? null : String(row.cycleId),
    changeId: row.changeId,
    provisioningAction: ACTIONS[row.action] ?? 'other',
    durationInMilliseconds: Math.round(row.durationMs),
    provisioningStatusInfo: {
      status: STATUSES[row.outcome] ?? 'success',
      errorInformation: explanation
        ? {
            errorCode: explanation.errorCode,
            reason: explanation.entraMessage,
            additionalDetails: explanation.meaning,
            errorCategory: errorCategory(row.status),
            recommendedAction: explanation.recommendedAction,
          }
        : null,
    },
    provisioningSteps: provisioningSteps(row),
    modifiedProperties: row.modified.map((p) => ({ displayName: p.attribute, oldValue: p.oldValue, newValue: p.newValue })),
    servicePrincipal: null,
    sourceSystem: { id: null, displayName: SOURCE_SYSTEM, details: {} },
    targetSystem: { id: null, displayName: TARGET_SYSTEM, details: {} },
    sourceIdentity: { id: row.externalId, displayName: row.identity, identityType, details: {} },
    targetIdentity: { id: row.resourceId, displayName: row.identity, identityType, details: {} },
    initiatedBy: graphInitiator(row.source),
    '@provisioningMonitor.source': row.source,
    '@provisioningMonitor.httpExchange': { method: row.method, path: row.path, query: row.query, status: row.status, detail: row.detail, additionalInfo: extra },
  };
}

/** The JSON file is one array written a chunk at a time: `[`, objects separated by commas, `]`. */
export const jsonArrayPiece = (rows: readonly ExportRow[], first: boolean): string =>
  rows.map((row, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(graphSummary(row))}`).join('');

/** One line of NDJSON: the whole exchange, request and response, for scripts (`jq`, pandas). */
export function ndjsonLine(row: ExportRow): string {
  const explanation = explainExported(row);
  return `${JSON.stringify({
    id: row.id,
    time: new Date(row.ts).toISOString(),
    changeId: row.changeId,
    cycleId: row.cycleId,
    entity: row.entity,
    operation: row.operation,
    action: row.action,
    status: row.outcome,
    identity: row.identity,
    externalId: row.externalId,
    resourceId: row.resourceId,
    // Who sent it (entra, simulator, replay): `jq 'select(.source == "entra")'` leaves a rehearsal out.
    source: row.source,
    errorCode: explanation?.errorCode ?? null,
    recommendedAction: explanation?.recommendedAction ?? null,
    durationMs: row.durationMs,
    fault: row.fault,
    request: { method: row.method, path: row.path, query: row.query, headers: row.requestHeaders, body: row.requestBody },
    response: { status: row.status, headers: row.responseHeaders, body: row.responseBody },
    modifiedProperties: row.modified,
  })}\n`;
}
