/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CreateRunInput = {
  /** Commit the run is built from; A/B comparisons need it. */
  gitCommitSha?: string | null | undefined;
  goal?: string | null | undefined;
  /** [A-Za-z0-9._-]{1,128} */
  id: string | number;
  /** Hash of the model mapping; A/B comparisons need it. */
  modelMappingHash?: string | null | undefined;
  phases?: Array<PhaseInput> | null | undefined;
  runScope?: string | null | undefined;
  safetyProfile?: string | null | undefined;
  /** Token budget, >= 0 (default 5,000,000) */
  tokenCap?: number | null | undefined;
};

/** The rollout guide's kill switches; both default OFF. */
export type FeatureFlag =
  /** AUTOPACK_ENABLE_CONSOLIDATED_METRICS: consolidated metrics dashboard */
  | 'CONSOLIDATED_METRICS'
  /** AUTOPACK_ENABLE_PHASE6_METRICS: Phase 6 P3 token telemetry collection */
  | 'PHASE6_METRICS';

export type FlagSource =
  /** the environment variable (the default) */
  | 'ENV'
  /** a runtime override set with setFeatureFlag or `autopack flags`, until the next server start */
  | 'OVERRIDE';

export type HealthStatus =
  | 'healthy'
  | 'unhealthy';

export type PhaseInput = {
  description?: string | null | undefined;
  name: string;
  /** [A-Za-z0-9._-]{1,128}, unique within the run */
  phaseId: string;
  /** Position in the run (default: position in the list) */
  phaseIndex?: number | null | undefined;
};

export type PhaseState =
  | 'CI_RUNNING'
  | 'COMPLETE'
  | 'EXECUTING'
  | 'FAILED'
  | 'GATE'
  | 'QUEUED'
  | 'SKIPPED';

export type ReplayCampaignInput = {
  /** Replays executing at a time (1..100). */
  batchSize?: number | null | undefined;
  /** List what would be replayed; write nothing. */
  dryRun?: boolean | null | undefined;
  /** First UTC day (YYYY-MM-DD, inclusive) of the runs' creation time. */
  fromDate?: string | null | undefined;
  /** Also select runs that are themselves replays. */
  includeReplays?: boolean | null | undefined;
  runIds?: Array<string | number> | null | undefined;
  /** FAILED (every DONE_FAILED_* state; the default when no runIds are given) or one RunState. */
  state?: string | null | undefined;
  /** Last UTC day (YYYY-MM-DD, inclusive). */
  toDate?: string | null | undefined;
};

export type RunState =
  | 'CI_RUNNING'
  | 'DOCS_BOOTSTRAP'
  | 'DONE_FAILED_BUDGET_EXHAUSTED'
  | 'DONE_FAILED_ENVIRONMENT'
  | 'DONE_FAILED_POLICY_VIOLATION'
  | 'DONE_FAILED_REQUIRES_HUMAN_REVIEW'
  | 'DONE_SUCCESS'
  | 'GATE'
  | 'PHASE_EXECUTION'
  | 'PHASE_QUEUEING'
  | 'PLAN_BOOTSTRAP'
  | 'QUEUED'
  | 'RUN_CREATED'
  | 'SNAPSHOT_CREATED';

export type HealthFieldsFragment = { status: HealthStatus, database: string, qdrant: string, version: string, timestamp: string, killSwitches: { phase6Metrics: boolean, consolidatedMetrics: boolean }, flags: Array<{ flag: FeatureFlag, enabled: boolean, source: FlagSource, envEnabled: boolean, changedAt: string | null }> };

export type HealthQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthQuery = { health: { status: HealthStatus, database: string, qdrant: string, version: string, timestamp: string, killSwitches: { phase6Metrics: boolean, consolidatedMetrics: boolean }, flags: Array<{ flag: FeatureFlag, enabled: boolean, source: FlagSource, envEnabled: boolean, changedAt: string | null }> } };

