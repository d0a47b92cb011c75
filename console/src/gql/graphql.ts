/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a recurring failure is about, from the exception name or the wording of its message. */
export type FailureErrorType =
  /** AttributeError, has no attribute, Cannot read properties of undefined */
  | 'ATTRIBUTE_ERROR'
  /** FileNotFoundError, ENOENT */
  | 'FILE_NOT_FOUND'
  /** ModuleNotFoundError, ImportError, Cannot find module */
  | 'IMPORT_ERROR'
  | 'KEY_ERROR'
  /** NameError, ReferenceError, ... is not defined */
  | 'NAME_ERROR'
  /** ECONNREFUSED, ECONNRESET, ENOTFOUND, ... */
  | 'NETWORK_ERROR'
  | 'OUT_OF_MEMORY'
  /** PermissionError, EACCES, EPERM */
  | 'PERMISSION_DENIED'
  | 'SYNTAX_ERROR'
  | 'TIMEOUT'
  | 'TYPE_ERROR'
  | 'UNKNOWN'
  | 'VALUE_ERROR';

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

export type KeyRole =
  /** AUTOPACK_API_KEY, or any caller when no key is configured: queries and mutations */
  | 'ADMIN'
  /** AUTOPACK_READ_API_KEY: queries only */
  | 'READ';

/** HIGH: 5 or more occurrences, MEDIUM: 3 or more, LOW: fewer. */
export type PatternConfidence =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type PhaseState =
  | 'CI_RUNNING'
  | 'COMPLETE'
  | 'EXECUTING'
  | 'FAILED'
  | 'GATE'
  | 'QUEUED'
  | 'SKIPPED';

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

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: KeyRole, keyRequired: boolean } };

export type AbResultsQueryVariables = Exact<{
  testId?: string | null | undefined;
}>;


export type AbResultsQuery = { abTestResults: Array<{ id: string | null, testId: string, isValid: boolean, validityErrors: Array<string>, tokenDelta: number, timeDeltaSeconds: number | null, successRateDelta: number, controlTotalTokens: number, treatmentTotalTokens: number, controlPhasesComplete: number, controlTotalPhases: number, treatmentPhasesComplete: number, treatmentTotalPhases: number, createdAt: string, createdBy: string | null, controlRun: { id: string } | null, treatmentRun: { id: string } | null }> };

export type AbSummaryQueryVariables = Exact<{
  testId: string;
}>;


export type AbSummaryQuery = { abTestSummary: { testId: string, count: number, tokenDelta: { mean: number | null, median: number | null }, timeDeltaSeconds: { mean: number | null, median: number | null }, successRateDelta: { mean: number | null, median: number | null } } };

export type OverviewHealthQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewHealthQuery = { health: { status: HealthStatus, database: string, qdrant: string, version: string, timestamp: string, killSwitches: { phase6Metrics: boolean, consolidatedMetrics: boolean } } };

export type OverviewQueryVariables = Exact<{
  since: string;
}>;


export type OverviewQuery = { migrationStatus: { upToDate: boolean, pending: Array<string>, applied: Array<{ name: string, executedAt: string | null }> }, runStateCounts: Array<{ state: RunState, count: number }> };

export type OverviewEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewEventsQuery = { dashboardEvents: Array<{ id: string, eventType: string, message: string | null, createdAt: string, run: { id: string } | null, phase: { id: string, phaseId: string } | null }> };

export type EventAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type EventAddedSubscription = { dashboardEventAdded: { id: string } };

export type RunCreatedAtSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RunCreatedAtSubscription = { runsUpdated: { id: string, createdAt: string } };

export type PatternsQueryVariables = Exact<{
  minOccurrences: number;
}>;


export type PatternsQuery = { failurePatterns: Array<{ patternId: string, errorType: FailureErrorType, occurrences: number, confidence: PatternConfidence, runIds: Array<string>, phaseIds: Array<string>, firstSeenAt: string, lastSeenAt: string, sampleMessage: string, keywords: Array<string>, detector: string }> | null };

export type RunQueryVariables = Exact<{
  id: string | number;
}>;


