/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query Viewer {\n    viewer {\n      role\n      keyRequired\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  subscription SwitchFlipped {\n    featureFlagChanged {\n      flag\n      enabled\n    }\n  }\n": typeof types.SwitchFlippedDocument,
    "\n  query AbResults($testId: String) {\n    abTestResults(testId: $testId, validOnly: false, limit: 50) {\n      id\n      testId\n      isValid\n      validityErrors\n      tokenDelta\n      timeDeltaSeconds\n      successRateDelta\n      controlTotalTokens\n      treatmentTotalTokens\n      controlPhasesComplete\n      controlTotalPhases\n      treatmentPhasesComplete\n      treatmentTotalPhases\n      createdAt\n      createdBy\n      controlRun {\n        id\n      }\n      treatmentRun {\n        id\n      }\n    }\n  }\n": typeof types.AbResultsDocument,
    "\n  query AbSummary($testId: String!) {\n    abTestSummary(testId: $testId) {\n      testId\n      count\n      tokenDelta {\n        mean\n        median\n      }\n      timeDeltaSeconds {\n        mean\n        median\n      }\n      successRateDelta {\n        mean\n        median\n      }\n    }\n  }\n": typeof types.AbSummaryDocument,
    "\n  query OverviewHealth {\n    health {\n      status\n      database\n      qdrant\n      version\n      timestamp\n      killSwitches {\n        phase6Metrics\n        consolidatedMetrics\n      }\n    }\n  }\n": typeof types.OverviewHealthDocument,
    "\n  query Overview($since: DateTime!) {\n    migrationStatus {\n      upToDate\n      pending\n      applied {\n        name\n        executedAt\n      }\n    }\n    runStateCounts(since: $since) {\n      state\n      count\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query OverviewEvents {\n    dashboardEvents(limit: 20) {\n      id\n      eventType\n      message\n      createdAt\n      run {\n        id\n      }\n      phase {\n        id\n        phaseId\n      }\n    }\n  }\n": typeof types.OverviewEventsDocument,
    "\n  subscription EventAdded {\n    dashboardEventAdded {\n      id\n    }\n  }\n": typeof types.EventAddedDocument,
    "\n  subscription RunCreatedAt {\n    runsUpdated {\n      id\n      createdAt\n    }\n  }\n": typeof types.RunCreatedAtDocument,
    "\n  query Patterns($minOccurrences: Int!) {\n    failurePatterns(minOccurrences: $minOccurrences) {\n      patternId\n      errorType\n      occurrences\n      confidence\n      runIds\n      phaseIds\n      firstSeenAt\n      lastSeenAt\n      sampleMessage\n      keywords\n      detector\n    }\n  }\n": typeof types.PatternsDocument,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      id\n      ...RunLive\n      goal\n      safetyProfile\n      runScope\n      gitCommitSha\n      modelMappingHash\n      createdAt\n      replayOf {\n        id\n      }\n      phases {\n        id\n        phaseId\n        phaseIndex\n        name\n        ...PhaseLive\n        metrics {\n          id\n          retrievalTokens\n          secondOpinionTokens\n          evidenceRequestTokens\n          baseTokens\n        }\n      }\n      events(limit: 50) {\n        id\n        eventType\n        message\n        createdAt\n        phase {\n          id\n          phaseId\n        }\n      }\n      replays {\n        id\n        state\n        tokensUsed\n        createdAt\n      }\n      replayComparison {\n        ...Comparison\n      }\n    }\n  }\n": typeof types.RunDocument,
    "\n  fragment RunLive on Run {\n    state\n    tokenCap\n    tokensUsed\n    failureReason\n    queuedAt\n    startedAt\n    completedAt\n    status {\n      ...RunProgress\n    }\n  }\n": typeof types.RunLiveFragmentDoc,
    "\n  fragment PhaseLive on Phase {\n    state\n    tokensUsed\n    attempts\n    lastFailureReason\n    startedAt\n    completedAt\n  }\n": typeof types.PhaseLiveFragmentDoc,
    "\n  fragment Comparison on ReplayComparison {\n    originalRunId\n    replayRunId\n    generatedAt\n    original {\n      state\n      tokensUsed\n      totalPhases\n      phasesComplete\n      phasesFailed\n    }\n    replay {\n      state\n      tokensUsed\n      totalPhases\n      phasesComplete\n      phasesFailed\n    }\n    deltas {\n      tokenDelta\n      phaseCompleteDelta\n      phaseFailedDelta\n    }\n  }\n": typeof types.ComparisonFragmentDoc,
    "\n  query RunConsolidated($runId: ID!) {\n    consolidatedMetrics(runId: $runId) {\n      runId\n      retrievalTokens\n      secondOpinionTokens\n      evidenceRequestTokens\n      baseTokens\n      totalTokens\n      totalPhases\n      phasesWithMetrics\n    }\n  }\n": typeof types.RunConsolidatedDocument,
    "\n  query RunReplayComparisons($id: ID!) {\n    run(id: $id) {\n      id\n      replays {\n        id\n        replayComparison {\n          ...Comparison\n        }\n      }\n    }\n  }\n": typeof types.RunReplayComparisonsDocument,
    "\n  subscription RunUpdated($id: ID!) {\n    runUpdated(id: $id) {\n      id\n      ...RunLive\n    }\n  }\n": typeof types.RunUpdatedDocument,
    "\n  subscription PhaseUpdated($runId: ID!) {\n    phaseUpdated(runId: $runId) {\n      id\n      ...PhaseLive\n      run {\n        id\n        tokensUsed\n        status {\n          ...RunProgress\n        }\n      }\n    }\n  }\n": typeof types.PhaseUpdatedDocument,
    "\n  subscription RunEventAdded($runId: ID!) {\n    dashboardEventAdded(runId: $runId) {\n      id\n    }\n  }\n": typeof types.RunEventAddedDocument,
    "\n  subscription MetricsRecorded($runId: ID!) {\n    phaseMetricsRecorded(runId: $runId) {\n      id\n    }\n  }\n": typeof types.MetricsRecordedDocument,
    "\n  subscription ReplayUpdated {\n    runsUpdated {\n      id\n      state\n      tokensUsed\n      replayOf {\n        id\n      }\n    }\n  }\n": typeof types.ReplayUpdatedDocument,
    "\n  mutation ExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n      state\n      queuedAt\n    }\n  }\n": typeof types.ExecuteRunDocument,
    "\n  mutation ReplayRun($id: ID!) {\n    replayRun(id: $id) {\n      id\n      state\n    }\n  }\n": typeof types.ReplayRunDocument,
    "\n  query Runs($state: RunState, $first: Int!, $after: String) {\n    runs(state: $state, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n": typeof types.RunsDocument,
    "\n  fragment RunProgress on RunStatus {\n    totalPhases\n    completedPhases\n    failedPhases\n    percentComplete\n  }\n": typeof types.RunProgressFragmentDoc,
    "\n  fragment RunRow on Run {\n    id\n    state\n    goal\n    tokensUsed\n    tokenCap\n    createdAt\n    startedAt\n    completedAt\n    status {\n      ...RunProgress\n    }\n  }\n": typeof types.RunRowFragmentDoc,
    "\n  subscription RunsUpdated {\n    runsUpdated {\n      ...RunRow\n    }\n  }\n": typeof types.RunsUpdatedDocument,
    "\n  fragment SwitchFields on FeatureFlagState {\n    flag\n    envVar\n    enabled\n    source\n    envEnabled\n    reason\n    changedBy\n    changedAt\n    gates\n  }\n": typeof types.SwitchFieldsFragmentDoc,
    "\n  query Switches {\n    featureFlags {\n      ...SwitchFields\n    }\n  }\n": typeof types.SwitchesDocument,
    "\n  subscription FlagChanged {\n    featureFlagChanged {\n      ...SwitchFields\n    }\n  }\n": typeof types.FlagChangedDocument,
    "\n  mutation SetFeatureFlag($flag: FeatureFlag!, $enabled: Boolean!, $reason: String) {\n    setFeatureFlag(flag: $flag, enabled: $enabled, reason: $reason) {\n      ...SwitchFields\n    }\n  }\n": typeof types.SetFeatureFlagDocument,
    "\n  mutation ClearFeatureFlag($flag: FeatureFlag!) {\n    clearFeatureFlag(flag: $flag) {\n      ...SwitchFields\n    }\n  }\n": typeof types.ClearFeatureFlagDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      role\n      keyRequired\n    }\n  }\n": types.ViewerDocument,
    "\n  subscription SwitchFlipped {\n    featureFlagChanged {\n      flag\n      enabled\n    }\n  }\n": types.SwitchFlippedDocument,
    "\n  query AbResults($testId: String) {\n    abTestResults(testId: $testId, validOnly: false, limit: 50) {\n      id\n      testId\n      isValid\n      validityErrors\n      tokenDelta\n      timeDeltaSeconds\n      successRateDelta\n      controlTotalTokens\n      treatmentTotalTokens\n      controlPhasesComplete\n      controlTotalPhases\n      treatmentPhasesComplete\n      treatmentTotalPhases\n      createdAt\n      createdBy\n      controlRun {\n        id\n      }\n      treatmentRun {\n        id\n      }\n    }\n  }\n": types.AbResultsDocument,
    "\n  query AbSummary($testId: String!) {\n    abTestSummary(testId: $testId) {\n      testId\n      count\n      tokenDelta {\n        mean\n        median\n      }\n      timeDeltaSeconds {\n        mean\n        median\n      }\n      successRateDelta {\n        mean\n        median\n      }\n    }\n  }\n": types.AbSummaryDocument,
    "\n  query OverviewHealth {\n    health {\n      status\n      database\n      qdrant\n      version\n      timestamp\n      killSwitches {\n        phase6Metrics\n        consolidatedMetrics\n      }\n    }\n  }\n": types.OverviewHealthDocument,
    "\n  query Overview($since: DateTime!) {\n    migrationStatus {\n      upToDate\n      pending\n      applied {\n        name\n        executedAt\n      }\n    }\n    runStateCounts(since: $since) {\n      state\n      count\n    }\n  }\n": types.OverviewDocument,
    "\n  query OverviewEvents {\n    dashboardEvents(limit: 20) {\n      id\n      eventType\n      message\n      createdAt\n      run {\n        id\n      }\n      phase {\n        id\n        phaseId\n      }\n    }\n  }\n": types.OverviewEventsDocument,
    "\n  subscription EventAdded {\n    dashboardEventAdded {\n      id\n    }\n  }\n": types.EventAddedDocument,
    "\n  subscription RunCreatedAt {\n    runsUpdated {\n      id\n      createdAt\n    }\n  }\n": types.RunCreatedAtDocument,
    "\n  query Patterns($minOccurrences: Int!) {\n    failurePatterns(minOccurrences: $minOccurrences) {\n      patternId\n      errorType\n      occurrences\n      confidence\n      runIds\n      phaseIds\n      firstSeenAt\n      lastSeenAt\n      sampleMessage\n      keywords\n      detector\n    }\n  }\n": types.PatternsDocument,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      id\n      ...RunLive\n      goal\n      safetyProfile\n      runScope\n      gitCommitSha\n      modelMappingHash\n      createdAt\n      replayOf {\n        id\n      }\n      phases {\n        id\n        phaseId\n        phaseIndex\n        name\n        ...PhaseLive\n        metrics {\n          id\n          retrievalTokens\n          secondOpinionTokens\n          evidenceRequestTokens\n          baseTokens\n        }\n      }\n      events(limit: 50) {\n        id\n        eventType\n        message\n        createdAt\n        phase {\n          id\n          phaseId\n        }\n      }\n      replays {\n        id\n        state\n        tokensUsed\n        createdAt\n      }\n      replayComparison {\n        ...Comparison\n      }\n    }\n  }\n": types.RunDocument,
    "\n  fragment RunLive on Run {\n    state\n    tokenCap\n    tokensUsed\n    failureReason\n    queuedAt\n    startedAt\n    completedAt\n    status {\n      ...RunProgress\n    }\n  }\n": types.RunLiveFragmentDoc,
    "\n  fragment PhaseLive on Phase {\n    state\n    tokensUsed\n    attempts\n    lastFailureReason\n    startedAt\n    completedAt\n  }\n": types.PhaseLiveFragmentDoc,
    "\n  fragment Comparison on ReplayComparison {\n    originalRunId\n    replayRunId\n    generatedAt\n    original {\n      state\n      tokensUsed\n      totalPhases\n      phasesComplete\n      phasesFailed\n    }\n    replay {\n      state\n      tokensUsed\n      totalPhases\n      phasesComplete\n      phasesFailed\n    }\n    deltas {\n      tokenDelta\n      phaseCompleteDelta\n      phaseFailedDelta\n    }\n  }\n": types.ComparisonFragmentDoc,
    "\n  query RunConsolidated($runId: ID!) {\n    consolidatedMetrics(runId: $runId) {\n      runId\n      retrievalTokens\n      secondOpinionTokens\n      evidenceRequestTokens\n      baseTokens\n      totalTokens\n      totalPhases\n      phasesWithMetrics\n    }\n  }\n": types.RunConsolidatedDocument,
    "\n  query RunReplayComparisons($id: ID!) {\n    run(id: $id) {\n      id\n      replays {\n        id\n        replayComparison {\n          ...Comparison\n        }\n      }\n    }\n  }\n": types.RunReplayComparisonsDocument,
    "\n  subscription RunUpdated($id: ID!) {\n    runUpdated(id: $id) {\n      id\n      ...RunLive\n    }\n  }\n": types.RunUpdatedDocument,
    "\n  subscription PhaseUpdated($runId: ID!) {\n    phaseUpdated(runId: $runId) {\n      id\n      ...PhaseLive\n      run {\n        id\n        tokensUsed\n        status {\n          ...RunProgress\n        }\n      }\n    }\n  }\n": types.PhaseUpdatedDocument,
    "\n  subscription RunEventAdded($runId: ID!) {\n    dashboardEventAdded(runId: $runId) {\n      id\n    }\n  }\n": types.RunEventAddedDocument,
    "\n  subscription MetricsRecorded($runId: ID!) {\n    phaseMetricsRecorded(runId: $runId) {\n      id\n    }\n  }\n": types.MetricsRecordedDocument,
    "\n  subscription ReplayUpdated {\n    runsUpdated {\n      id\n      state\n      tokensUsed\n      replayOf {\n        id\n      }\n    }\n  }\n": types.ReplayUpdatedDocument,
    "\n  mutation ExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n      state\n      queuedAt\n    }\n  }\n": types.ExecuteRunDocument,
    "\n  mutation ReplayRun($id: ID!) {\n    replayRun(id: $id) {\n      id\n      state\n    }\n  }\n": types.ReplayRunDocument,
    "\n  query Runs($state: RunState, $first: Int!, $after: String) {\n    runs(state: $state, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n": types.RunsDocument,
    "\n  fragment RunProgress on RunStatus {\n    totalPhases\n    completedPhases\n    failedPhases\n    percentComplete\n  }\n": types.RunProgressFragmentDoc,
    "\n  fragment RunRow on Run {\n    id\n    state\n    goal\n    tokensUsed\n    tokenCap\n    createdAt\n    startedAt\n    completedAt\n    status {\n      ...RunProgress\n    }\n  }\n": types.RunRowFragmentDoc,
    "\n  subscription RunsUpdated {\n    runsUpdated {\n      ...RunRow\n    }\n  }\n": types.RunsUpdatedDocument,
    "\n  fragment SwitchFields on FeatureFlagState {\n    flag\n    envVar\n    enabled\n    source\n    envEnabled\n    reason\n    changedBy\n    changedAt\n    gates\n  }\n": types.SwitchFieldsFragmentDoc,
    "\n  query Switches {\n    featureFlags {\n      ...SwitchFields\n    }\n  }\n": types.SwitchesDocument,
    "\n  subscription FlagChanged {\n    featureFlagChanged {\n      ...SwitchFields\n    }\n  }\n": types.FlagChangedDocument,
    "\n  mutation SetFeatureFlag($flag: FeatureFlag!, $enabled: Boolean!, $reason: String) {\n    setFeatureFlag(flag: $flag, enabled: $enabled, reason: $reason) {\n      ...SwitchFields\n    }\n  }\n": types.SetFeatureFlagDocument,
    "\n  mutation ClearFeatureFlag($flag: FeatureFlag!) {\n    clearFeatureFlag(flag: $flag) {\n      ...SwitchFields\n    }\n  }\n": types.ClearFeatureFlagDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      role\n      keyRequired\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      role\n      keyRequired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SwitchFlipped {\n    featureFlagChanged {\n      flag\n      enabled\n    }\n  }\n"): (typeof documents)["\n  subscription SwitchFlipped {\n    featureFlagChanged {\n      flag\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AbResults($testId: String) {\n    abTestResults(testId: $testId, validOnly: false, limit: 50) {\n      id\n      testId\n      isValid\n      validityErrors\n      tokenDelta\n      timeDeltaSeconds\n      successRateDelta\n      controlTotalTokens\n      treatmentTotalTokens\n      controlPhasesComplete\n      controlTotalPhases\n      treatmentPhasesComplete\n      treatmentTotalPhases\n      createdAt\n      createdBy\n      controlRun {\n        id\n      }\n      treatmentRun {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query AbResults($testId: String) {\n    abTestResults(testId: $testId, validOnly: false, limit: 50) {\n      id\n      testId\n      isValid\n      validityErrors\n      tokenDelta\n      timeDeltaSeconds\n      successRateDelta\n      controlTotalTokens\n      treatmentTotalTokens\n      controlPhasesComplete\n      controlTotalPhases\n      treatmentPhasesComplete\n      treatmentTotalPhases\n      createdAt\n      createdBy\n      controlRun {\n        id\n      }\n      treatmentRun {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AbSummary($testId: String!) {\n    abTestSummary(testId: $testId) {\n      testId\n      count\n      tokenDelta {\n        mean\n        median\n      }\n      timeDeltaSeconds {\n        mean\n        median\n      }\n      successRateDelta {\n        mean\n        median\n      }\n    }\n  }\n"): (typeof documents)["\n  query AbSummary($testId: String!) {\n    abTestSummary(testId: $testId) {\n      testId\n      count\n      tokenDelta {\n        mean\n        median\n      }\n      timeDeltaSeconds {\n        mean\n        median\n      }\n      successRateDelta {\n        mean\n        median\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewHealth {\n    health {\n      status\n      database\n      qdrant\n      version\n      timestamp\n      killSwitches {\n        phase6Metrics\n        consolidatedMetrics\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewHealth {\n    health {\n      status\n      database\n      qdrant\n      version\n      timestamp\n      killSwitches {\n        phase6Metrics\n        consolidatedMetrics\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($since: DateTime!) {\n    migrationStatus {\n      upToDate\n      pending\n      applied {\n        name\n        executedAt\n      }\n    }\n    runStateCounts(since: $since) {\n      state\n      count\n    }\n  }\n"): (typeof documents)["\n  query Overview($since: DateTime!) {\n    migrationStatus {\n      upToDate\n      pending\n      applied {\n        name\n        executedAt\n      }\n    }\n    runStateCounts(since: $since) {\n      state\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewEvents {\n    dashboardEvents(limit: 20) {\n      id\n      eventType\n      message\n      createdAt\n      run {\n        id\n      }\n      phase {\n        id\n        phaseId\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewEvents {\n    dashboardEvents(limit: 20) {\n      id\n      eventType\n      message\n      createdAt\n      run {\n        id\n      }\n      phase {\n        id\n        phaseId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EventAdded {\n    dashboardEventAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription EventAdded {\n    dashboardEventAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunCreatedAt {\n    runsUpdated {\n      id\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  subscription RunCreatedAt {\n    runsUpdated {\n      id\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Patterns($minOccurrences: Int!) {\n    failurePatterns(minOccurrences: $minOccurrences) {\n      patternId\n      errorType\n      occurrences\n      confidence\n      runIds\n      phaseIds\n      firstSeenAt\n      lastSeenAt\n      sampleMessage\n      keywords\n      detector\n    }\n  }\n"): (typeof documents)["\n  query Patterns($minOccurrences: Int!) {\n    failurePatterns(minOccurrences: $minOccurrences) {\n      patternId\n      errorType\n      occurrences\n      confidence\n      runIds\n      phaseIds\n      firstSeenAt\n      lastSeenAt\n      sampleMessage\n      keywords\n      detector\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Run($id: ID!) {\n    run(id: $id) {\n      id\n      ...RunLive\n      goal\n      safetyProfile\n      runScope\n      gitCommitSha\n      modelMappingHash\n      createdAt\n      replayOf {\n        id\n      }\n      phases {\n        id\n        phaseId\n        phaseIndex\n        name\n        ...PhaseLive\n        metrics {\n          id\n          retrievalTokens\n          secondOpinionTokens\n          evidenceRequestTokens\n          baseTokens\n        }\n      }\n      events(limit: 50) {\n        id\n        eventType\n        message\n        createdAt\n        phase {\n          id\n          phaseId\n        }\n      }\n      replays {\n        id\n        state\n        tokensUsed\n        createdAt\n      }\n      replayComparison {\n        ...Comparison\n      }\n    }\n  }\n"): (typeof documents)["\n  query Run($id: ID!) {\n    run(id: $id) {\n      id\n      ...RunLive\n      goal\n      safetyProfile\n      runScope\n      gitCommitSha\n      modelMappingHash\n      createdAt\n      replayOf {\n        id\n      }\n      phases {\n        id\n        phaseId\n        phaseIndex\n        name\n        ...PhaseLive\n        metrics {\n          id\n          retrievalTokens\n          secondOpinionTokens\n          evidenceRequestTokens\n          baseTokens\n        }\n      }\n      events(limit: 50) {\n        id\n        eventType\n        message\n        createdAt\n        phase {\n          id\n          phaseId\n        }\n      }\n      replays {\n        id\n        state\n        tokensUsed\n        createdAt\n      }\n      replayComparison {\n        ...Comparison\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunLive on Run {\n    state\n    tokenCap\n    tokensUsed\n    failureReason\n    queuedAt\n    startedAt\n    completedAt\n    status {\n      ...RunProgress\n    }\n  }\n"): (typeof documents)["\n  fragment RunLive on Run {\n    state\n    tokenCap\n    tokensUsed\n    failureReason\n    queuedAt\n    startedAt\n    completedAt\n    status {\n      ...RunProgress\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PhaseLive on Phase {\n    state\n    tokensUsed\n    attempts\n    lastFailureReason\n    startedAt\n    completedAt\n  }\n"): (typeof documents)["\n  fragment PhaseLive on Phase {\n    state\n    tokensUsed\n    attempts\n    lastFailureReason\n    startedAt\n    completedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Comparison on ReplayComparison {\n    originalRunId\n    replayRunId\n    generatedAt\n    original {\n      state\n      tokensUsed\n      totalPhases\n      phasesComplete\n      phasesFailed\n    }\n    replay {\n      state\n      tokensUsed\n      totalPhases\n      phasesComplete\n      phasesFailed\n    }\n    deltas {\n      tokenDelta\n      phaseCompleteDelta\n      phaseFailedDelta\n    }\n  }\n"): (typeof documents)["\n  fragment Comparison on ReplayComparison {\n    originalRunId\n    replayRunId\n    generatedAt\n    original {\n      state\n      tokensUsed\n      totalPhases\n      phasesComplete\n      phasesFailed\n    }\n    replay {\n      state\n      tokensUsed\n      totalPhases\n      phasesComplete\n      phasesFailed\n    }\n    deltas {\n      tokenDelta\n      phaseCompleteDelta\n      phaseFailedDelta\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunConsolidated($runId: ID!) {\n    consolidatedMetrics(runId: $runId) {\n      runId\n      retrievalTokens\n      secondOpinionTokens\n      evidenceRequestTokens\n      baseTokens\n      totalTokens\n      totalPhases\n      phasesWithMetrics\n    }\n  }\n"): (typeof documents)["\n  query RunConsolidated($runId: ID!) {\n    consolidatedMetrics(runId: $runId) {\n      runId\n      retrievalTokens\n      secondOpinionTokens\n      evidenceRequestTokens\n      baseTokens\n      totalTokens\n      totalPhases\n      phasesWithMetrics\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunReplayComparisons($id: ID!) {\n    run(id: $id) {\n      id\n      replays {\n        id\n        replayComparison {\n          ...Comparison\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunReplayComparisons($id: ID!) {\n    run(id: $id) {\n      id\n      replays {\n        id\n        replayComparison {\n          ...Comparison\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunUpdated($id: ID!) {\n    runUpdated(id: $id) {\n      id\n      ...RunLive\n    }\n  }\n"): (typeof documents)["\n  subscription RunUpdated($id: ID!) {\n    runUpdated(id: $id) {\n      id\n      ...RunLive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PhaseUpdated($runId: ID!) {\n    phaseUpdated(runId: $runId) {\n      id\n      ...PhaseLive\n      run {\n        id\n        tokensUsed\n        status {\n          ...RunProgress\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription PhaseUpdated($runId: ID!) {\n    phaseUpdated(runId: $runId) {\n      id\n      ...PhaseLive\n      run {\n        id\n        tokensUsed\n        status {\n          ...RunProgress\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunEventAdded($runId: ID!) {\n    dashboardEventAdded(runId: $runId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription RunEventAdded($runId: ID!) {\n    dashboardEventAdded(runId: $runId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsRecorded($runId: ID!) {\n    phaseMetricsRecorded(runId: $runId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription MetricsRecorded($runId: ID!) {\n    phaseMetricsRecorded(runId: $runId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReplayUpdated {\n    runsUpdated {\n      id\n      state\n      tokensUsed\n      replayOf {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ReplayUpdated {\n    runsUpdated {\n      id\n      state\n      tokensUsed\n      replayOf {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n      state\n      queuedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ExecuteRun($id: ID!) {\n    executeRun(id: $id) {\n      id\n      state\n      queuedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayRun($id: ID!) {\n    replayRun(id: $id) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayRun($id: ID!) {\n    replayRun(id: $id) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Runs($state: RunState, $first: Int!, $after: String) {\n    runs(state: $state, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query Runs($state: RunState, $first: Int!, $after: String) {\n    runs(state: $state, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunProgress on RunStatus {\n    totalPhases\n    completedPhases\n    failedPhases\n    percentComplete\n  }\n"): (typeof documents)["\n  fragment RunProgress on RunStatus {\n    totalPhases\n    completedPhases\n    failedPhases\n    percentComplete\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunRow on Run {\n    id\n    state\n    goal\n    tokensUsed\n    tokenCap\n    createdAt\n    startedAt\n    completedAt\n    status {\n      ...RunProgress\n    }\n  }\n"): (typeof documents)["\n  fragment RunRow on Run {\n    id\n    state\n    goal\n    tokensUsed\n    tokenCap\n    createdAt\n    startedAt\n    completedAt\n    status {\n      ...RunProgress\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunsUpdated {\n    runsUpdated {\n      ...RunRow\n    }\n  }\n"): (typeof documents)["\n  subscription RunsUpdated {\n    runsUpdated {\n      ...RunRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SwitchFields on FeatureFlagState {\n    flag\n    envVar\n    enabled\n    source\n    envEnabled\n    reason\n    changedBy\n    changedAt\n    gates\n  }\n"): (typeof documents)["\n  fragment SwitchFields on FeatureFlagState {\n    flag\n    envVar\n    enabled\n    source\n    envEnabled\n    reason\n    changedBy\n    changedAt\n    gates\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Switches {\n    featureFlags {\n      ...SwitchFields\n    }\n  }\n"): (typeof documents)["\n  query Switches {\n    featureFlags {\n      ...SwitchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FlagChanged {\n    featureFlagChanged {\n      ...SwitchFields\n    }\n  }\n"): (typeof documents)["\n  subscription FlagChanged {\n    featureFlagChanged {\n      ...SwitchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFeatureFlag($flag: FeatureFlag!, $enabled: Boolean!, $reason: String) {\n    setFeatureFlag(flag: $flag, enabled: $enabled, reason: $reason) {\n      ...SwitchFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetFeatureFlag($flag: FeatureFlag!, $enabled: Boolean!, $reason: String) {\n    setFeatureFlag(flag: $flag, enabled: $enabled, reason: $reason) {\n      ...SwitchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearFeatureFlag($flag: FeatureFlag!) {\n    clearFeatureFlag(flag: $flag) {\n      ...SwitchFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClearFeatureFlag($flag: FeatureFlag!) {\n    clearFeatureFlag(flag: $flag) {\n      ...SwitchFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;