export type HealthAuditQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthAuditQuery = { health: { status: HealthStatus, database: string, qdrant: string, version: string, timestamp: string, flags: Array<{ reason: string | null, changedBy: string | null, flag: FeatureFlag, enabled: boolean, source: FlagSource, envEnabled: boolean, changedAt: string | null }>, killSwitches: { phase6Metrics: boolean, consolidatedMetrics: boolean } } };

export type AbResultsQueryVariables = Exact<{
  testId?: string | null | undefined;
  validOnly: boolean;
  limit: number;
}>;


export type AbResultsQuery = { abTestResults: Array<{ id: string | null, testId: string, controlCommitSha: string | null, treatmentCommitSha: string | null, controlModelHash: string | null, treatmentModelHash: string | null, isValid: boolean, validityErrors: Array<string>, tokenDelta: number, timeDeltaSeconds: number | null, successRateDelta: number, controlTotalTokens: number, controlPhasesComplete: number, controlPhasesFailed: number, controlTotalPhases: number, treatmentTotalTokens: number, treatmentPhasesComplete: number, treatmentPhasesFailed: number, treatmentTotalPhases: number, createdAt: string, createdBy: string | null, controlRun: { id: string } | null, treatmentRun: { id: string } | null }> };

export type RolloutCreateRunMutationVariables = Exact<{
  input: CreateRunInput;
}>;


export type RolloutCreateRunMutation = { createRun: { id: string } };

export type RolloutExecuteRunMutationVariables = Exact<{
  id: string | number;
}>;


export type RolloutExecuteRunMutation = { executeRun: { id: string } };

export type RolloutRunQueryVariables = Exact<{
  id: string | number;
}>;


export type RolloutRunQuery = { run: { state: RunState, failureReason: string | null, tokensUsed: number, status: { totalPhases: number, completedPhases: number } } | null };

export type RolloutIntegrityQueryVariables = Exact<{ [key: string]: never; }>;


export type RolloutIntegrityQuery = { integrityReport: { ok: boolean, metricsRowsChecked: number, runsChecked: number, metricsViolationCount: number, runViolationCount: number } | null };

export type RolloutMigrationsQueryVariables = Exact<{ [key: string]: never; }>;


export type RolloutMigrationsQuery = { migrationStatus: { pending: Array<string>, applied: Array<{ name: string }> }, schemaVerification: Array<{ ok: boolean, label: string, detail: string | null }> };

export type ReplayCampaignMutationVariables = Exact<{
  input: ReplayCampaignInput;
}>;


export type ReplayCampaignMutation = { replayCampaign: { campaignId: string | null, dryRun: boolean, selected: Array<{ id: string, state: RunState, createdAt: string, tokensUsed: number }>, replays: Array<{ id: string, replayOf: { id: string } | null }> } };

export type RunOutcomeFragment = { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number };

export type ReplayStateQueryVariables = Exact<{
  id: string | number;
}>;


export type ReplayStateQuery = { run: { id: string, state: RunState, failureReason: string | null, replayComparison: { originalRunId: string, replayRunId: string, generatedAt: string, original: { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number }, replay: { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number }, deltas: { tokenDelta: number, phaseCompleteDelta: number, phaseFailedDelta: number } } | null } | null };

export type RestRunFieldsFragment = { id: string, state: RunState, safetyProfile: string, runScope: string, goal: string | null, tokenCap: number, tokensUsed: number, gitCommitSha: string | null, modelMappingHash: string | null, failureReason: string | null, createdAt: string, updatedAt: string, queuedAt: string | null, startedAt: string | null, completedAt: string | null, replayOf: { id: string } | null };

export type ListRunsQueryVariables = Exact<{
  first: number;
  offset: number;
  state?: RunState | null | undefined;
}>;


export type ListRunsQuery = { runs: { totalCount: number, nodes: Array<{ id: string, state: RunState, safetyProfile: string, runScope: string, goal: string | null, tokenCap: number, tokensUsed: number, gitCommitSha: string | null, modelMappingHash: string | null, failureReason: string | null, createdAt: string, updatedAt: string, queuedAt: string | null, startedAt: string | null, completedAt: string | null, replayOf: { id: string } | null }> } };