export type RunQuery = { run: { id: string, state: RunState, goal: string | null, safetyProfile: string, runScope: string, tokenCap: number, tokensUsed: number, gitCommitSha: string | null, modelMappingHash: string | null, failureReason: string | null, createdAt: string, queuedAt: string | null, startedAt: string | null, completedAt: string | null, replayOf: { id: string } | null, status: { totalPhases: number, completedPhases: number, failedPhases: number, percentComplete: number }, phases: Array<{ id: string, phaseId: string, phaseIndex: number, name: string, state: PhaseState, tokensUsed: number, attempts: number, lastFailureReason: string | null, startedAt: string | null, completedAt: string | null, metrics: Array<{ id: string, retrievalTokens: number, secondOpinionTokens: number, evidenceRequestTokens: number, baseTokens: number }> }>, events: Array<{ id: string, eventType: string, message: string | null, createdAt: string, phase: { id: string, phaseId: string } | null }>, replays: Array<{ id: string, state: RunState, tokensUsed: number, createdAt: string }>, replayComparison: { originalRunId: string, replayRunId: string, generatedAt: string, original: { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number }, replay: { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number }, deltas: { tokenDelta: number, phaseCompleteDelta: number, phaseFailedDelta: number } } | null } | null };

export type ComparisonFragment = { originalRunId: string, replayRunId: string, generatedAt: string, original: { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number }, replay: { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number }, deltas: { tokenDelta: number, phaseCompleteDelta: number, phaseFailedDelta: number } };

export type RunConsolidatedQueryVariables = Exact<{
  runId: string | number;
}>;


export type RunConsolidatedQuery = { consolidatedMetrics: { runId: string, retrievalTokens: number, secondOpinionTokens: number, evidenceRequestTokens: number, baseTokens: number, totalTokens: number, totalPhases: number, phasesWithMetrics: number } | null };

export type RunReplayComparisonsQueryVariables = Exact<{
  id: string | number;
}>;


export type RunReplayComparisonsQuery = { run: { id: string, replays: Array<{ id: string, replayComparison: { originalRunId: string, replayRunId: string, generatedAt: string, original: { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number }, replay: { state: RunState, tokensUsed: number, totalPhases: number, phasesComplete: number, phasesFailed: number }, deltas: { tokenDelta: number, phaseCompleteDelta: number, phaseFailedDelta: number } } | null }> } | null };

export type RunUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type RunUpdatedSubscription = { runUpdated: { id: string, state: RunState, tokenCap: number, tokensUsed: number, failureReason: string | null, queuedAt: string | null, startedAt: string | null, completedAt: string | null, status: { totalPhases: number, completedPhases: number, failedPhases: number, percentComplete: number } } };

export type PhaseUpdatedSubscriptionVariables = Exact<{
  runId: string | number;
}>;


export type PhaseUpdatedSubscription = { phaseUpdated: { id: string, state: PhaseState, tokensUsed: number, attempts: number, lastFailureReason: string | null, startedAt: string | null, completedAt: string | null, run: { id: string, tokensUsed: number, status: { totalPhases: number, completedPhases: number, failedPhases: number, percentComplete: number } } | null } };

export type RunEventAddedSubscriptionVariables = Exact<{
  runId: string | number;
}>;


export type RunEventAddedSubscription = { dashboardEventAdded: { id: string } };

export type MetricsRecordedSubscriptionVariables = Exact<{
  runId: string | number;
}>;


export type MetricsRecordedSubscription = { phaseMetricsRecorded: { id: string } | null };

export type ReplayUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReplayUpdatedSubscription = { runsUpdated: { id: string, state: RunState, tokensUsed: number, replayOf: { id: string } | null } };

export type ExecuteRunMutationVariables = Exact<{
  id: string | number;
}>;


export type ExecuteRunMutation = { executeRun: { id: string, state: RunState, queuedAt: string | null } };

export type ReplayRunMutationVariables = Exact<{
  id: string | number;
}>;


export type ReplayRunMutation = { replayRun: { id: string, state: RunState } };

export type RunsQueryVariables = Exact<{
  state?: RunState | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type RunsQuery = { runs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, state: RunState, goal: string | null, tokensUsed: number, tokenCap: number, createdAt: string, startedAt: string | null, completedAt: string | null, status: { totalPhases: number, completedPhases: number, failedPhases: number, percentComplete: number } }> } };

export type RunRowFragment = { id: string, state: RunState, goal: string | null, tokensUsed: number, tokenCap: number, createdAt: string, startedAt: string | null, completedAt: string | null, status: { totalPhases: number, completedPhases: number, failedPhases: number, percentComplete: number } };

export type RunsUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RunsUpdatedSubscription = { runsUpdated: { id: string, state: RunState, goal: string | null, tokensUsed: number, tokenCap: number, createdAt: string, startedAt: string | null, completedAt: string | null, status: { totalPhases: number, completedPhases: number, failedPhases: number, percentComplete: number } } };

