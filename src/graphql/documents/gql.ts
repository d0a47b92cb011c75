/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment HealthFields on Health {\n    status\n    database\n    qdrant\n    killSwitches {\n      phase6Metrics\n      consolidatedMetrics\n    }\n    version\n    timestamp\n    flags {\n      flag\n      enabled\n      source\n      envEnabled\n      changedAt\n    }\n  }\n": typeof types.HealthFieldsFragmentDoc,
    "\n  query Health {\n    health {\n      ...HealthFields\n    }\n  }\n": typeof types.HealthDocument,
    "\n  query HealthAudit {\n    health {\n      ...HealthFields\n      flags {\n        reason\n        changedBy\n      }\n    }\n  }\n": typeof types.HealthAuditDocument,
    "\n  query AbResults($testId: String, $validOnly: Boolean!, $limit: Int!) {\n    abTestResults(testId: $testId, validOnly: $validOnly, limit: $limit) {\n      id\n      testId\n      controlRun {\n        id\n      }\n      treatmentRun {\n        id\n      }\n      controlCommitSha\n      treatmentCommitSha\n      controlModelHash\n      treatmentModelHash\n      isValid\n      validityErrors\n      tokenDelta\n      timeDeltaSeconds\n      successRateDelta\n      controlTotalTokens\n      controlPhasesComplete\n      controlPhasesFailed\n      controlTotalPhases\n      treatmentTotalTokens\n      treatmentPhasesComplete\n      treatmentPhasesFailed\n      treatmentTotalPhases\n      createdAt\n      createdBy\n    }\n  }\n": typeof types.AbResultsDocument,
    "\n  mutation RolloutCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n    }\n  }\n": typeof types.RolloutCreateRunDocument,
    "\n  mutation RolloutExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n    }\n  }\n": typeof types.RolloutExecuteRunDocument,
    "\n  query RolloutRun($id: ID!) {\n    run(id: $id) {\n      state\n      failureReason\n      tokensUsed\n      status {\n        totalPhases\n        completedPhases\n      }\n    }\n  }\n": typeof types.RolloutRunDocument,
    "\n  query RolloutIntegrity {\n    integrityReport {\n      ok\n      metricsRowsChecked\n      runsChecked\n      metricsViolationCount\n      runViolationCount\n    }\n  }\n": typeof types.RolloutIntegrityDocument,
    "\n  query RolloutMigrations {\n    migrationStatus {\n      applied {\n        name\n      }\n      pending\n    }\n    schemaVerification {\n      ok\n      label\n      detail\n    }\n  }\n": typeof types.RolloutMigrationsDocument,
    "\n  mutation ReplayCampaign($input: ReplayCampaignInput!) {\n    replayCampaign(input: $input) {\n      campaignId\n      dryRun\n      selected {\n        id\n        state\n        createdAt\n        tokensUsed\n      }\n      replays {\n        id\n        replayOf {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ReplayCampaignDocument,
    "\n  fragment RunOutcome on RunOutcomeSummary {\n    state\n    tokensUsed\n    totalPhases\n    phasesComplete\n    phasesFailed\n  }\n": typeof types.RunOutcomeFragmentDoc,
    "\n  query ReplayState($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      failureReason\n      replayComparison {\n        originalRunId\n        replayRunId\n        generatedAt\n        original {\n          ...RunOutcome\n        }\n        replay {\n          ...RunOutcome\n        }\n        deltas {\n          tokenDelta\n          phaseCompleteDelta\n          phaseFailedDelta\n        }\n      }\n    }\n  }\n": typeof types.ReplayStateDocument,
    "\n  fragment RestRunFields on Run {\n    id\n    state\n    safetyProfile\n    runScope\n    goal\n    tokenCap\n    tokensUsed\n    gitCommitSha\n    modelMappingHash\n    failureReason\n    replayOf {\n      id\n    }\n    createdAt\n    updatedAt\n    queuedAt\n    startedAt\n    completedAt\n  }\n": typeof types.RestRunFieldsFragmentDoc,
    "\n  query ListRuns($first: Int!, $offset: Int!, $state: RunState) {\n    runs(first: $first, offset: $offset, state: $state) {\n      totalCount\n      nodes {\n        ...RestRunFields\n      }\n    }\n  }\n": typeof types.ListRunsDocument,
    "\n  query GetRun($id: ID!) {\n    run(id: $id) {\n      ...RestRunFields\n      phases {\n        phaseId\n        phaseIndex\n        name\n        description\n        state\n        tokensUsed\n        attempts\n        lastFailureReason\n        createdAt\n        startedAt\n        completedAt\n      }\n    }\n  }\n": typeof types.GetRunDocument,
    "\n  mutation ExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n      state\n      queuedAt\n    }\n  }\n": typeof types.ExecuteRunDocument,
    "\n  query RunStatus($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      createdAt\n      queuedAt\n      startedAt\n      completedAt\n      tokensUsed\n      tokenCap\n      failureReason\n      status {\n        totalPhases\n        completedPhases\n        failedPhases\n        executingPhases\n        percentComplete\n      }\n    }\n  }\n": typeof types.RunStatusDocument,
    "\n  query SeedDemoStatus($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      tokensUsed\n      failureReason\n      status {\n        totalPhases\n        completedPhases\n        failedPhases\n      }\n    }\n  }\n": typeof types.SeedDemoStatusDocument,
    "\n  mutation SeedDemoCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n    }\n  }\n": typeof types.SeedDemoCreateRunDocument,
    "\n  mutation SeedDemoExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n    }\n  }\n": typeof types.SeedDemoExecuteRunDocument,
    "\n  fragment WatchRun on Run {\n    id\n    state\n    version\n    tokensUsed\n    failureReason\n  }\n": typeof types.WatchRunFragmentDoc,
    "\n  fragment WatchPhase on Phase {\n    id\n    phaseId\n    phaseIndex\n    state\n    updatedAt\n  }\n": typeof types.WatchPhaseFragmentDoc,
    "\n  fragment WatchEvent on DashboardEvent {\n    id\n    eventType\n    message\n    createdAt\n    phase {\n      phaseId\n    }\n  }\n": typeof types.WatchEventFragmentDoc,
    "\n  query WatchRead($id: ID!) {\n    run(id: $id) {\n      ...WatchRun\n      phases {\n        ...WatchPhase\n      }\n      events(limit: 100) {\n        ...WatchEvent\n      }\n    }\n  }\n": typeof types.WatchReadDocument,
    "\n  subscription WatchRunUpdated($id: ID!) {\n    runUpdated(id: $id) {\n      ...WatchRun\n    }\n  }\n": typeof types.WatchRunUpdatedDocument,
    "\n  subscription WatchPhaseUpdated($id: ID!) {\n    phaseUpdated(runId: $id) {\n      ...WatchPhase\n    }\n  }\n": typeof types.WatchPhaseUpdatedDocument,
    "\n  subscription WatchEventAdded($id: ID!) {\n    dashboardEventAdded(runId: $id) {\n      ...WatchEvent\n    }\n  }\n": typeof types.WatchEventAddedDocument,
    "\n  query ConsolidatedMetrics($runId: ID!, $limit: Int!, $offset: Int!) {\n    consolidatedMetrics(runId: $runId, limit: $limit, offset: $offset) {\n      runId\n      retrievalTokens\n      secondOpinionTokens\n      evidenceRequestTokens\n      baseTokens\n      totalTokens\n      totalPhases\n      phasesWithMetrics\n    }\n  }\n": typeof types.ConsolidatedMetricsDocument,
};
const documents: Documents = {
    "\n  fragment HealthFields on Health {\n    status\n    database\n    qdrant\n    killSwitches {\n      phase6Metrics\n      consolidatedMetrics\n    }\n    version\n    timestamp\n    flags {\n      flag\n      enabled\n      source\n      envEnabled\n      changedAt\n    }\n  }\n": types.HealthFieldsFragmentDoc,
    "\n  query Health {\n    health {\n      ...HealthFields\n    }\n  }\n": types.HealthDocument,
    "\n  query HealthAudit {\n    health {\n      ...HealthFields\n      flags {\n        reason\n        changedBy\n      }\n    }\n  }\n": types.HealthAuditDocument,
    "\n  query AbResults($testId: String, $validOnly: Boolean!, $limit: Int!) {\n    abTestResults(testId: $testId, validOnly: $validOnly, limit: $limit) {\n      id\n      testId\n      controlRun {\n        id\n      }\n      treatmentRun {\n        id\n      }\n      controlCommitSha\n      treatmentCommitSha\n      controlModelHash\n      treatmentModelHash\n      isValid\n      validityErrors\n      tokenDelta\n      timeDeltaSeconds\n      successRateDelta\n      controlTotalTokens\n      controlPhasesComplete\n      controlPhasesFailed\n      controlTotalPhases\n      treatmentTotalTokens\n      treatmentPhasesComplete\n      treatmentPhasesFailed\n      treatmentTotalPhases\n      createdAt\n      createdBy\n    }\n  }\n": types.AbResultsDocument,
    "\n  mutation RolloutCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n    }\n  }\n": types.RolloutCreateRunDocument,
    "\n  mutation RolloutExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n    }\n  }\n": types.RolloutExecuteRunDocument,
    "\n  query RolloutRun($id: ID!) {\n    run(id: $id) {\n      state\n      failureReason\n      tokensUsed\n      status {\n        totalPhases\n        completedPhases\n      }\n    }\n  }\n": types.RolloutRunDocument,
    "\n  query RolloutIntegrity {\n    integrityReport {\n      ok\n      metricsRowsChecked\n      runsChecked\n      metricsViolationCount\n      runViolationCount\n    }\n  }\n": types.RolloutIntegrityDocument,
    "\n  query RolloutMigrations {\n    migrationStatus {\n      applied {\n        name\n      }\n      pending\n    }\n    schemaVerification {\n      ok\n      label\n      detail\n    }\n  }\n": types.RolloutMigrationsDocument,
    "\n  mutation ReplayCampaign($input: ReplayCampaignInput!) {\n    replayCampaign(input: $input) {\n      campaignId\n      dryRun\n      selected {\n        id\n        state\n        createdAt\n        tokensUsed\n      }\n      replays {\n        id\n        replayOf {\n          id\n        }\n      }\n    }\n  }\n": types.ReplayCampaignDocument,
    "\n  fragment RunOutcome on RunOutcomeSummary {\n    state\n    tokensUsed\n    totalPhases\n    phasesComplete\n    phasesFailed\n  }\n": types.RunOutcomeFragmentDoc,
    "\n  query ReplayState($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      failureReason\n      replayComparison {\n        originalRunId\n        replayRunId\n        generatedAt\n        original {\n          ...RunOutcome\n        }\n        replay {\n          ...RunOutcome\n        }\n        deltas {\n          tokenDelta\n          phaseCompleteDelta\n          phaseFailedDelta\n        }\n      }\n    }\n  }\n": types.ReplayStateDocument,
    "\n  fragment RestRunFields on Run {\n    id\n    state\n    safetyProfile\n    runScope\n    goal\n    tokenCap\n    tokensUsed\n    gitCommitSha\n    modelMappingHash\n    failureReason\n    replayOf {\n      id\n    }\n    createdAt\n    updatedAt\n    queuedAt\n    startedAt\n    completedAt\n  }\n": types.RestRunFieldsFragmentDoc,
    "\n  query ListRuns($first: Int!, $offset: Int!, $state: RunState) {\n    runs(first: $first, offset: $offset, state: $state) {\n      totalCount\n      nodes {\n        ...RestRunFields\n      }\n    }\n  }\n": types.ListRunsDocument,
    "\n  query GetRun($id: ID!) {\n    run(id: $id) {\n      ...RestRunFields\n      phases {\n        phaseId\n        phaseIndex\n        name\n        description\n        state\n        tokensUsed\n        attempts\n        lastFailureReason\n        createdAt\n        startedAt\n        completedAt\n      }\n    }\n  }\n": types.GetRunDocument,
    "\n  mutation ExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n      state\n      queuedAt\n    }\n  }\n": types.ExecuteRunDocument,
    "\n  query RunStatus($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      createdAt\n      queuedAt\n      startedAt\n      completedAt\n      tokensUsed\n      tokenCap\n      failureReason\n      status {\n        totalPhases\n        completedPhases\n        failedPhases\n        executingPhases\n        percentComplete\n      }\n    }\n  }\n": types.RunStatusDocument,
    "\n  query SeedDemoStatus($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      tokensUsed\n      failureReason\n      status {\n        totalPhases\n        completedPhases\n        failedPhases\n      }\n    }\n  }\n": types.SeedDemoStatusDocument,
    "\n  mutation SeedDemoCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n    }\n  }\n": types.SeedDemoCreateRunDocument,
    "\n  mutation SeedDemoExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n    }\n  }\n": types.SeedDemoExecuteRunDocument,
    "\n  fragment WatchRun on Run {\n    id\n    state\n    version\n    tokensUsed\n    failureReason\n  }\n": types.WatchRunFragmentDoc,
    "\n  fragment WatchPhase on Phase {\n    id\n    phaseId\n    phaseIndex\n    state\n    updatedAt\n  }\n": types.WatchPhaseFragmentDoc,
    "\n  fragment WatchEvent on DashboardEvent {\n    id\n    eventType\n    message\n    createdAt\n    phase {\n      phaseId\n    }\n  }\n": types.WatchEventFragmentDoc,
    "\n  query WatchRead($id: ID!) {\n    run(id: $id) {\n      ...WatchRun\n      phases {\n        ...WatchPhase\n      }\n      events(limit: 100) {\n        ...WatchEvent\n      }\n    }\n  }\n": types.WatchReadDocument,
    "\n  subscription WatchRunUpdated($id: ID!) {\n    runUpdated(id: $id) {\n      ...WatchRun\n    }\n  }\n": types.WatchRunUpdatedDocument,
    "\n  subscription WatchPhaseUpdated($id: ID!) {\n    phaseUpdated(runId: $id) {\n      ...WatchPhase\n    }\n  }\n": types.WatchPhaseUpdatedDocument,
    "\n  subscription WatchEventAdded($id: ID!) {\n    dashboardEventAdded(runId: $id) {\n      ...WatchEvent\n    }\n  }\n": types.WatchEventAddedDocument,
    "\n  query ConsolidatedMetrics($runId: ID!, $limit: Int!, $offset: Int!) {\n    consolidatedMetrics(runId: $runId, limit: $limit, offset: $offset) {\n      runId\n      retrievalTokens\n      secondOpinionTokens\n      evidenceRequestTokens\n      baseTokens\n      totalTokens\n      totalPhases\n      phasesWithMetrics\n    }\n  }\n": types.ConsolidatedMetricsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HealthFields on Health {\n    status\n    database\n    qdrant\n    killSwitches {\n      phase6Metrics\n      consolidatedMetrics\n    }\n    version\n    timestamp\n    flags {\n      flag\n      enabled\n      source\n      envEnabled\n      changedAt\n    }\n  }\n"): typeof import('./graphql').HealthFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Health {\n    health {\n      ...HealthFields\n    }\n  }\n"): typeof import('./graphql').HealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HealthAudit {\n    health {\n      ...HealthFields\n      flags {\n        reason\n        changedBy\n      }\n    }\n  }\n"): typeof import('./graphql').HealthAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AbResults($testId: String, $validOnly: Boolean!, $limit: Int!) {\n    abTestResults(testId: $testId, validOnly: $validOnly, limit: $limit) {\n      id\n      testId\n      controlRun {\n        id\n      }\n      treatmentRun {\n        id\n      }\n      controlCommitSha\n      treatmentCommitSha\n      controlModelHash\n      treatmentModelHash\n      isValid\n      validityErrors\n      tokenDelta\n      timeDeltaSeconds\n      successRateDelta\n      controlTotalTokens\n      controlPhasesComplete\n      controlPhasesFailed\n      controlTotalPhases\n      treatmentTotalTokens\n      treatmentPhasesComplete\n      treatmentPhasesFailed\n      treatmentTotalPhases\n      createdAt\n      createdBy\n    }\n  }\n"): typeof import('./graphql').AbResultsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RolloutCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').RolloutCreateRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RolloutExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').RolloutExecuteRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolloutRun($id: ID!) {\n    run(id: $id) {\n      state\n      failureReason\n      tokensUsed\n      status {\n        totalPhases\n        completedPhases\n      }\n    }\n  }\n"): typeof import('./graphql').RolloutRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolloutIntegrity {\n    integrityReport {\n      ok\n      metricsRowsChecked\n      runsChecked\n      metricsViolationCount\n      runViolationCount\n    }\n  }\n"): typeof import('./graphql').RolloutIntegrityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolloutMigrations {\n    migrationStatus {\n      applied {\n        name\n      }\n      pending\n    }\n    schemaVerification {\n      ok\n      label\n      detail\n    }\n  }\n"): typeof import('./graphql').RolloutMigrationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayCampaign($input: ReplayCampaignInput!) {\n    replayCampaign(input: $input) {\n      campaignId\n      dryRun\n      selected {\n        id\n        state\n        createdAt\n        tokensUsed\n      }\n      replays {\n        id\n        replayOf {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ReplayCampaignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunOutcome on RunOutcomeSummary {\n    state\n    tokensUsed\n    totalPhases\n    phasesComplete\n    phasesFailed\n  }\n"): typeof import('./graphql').RunOutcomeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplayState($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      failureReason\n      replayComparison {\n        originalRunId\n        replayRunId\n        generatedAt\n        original {\n          ...RunOutcome\n        }\n        replay {\n          ...RunOutcome\n        }\n        deltas {\n          tokenDelta\n          phaseCompleteDelta\n          phaseFailedDelta\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ReplayStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestRunFields on Run {\n    id\n    state\n    safetyProfile\n    runScope\n    goal\n    tokenCap\n    tokensUsed\n    gitCommitSha\n    modelMappingHash\n    failureReason\n    replayOf {\n      id\n    }\n    createdAt\n    updatedAt\n    queuedAt\n    startedAt\n    completedAt\n  }\n"): typeof import('./graphql').RestRunFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListRuns($first: Int!, $offset: Int!, $state: RunState) {\n    runs(first: $first, offset: $offset, state: $state) {\n      totalCount\n      nodes {\n        ...RestRunFields\n      }\n    }\n  }\n"): typeof import('./graphql').ListRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetRun($id: ID!) {\n    run(id: $id) {\n      ...RestRunFields\n      phases {\n        phaseId\n        phaseIndex\n        name\n        description\n        state\n        tokensUsed\n        attempts\n        lastFailureReason\n        createdAt\n        startedAt\n        completedAt\n      }\n    }\n  }\n"): typeof import('./graphql').GetRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n      state\n      queuedAt\n    }\n  }\n"): typeof import('./graphql').ExecuteRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunStatus($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      createdAt\n      queuedAt\n      startedAt\n      completedAt\n      tokensUsed\n      tokenCap\n      failureReason\n      status {\n        totalPhases\n        completedPhases\n        failedPhases\n        executingPhases\n        percentComplete\n      }\n    }\n  }\n"): typeof import('./graphql').RunStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SeedDemoStatus($id: ID!) {\n    run(id: $id) {\n      id\n      state\n      tokensUsed\n      failureReason\n      status {\n        totalPhases\n        completedPhases\n        failedPhases\n      }\n    }\n  }\n"): typeof import('./graphql').SeedDemoStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeedDemoCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').SeedDemoCreateRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeedDemoExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').SeedDemoExecuteRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WatchRun on Run {\n    id\n    state\n    version\n    tokensUsed\n    failureReason\n  }\n"): typeof import('./graphql').WatchRunFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WatchPhase on Phase {\n    id\n    phaseId\n    phaseIndex\n    state\n    updatedAt\n  }\n"): typeof import('./graphql').WatchPhaseFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WatchEvent on DashboardEvent {\n    id\n    eventType\n    message\n    createdAt\n    phase {\n      phaseId\n    }\n  }\n"): typeof import('./graphql').WatchEventFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WatchRead($id: ID!) {\n    run(id: $id) {\n      ...WatchRun\n      phases {\n        ...WatchPhase\n      }\n      events(limit: 100) {\n        ...WatchEvent\n      }\n    }\n  }\n"): typeof import('./graphql').WatchReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchRunUpdated($id: ID!) {\n    runUpdated(id: $id) {\n      ...WatchRun\n    }\n  }\n"): typeof import('./graphql').WatchRunUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchPhaseUpdated($id: ID!) {\n    phaseUpdated(runId: $id) {\n      ...WatchPhase\n    }\n  }\n"): typeof import('./graphql').WatchPhaseUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchEventAdded($id: ID!) {\n    dashboardEventAdded(runId: $id) {\n      ...WatchEvent\n    }\n  }\n"): typeof import('./graphql').WatchEventAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolidatedMetrics($runId: ID!, $limit: Int!, $offset: Int!) {\n    consolidatedMetrics(runId: $runId, limit: $limit, offset: $offset) {\n      runId\n      retrievalTokens\n      secondOpinionTokens\n      evidenceRequestTokens\n      baseTokens\n      totalTokens\n      totalPhases\n      phasesWithMetrics\n    }\n  }\n"): typeof import('./graphql').ConsolidatedMetricsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