export type GetRunQueryVariables = Exact<{
  id: string | number;
}>;


export type GetRunQuery = { run: { id: string, state: RunState, safetyProfile: string, runScope: string, goal: string | null, tokenCap: number, tokensUsed: number, gitCommitSha: string | null, modelMappingHash: string | null, failureReason: string | null, createdAt: string, updatedAt: string, queuedAt: string | null, startedAt: string | null, completedAt: string | null, phases: Array<{ phaseId: string, phaseIndex: number, name: string, description: string | null, state: PhaseState, tokensUsed: number, attempts: number, lastFailureReason: string | null, createdAt: string, startedAt: string | null, completedAt: string | null }>, replayOf: { id: string } | null } | null };

export type ExecuteRunMutationVariables = Exact<{
  id: string | number;
}>;


export type ExecuteRunMutation = { executeRun: { id: string, state: RunState, queuedAt: string | null } };

export type RunStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type RunStatusQuery = { run: { id: string, state: RunState, createdAt: string, queuedAt: string | null, startedAt: string | null, completedAt: string | null, tokensUsed: number, tokenCap: number, failureReason: string | null, status: { totalPhases: number, completedPhases: number, failedPhases: number, executingPhases: number, percentComplete: number } } | null };

export type SeedDemoStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type SeedDemoStatusQuery = { run: { id: string, state: RunState, tokensUsed: number, failureReason: string | null, status: { totalPhases: number, completedPhases: number, failedPhases: number } } | null };

export type SeedDemoCreateRunMutationVariables = Exact<{
  input: CreateRunInput;
}>;


export type SeedDemoCreateRunMutation = { createRun: { id: string } };

export type SeedDemoExecuteRunMutationVariables = Exact<{
  id: string | number;
}>;


export type SeedDemoExecuteRunMutation = { executeRun: { id: string } };

export type WatchRunFragment = { id: string, state: RunState, version: number, tokensUsed: number, failureReason: string | null };

export type WatchPhaseFragment = { id: string, phaseId: string, phaseIndex: number, state: PhaseState, updatedAt: string };

export type WatchEventFragment = { id: string, eventType: string, message: string | null, createdAt: string, phase: { phaseId: string } | null };

export type WatchReadQueryVariables = Exact<{
  id: string | number;
}>;


export type WatchReadQuery = { run: { id: string, state: RunState, version: number, tokensUsed: number, failureReason: string | null, phases: Array<{ id: string, phaseId: string, phaseIndex: number, state: PhaseState, updatedAt: string }>, events: Array<{ id: string, eventType: string, message: string | null, createdAt: string, phase: { phaseId: string } | null }> } | null };

export type WatchRunUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type WatchRunUpdatedSubscription = { runUpdated: { id: string, state: RunState, version: number, tokensUsed: number, failureReason: string | null } };

export type WatchPhaseUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type WatchPhaseUpdatedSubscription = { phaseUpdated: { id: string, phaseId: string, phaseIndex: number, state: PhaseState, updatedAt: string } };

export type WatchEventAddedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type WatchEventAddedSubscription = { dashboardEventAdded: { id: string, eventType: string, message: string | null, createdAt: string, phase: { phaseId: string } | null } };

export type ConsolidatedMetricsQueryVariables = Exact<{
  runId: string | number;
  limit: number;
  offset: number;
}>;