export type SwitchesQueryVariables = Exact<{ [key: string]: never; }>;


export type SwitchesQuery = { featureFlags: Array<{ flag: FeatureFlag, envVar: string, enabled: boolean, source: FlagSource, envEnabled: boolean, reason: string | null, changedBy: string | null, changedAt: string | null, gates: Array<string> }> };

export type FlagChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type FlagChangedSubscription = { featureFlagChanged: { flag: FeatureFlag, envVar: string, enabled: boolean, source: FlagSource, envEnabled: boolean, reason: string | null, changedBy: string | null, changedAt: string | null, gates: Array<string> } };

export type SetFeatureFlagMutationVariables = Exact<{
  flag: FeatureFlag;
  enabled: boolean;
  reason?: string | null | undefined;
}>;


export type SetFeatureFlagMutation = { setFeatureFlag: { flag: FeatureFlag, enabled: boolean, source: FlagSource, envEnabled: boolean, reason: string | null, changedBy: string | null, changedAt: string | null } };

export type ClearFeatureFlagMutationVariables = Exact<{
  flag: FeatureFlag;
}>;


export type ClearFeatureFlagMutation = { clearFeatureFlag: { flag: FeatureFlag, enabled: boolean, source: FlagSource, envEnabled: boolean, reason: string | null, changedBy: string | null, changedAt: string | null } };