export type ConsolidatedMetricsQuery = { consolidatedMetrics: { runId: string, retrievalTokens: number, secondOpinionTokens: number, evidenceRequestTokens: number, baseTokens: number, totalTokens: number, totalPhases: number, phasesWithMetrics: number } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const HealthFieldsFragmentDoc = new TypedDocumentString(`
    fragment HealthFields on Health {
  status
  database
  qdrant
  killSwitches {
    phase6Metrics
    consolidatedMetrics
  }
  version
  timestamp
  flags {
    flag
    enabled
    source
    envEnabled
    changedAt
  }
}
    `, {"fragmentName":"HealthFields"}) as unknown as TypedDocumentString<HealthFieldsFragment, unknown>;
export const RunOutcomeFragmentDoc = new TypedDocumentString(`
    fragment RunOutcome on RunOutcomeSummary {
  state
  tokensUsed
  totalPhases
  phasesComplete
  phasesFailed
}
    `, {"fragmentName":"RunOutcome"}) as unknown as TypedDocumentString<RunOutcomeFragment, unknown>;
export const RestRunFieldsFragmentDoc = new TypedDocumentString(`
    fragment RestRunFields on Run {
  id
  state
  safetyProfile
  runScope
  goal
  tokenCap
  tokensUsed
  gitCommitSha
  modelMappingHash
  failureReason
  replayOf {
    id
  }
  createdAt
  updatedAt
  queuedAt
  startedAt
  completedAt
}
    `, {"fragmentName":"RestRunFields"}) as unknown as TypedDocumentString<RestRunFieldsFragment, unknown>;
export const WatchRunFragmentDoc = new TypedDocumentString(`
    fragment WatchRun on Run {
  id
  state
  version
  tokensUsed
  failureReason
}
    `, {"fragmentName":"WatchRun"}) as unknown as TypedDocumentString<WatchRunFragment, unknown>;
export const WatchPhaseFragmentDoc = new TypedDocumentString(`
    fragment WatchPhase on Phase {
  id
  phaseId
  phaseIndex
  state
  updatedAt
}
    `, {"fragmentName":"WatchPhase"}) as unknown as TypedDocumentString<WatchPhaseFragment, unknown>;
export const WatchEventFragmentDoc = new TypedDocumentString(`
    fragment WatchEvent on DashboardEvent {
  id
  eventType
  message
  createdAt
  phase {
    phaseId
  }
}
    `, {"fragmentName":"WatchEvent"}) as unknown as TypedDocumentString<WatchEventFragment, unknown>;
export const HealthDocument = new TypedDocumentString(`
    query Health {
  health {
    ...HealthFields
  }
}
    fragment HealthFields on Health {
  status
  database
  qdrant
  killSwitches {
    phase6Metrics
    consolidatedMetrics
  }
  version
  timestamp
  flags {
    flag
    enabled
    source
    envEnabled
    changedAt
  }
}`) as unknown as TypedDocumentString<HealthQuery, HealthQueryVariables>;
export const HealthAuditDocument = new TypedDocumentString(`
    query HealthAudit {
  health {
    ...HealthFields
    flags {
      reason
      changedBy
    }
  }
}
    fragment HealthFields on Health {
  status
  database
  qdrant
  killSwitches {
    phase6Metrics
    consolidatedMetrics
  }
  version
  timestamp
  flags {
    flag
    enabled
    source
    envEnabled
    changedAt
  }
}`) as unknown as TypedDocumentString<HealthAuditQuery, HealthAuditQueryVariables>;
export const AbResultsDocument = new TypedDocumentString(`
    query AbResults($testId: String, $validOnly: Boolean!, $limit: Int!) {
  abTestResults(testId: $testId, validOnly: $validOnly, limit: $limit) {
    id
    testId
    controlRun {
      id
    }
    treatmentRun {
      id
    }
    controlCommitSha
    treatmentCommitSha
    controlModelHash
    treatmentModelHash
    isValid
    validityErrors
    tokenDelta
    timeDeltaSeconds
    successRateDelta
    controlTotalTokens
    controlPhasesComplete
    controlPhasesFailed
    controlTotalPhases
    treatmentTotalTokens
    treatmentPhasesComplete
    treatmentPhasesFailed
    treatmentTotalPhases
    createdAt
    createdBy
  }
}
    `) as unknown as TypedDocumentString<AbResultsQuery, AbResultsQueryVariables>;
export const RolloutCreateRunDocument = new TypedDocumentString(`
    mutation RolloutCreateRun($input: CreateRunInput!) {
  createRun(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RolloutCreateRunMutation, RolloutCreateRunMutationVariables>;
export const RolloutExecuteRunDocument = new TypedDocumentString(`
    mutation RolloutExecuteRun($id: ID!) {
  executeRun(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RolloutExecuteRunMutation, RolloutExecuteRunMutationVariables>;
export const RolloutRunDocument = new TypedDocumentString(`
    query RolloutRun($id: ID!) {
  run(id: $id) {
    state
    failureReason
    tokensUsed
    status {
      totalPhases
      completedPhases
    }
  }
}
    `) as unknown as TypedDocumentString<RolloutRunQuery, RolloutRunQueryVariables>;
export const RolloutIntegrityDocument = new TypedDocumentString(`
    query RolloutIntegrity {
  integrityReport {
    ok
    metricsRowsChecked
    runsChecked
    metricsViolationCount
    runViolationCount
  }
}
    `) as unknown as TypedDocumentString<RolloutIntegrityQuery, RolloutIntegrityQueryVariables>;
export const RolloutMigrationsDocument = new TypedDocumentString(`
    query RolloutMigrations {
  migrationStatus {
    applied {
      name
    }
    pending
  }
  schemaVerification {
    ok
    label
    detail
  }
}
    `) as unknown as TypedDocumentString<RolloutMigrationsQuery, RolloutMigrationsQueryVariables>;
export const ReplayCampaignDocument = new TypedDocumentString(`
    mutation ReplayCampaign($input: ReplayCampaignInput!) {
  replayCampaign(input: $input) {
    campaignId
    dryRun
    selected {
      id
      state
      createdAt
      tokensUsed
    }
    replays {
      id
      replayOf {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReplayCampaignMutation, ReplayCampaignMutationVariables>;
export const ReplayStateDocument = new TypedDocumentString(`
    query ReplayState($id: ID!) {
  run(id: $id) {
    id
    state
    failureReason
    replayComparison {
      originalRunId
      replayRunId
      generatedAt
      original {
        ...RunOutcome
      }
      replay {
        ...RunOutcome
      }
      deltas {
        tokenDelta
        phaseCompleteDelta
        phaseFailedDelta
      }
    }
  }
}
    fragment RunOutcome on RunOutcomeSummary {
  state
  tokensUsed
  totalPhases
  phasesComplete
  phasesFailed
}`) as unknown as TypedDocumentString<ReplayStateQuery, ReplayStateQueryVariables>;
export const ListRunsDocument = new TypedDocumentString(`
    query ListRuns($first: Int!, $offset: Int!, $state: RunState) {
  runs(first: $first, offset: $offset, state: $state) {
    totalCount
    nodes {
      ...RestRunFields
    }
  }
}
    fragment RestRunFields on Run {
  id
  state
  safetyProfile
  runScope
  goal
  tokenCap
  tokensUsed
  gitCommitSha
  modelMappingHash
  failureReason
  replayOf {
    id
  }
  createdAt
  updatedAt
  queuedAt
  startedAt
  completedAt
}`) as unknown as TypedDocumentString<ListRunsQuery, ListRunsQueryVariables>;
export const GetRunDocument = new TypedDocumentString(`
    query GetRun($id: ID!) {
  run(id: $id) {
    ...RestRunFields
    phases {
      phaseId
      phaseIndex
      name
      description
      state
      tokensUsed
      attempts
      lastFailureReason
      createdAt
      startedAt
      completedAt
    }
  }
}
    fragment RestRunFields on Run {
  id
  state
  safetyProfile
  runScope
  goal
  tokenCap
  tokensUsed
  gitCommitSha
  modelMappingHash
  failureReason
  replayOf {
    id
  }
  createdAt
  updatedAt
  queuedAt
  startedAt
  completedAt
}`) as unknown as TypedDocumentString<GetRunQuery, GetRunQueryVariables>;
export const ExecuteRunDocument = new TypedDocumentString(`
    mutation ExecuteRun($id: ID!) {
  executeRun(id: $id) {
    id
    state
    queuedAt
  }
}
    `) as unknown as TypedDocumentString<ExecuteRunMutation, ExecuteRunMutationVariables>;
export const RunStatusDocument = new TypedDocumentString(`
    query RunStatus($id: ID!) {
  run(id: $id) {
    id
    state
    createdAt
    queuedAt
    startedAt
    completedAt
    tokensUsed
    tokenCap
    failureReason
    status {
      totalPhases
      completedPhases
      failedPhases
      executingPhases
      percentComplete
    }
  }
}
    `) as unknown as TypedDocumentString<RunStatusQuery, RunStatusQueryVariables>;
export const SeedDemoStatusDocument = new TypedDocumentString(`
    query SeedDemoStatus($id: ID!) {
  run(id: $id) {
    id
    state
    tokensUsed
    failureReason
    status {
      totalPhases
      completedPhases
      failedPhases
    }
  }
}
    `) as unknown as TypedDocumentString<SeedDemoStatusQuery, SeedDemoStatusQueryVariables>;
export const SeedDemoCreateRunDocument = new TypedDocumentString(`
    mutation SeedDemoCreateRun($input: CreateRunInput!) {
  createRun(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SeedDemoCreateRunMutation, SeedDemoCreateRunMutationVariables>;
export const SeedDemoExecuteRunDocument = new TypedDocumentString(`
    mutation SeedDemoExecuteRun($id: ID!) {
  executeRun(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<SeedDemoExecuteRunMutation, SeedDemoExecuteRunMutationVariables>;
export const WatchReadDocument = new TypedDocumentString(`
    query WatchRead($id: ID!) {
  run(id: $id) {
    ...WatchRun
    phases {
      ...WatchPhase
    }
    events(limit: 100) {
      ...WatchEvent
    }
  }
}
    fragment WatchRun on Run {
  id
  state
  version
  tokensUsed
  failureReason
}
fragment WatchPhase on Phase {
  id
  phaseId
  phaseIndex
  state
  updatedAt
}
fragment WatchEvent on DashboardEvent {
  id
  eventType
  message
  createdAt
  phase {
    phaseId
  }
}`) as unknown as TypedDocumentString<WatchReadQuery, WatchReadQueryVariables>;
export const WatchRunUpdatedDocument = new TypedDocumentString(`
    subscription WatchRunUpdated($id: ID!) {
  runUpdated(id: $id) {
    ...WatchRun
  }
}
    fragment WatchRun on Run {
  id
  state
  version
  tokensUsed
  failureReason
}`) as unknown as TypedDocumentString<WatchRunUpdatedSubscription, WatchRunUpdatedSubscriptionVariables>;
export const WatchPhaseUpdatedDocument = new TypedDocumentString(`
    subscription WatchPhaseUpdated($id: ID!) {
  phaseUpdated(runId: $id) {
    ...WatchPhase
  }
}
    fragment WatchPhase on Phase {
  id
  phaseId
  phaseIndex
  state
  updatedAt
}`) as unknown as TypedDocumentString<WatchPhaseUpdatedSubscription, WatchPhaseUpdatedSubscriptionVariables>;
export const WatchEventAddedDocument = new TypedDocumentString(`
    subscription WatchEventAdded($id: ID!) {
  dashboardEventAdded(runId: $id) {
    ...WatchEvent
  }
}
    fragment WatchEvent on DashboardEvent {
  id
  eventType
  message
  createdAt
  phase {
    phaseId
  }
}`) as unknown as TypedDocumentString<WatchEventAddedSubscription, WatchEventAddedSubscriptionVariables>;
export const ConsolidatedMetricsDocument = new TypedDocumentString(`
    query ConsolidatedMetrics($runId: ID!, $limit: Int!, $offset: Int!) {
  consolidatedMetrics(runId: $runId, limit: $limit, offset: $offset) {
    runId
    retrievalTokens
    secondOpinionTokens
    evidenceRequestTokens
    baseTokens
    totalTokens
    totalPhases
    phasesWithMetrics
  }
}
    `) as unknown as TypedDocumentString<ConsolidatedMetricsQuery, ConsolidatedMetricsQueryVariables>;