export const ComparisonFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Comparison"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originalRunId"}},{"kind":"Field","name":{"kind":"Name","value":"replayRunId"}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"original"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"phasesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phasesFailed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"phasesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phasesFailed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deltas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenDelta"}},{"kind":"Field","name":{"kind":"Name","value":"phaseCompleteDelta"}},{"kind":"Field","name":{"kind":"Name","value":"phaseFailedDelta"}}]}}]}}]} as unknown as DocumentNode<ComparisonFragment, unknown>;
export const RunRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"goal"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"tokenCap"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"completedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"failedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}}]}}]}}]} as unknown as DocumentNode<RunRowFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"keyRequired"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const AbResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AbResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"testId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abTestResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"testId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"testId"}}},{"kind":"Argument","name":{"kind":"Name","value":"validOnly"},"value":{"kind":"BooleanValue","value":false}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"isValid"}},{"kind":"Field","name":{"kind":"Name","value":"validityErrors"}},{"kind":"Field","name":{"kind":"Name","value":"tokenDelta"}},{"kind":"Field","name":{"kind":"Name","value":"timeDeltaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"successRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"controlTotalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentTotalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"controlPhasesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"controlTotalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentPhasesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentTotalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"controlRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatmentRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AbResultsQuery, AbResultsQueryVariables>;
export const AbSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AbSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"testId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abTestSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"testId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"testId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"tokenDelta"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeDeltaSeconds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}}]}},{"kind":"Field","name":{"kind":"Name","value":"successRateDelta"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}}]}}]}}]}}]} as unknown as DocumentNode<AbSummaryQuery, AbSummaryQueryVariables>;
export const OverviewHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"database"}},{"kind":"Field","name":{"kind":"Name","value":"qdrant"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"killSwitches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase6Metrics"}},{"kind":"Field","name":{"kind":"Name","value":"consolidatedMetrics"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewHealthQuery, OverviewHealthQueryVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upToDate"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"applied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"runStateCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const OverviewEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboardEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phaseId"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewEventsQuery, OverviewEventsQueryVariables>;
export const EventAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"EventAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboardEventAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<EventAddedSubscription, EventAddedSubscriptionVariables>;
export const RunCreatedAtDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RunCreatedAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runsUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<RunCreatedAtSubscription, RunCreatedAtSubscriptionVariables>;
export const PatternsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Patterns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minOccurrences"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failurePatterns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minOccurrences"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minOccurrences"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patternId"}},{"kind":"Field","name":{"kind":"Name","value":"errorType"}},{"kind":"Field","name":{"kind":"Name","value":"occurrences"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"runIds"}},{"kind":"Field","name":{"kind":"Name","value":"phaseIds"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"sampleMessage"}},{"kind":"Field","name":{"kind":"Name","value":"keywords"}},{"kind":"Field","name":{"kind":"Name","value":"detector"}}]}}]}}]} as unknown as DocumentNode<PatternsQuery, PatternsQueryVariables>;
export const RunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Run"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"goal"}},{"kind":"Field","name":{"kind":"Name","value":"safetyProfile"}},{"kind":"Field","name":{"kind":"Name","value":"runScope"}},{"kind":"Field","name":{"kind":"Name","value":"tokenCap"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"gitCommitSha"}},{"kind":"Field","name":{"kind":"Name","value":"modelMappingHash"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"completedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"failedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phaseId"}},{"kind":"Field","name":{"kind":"Name","value":"phaseIndex"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureReason"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"retrievalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"secondOpinionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceRequestTokens"}},{"kind":"Field","name":{"kind":"Name","value":"baseTokens"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"phase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phaseId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayComparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Comparison"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Comparison"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originalRunId"}},{"kind":"Field","name":{"kind":"Name","value":"replayRunId"}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"original"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"phasesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phasesFailed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"phasesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phasesFailed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deltas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenDelta"}},{"kind":"Field","name":{"kind":"Name","value":"phaseCompleteDelta"}},{"kind":"Field","name":{"kind":"Name","value":"phaseFailedDelta"}}]}}]}}]} as unknown as DocumentNode<RunQuery, RunQueryVariables>;
export const RunConsolidatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunConsolidated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consolidatedMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"retrievalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"secondOpinionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceRequestTokens"}},{"kind":"Field","name":{"kind":"Name","value":"baseTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"phasesWithMetrics"}}]}}]}}]} as unknown as DocumentNode<RunConsolidatedQuery, RunConsolidatedQueryVariables>;
export const RunReplayComparisonsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunReplayComparisons"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"replays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"replayComparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Comparison"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Comparison"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originalRunId"}},{"kind":"Field","name":{"kind":"Name","value":"replayRunId"}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"original"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"phasesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phasesFailed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"phasesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phasesFailed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deltas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenDelta"}},{"kind":"Field","name":{"kind":"Name","value":"phaseCompleteDelta"}},{"kind":"Field","name":{"kind":"Name","value":"phaseFailedDelta"}}]}}]}}]} as unknown as DocumentNode<RunReplayComparisonsQuery, RunReplayComparisonsQueryVariables>;
export const RunUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RunUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokenCap"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"completedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"failedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}}]}}]}}]}}]} as unknown as DocumentNode<RunUpdatedSubscription, RunUpdatedSubscriptionVariables>;
export const PhaseUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PhaseUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phaseUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureReason"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"completedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"failedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PhaseUpdatedSubscription, PhaseUpdatedSubscriptionVariables>;
export const RunEventAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RunEventAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboardEventAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RunEventAddedSubscription, RunEventAddedSubscriptionVariables>;
export const MetricsRecordedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MetricsRecorded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phaseMetricsRecorded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MetricsRecordedSubscription, MetricsRecordedSubscriptionVariables>;
export const ReplayUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReplayUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runsUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"replayOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ReplayUpdatedSubscription, ReplayUpdatedSubscriptionVariables>;
export const ExecuteRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExecuteRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executeRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}}]}}]}}]} as unknown as DocumentNode<ExecuteRunMutation, ExecuteRunMutationVariables>;
export const ReplayRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ReplayRunMutation, ReplayRunMutationVariables>;
export const RunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Runs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RunState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"goal"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"tokenCap"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"completedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"failedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}}]}}]}}]} as unknown as DocumentNode<RunsQuery, RunsQueryVariables>;
export const RunsUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RunsUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runsUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"goal"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"tokenCap"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPhases"}},{"kind":"Field","name":{"kind":"Name","value":"completedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"failedPhases"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}}]}}]}}]} as unknown as DocumentNode<RunsUpdatedSubscription, RunsUpdatedSubscriptionVariables>;
export const SwitchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Switches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureFlags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"envVar"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"envEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"gates"}}]}}]}}]} as unknown as DocumentNode<SwitchesQuery, SwitchesQueryVariables>;
export const FlagChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FlagChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureFlagChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"envVar"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"envEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"gates"}}]}}]}}]} as unknown as DocumentNode<FlagChangedSubscription, FlagChangedSubscriptionVariables>;
export const SetFeatureFlagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFeatureFlag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flag"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FeatureFlag"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setFeatureFlag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"flag"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flag"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"envEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]}}]} as unknown as DocumentNode<SetFeatureFlagMutation, SetFeatureFlagMutationVariables>;
export const ClearFeatureFlagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClearFeatureFlag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flag"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FeatureFlag"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearFeatureFlag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"flag"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flag"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flag"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"envEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]}}]} as unknown as DocumentNode<ClearFeatureFlagMutation, ClearFeatureFlagMutationVariables>;