import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RunMapper, RunConnectionMapper, PhaseMapper, RunStatusMapper } from '../../modules/runs/runs.mappers';
import { PhaseMetricsMapper, ConsolidatedMetricsMapper } from '../../modules/telemetry/telemetry.mappers';
import { DashboardEventMapper } from '../../modules/events/events.mappers';
import { HealthMapper } from '../../modules/ops/ops.mappers';
import { ReplayComparisonMapper, ReplayCampaignResultMapper, ReplayCampaignProgressMapper } from '../../modules/replay/replay.mappers';
import { ABTestResultMapper, ABTestSummaryMapper } from '../../modules/experiments/experiments.mappers';
import { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * RFC 3339 (ISO 8601) date-time, answered in UTC, e.g. 2026-11-27T16:44:16.000Z. Input needs seconds and a time
   * zone (Z or +hh:mm), a year from 0001 to 9999 and a date that exists (2026-02-31 is refused).
   */
  DateTime: { input: Date; output: Date; }
  /** Arbitrary JSON value */
  JSON: { input: unknown; output: unknown; }
  /** Integer in the safe JavaScript range (-(2^53 - 1) .. 2^53 - 1). All token counts use it. */
  SafeInt: { input: number; output: number; }
};

/** A persisted comparison of a treatment run with a control run (deltas are treatment minus control). */
export type AbTestResult = {
  __typename?: 'ABTestResult';
  controlCommitSha?: Maybe<Scalars['String']['output']>;
  controlModelHash?: Maybe<Scalars['String']['output']>;
  controlPhasesComplete: Scalars['Int']['output'];
  controlPhasesFailed: Scalars['Int']['output'];
  /** null (with an error at this path) if the run is gone */
  controlRun?: Maybe<Run>;
  controlTotalPhases: Scalars['Int']['output'];
  controlTotalTokens: Scalars['SafeInt']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy?: Maybe<Scalars['String']['output']>;
  /** null for a dry run (nothing stored) */
  id?: Maybe<Scalars['ID']['output']>;
  /** True when no validity message is an ERROR (same commit and model mapping). */
  isValid: Scalars['Boolean']['output'];
  /** Difference of success rates (completed / total phases * 100) in percentage points. */
  successRateDelta: Scalars['Float']['output'];
  testId: Scalars['String']['output'];
  /** Difference of wall times (completed_at - started_at) in seconds; null when either run lacks one. */
  timeDeltaSeconds?: Maybe<Scalars['Float']['output']>;
  tokenDelta: Scalars['SafeInt']['output'];
  treatmentCommitSha?: Maybe<Scalars['String']['output']>;
  treatmentModelHash?: Maybe<Scalars['String']['output']>;
  treatmentPhasesComplete: Scalars['Int']['output'];
  treatmentPhasesFailed: Scalars['Int']['output'];
  /** null (with an error at this path) if the run is gone */
  treatmentRun?: Maybe<Run>;
  treatmentTotalPhases: Scalars['Int']['output'];
  treatmentTotalTokens: Scalars['SafeInt']['output'];
  /** ERROR: ... messages (commit SHA, model mapping hash) then WARNING: ... ones (phase count). */
  validityErrors: Array<Scalars['String']['output']>;
};

/** Statistics over every valid result of one test. */
export type AbTestSummary = {
  __typename?: 'ABTestSummary';
  count: Scalars['Int']['output'];
  successRateDelta: DeltaStats;
  testId: Scalars['String']['output'];
  timeDeltaSeconds: DeltaStats;
  tokenDelta: DeltaStats;
};

export type AbAnalysisInput = {
  controlRunId: Scalars['ID']['input'];
  createdBy?: InputMaybe<Scalars['String']['input']>;
  /** Compute and return the result without storing it. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  testId: Scalars['String']['input'];
  treatmentRunId: Scalars['ID']['input'];
};

export type AppliedMigration = {
  __typename?: 'AppliedMigration';
  executedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
};

/** Token totals of a run that count every token exactly once. */
export type ConsolidatedMetrics = {
  __typename?: 'ConsolidatedMetrics';
  baseTokens: Scalars['SafeInt']['output'];
  evidenceRequestTokens: Scalars['SafeInt']['output'];
  phasesWithMetrics: Scalars['Int']['output'];
  retrievalTokens: Scalars['SafeInt']['output'];
  runId: Scalars['ID']['output'];
  secondOpinionTokens: Scalars['SafeInt']['output'];
  totalPhases: Scalars['Int']['output'];
  totalTokens: Scalars['SafeInt']['output'];
};

export type CreateRunInput = {
  /** Commit the run is built from; A/B comparisons need it. */
  gitCommitSha?: InputMaybe<Scalars['String']['input']>;
  goal?: InputMaybe<Scalars['String']['input']>;
  /** [A-Za-z0-9._-]{1,128} */
  id: Scalars['ID']['input'];
  /** Hash of the model mapping; A/B comparisons need it. */
  modelMappingHash?: InputMaybe<Scalars['String']['input']>;
  phases?: InputMaybe<Array<PhaseInput>>;
  runScope?: InputMaybe<Scalars['String']['input']>;
  safetyProfile?: InputMaybe<Scalars['String']['input']>;
  /** Token budget, >= 0 (default 5,000,000) */
  tokenCap?: InputMaybe<Scalars['SafeInt']['input']>;
};

export type DashboardEvent = {
  __typename?: 'DashboardEvent';
  createdAt: Scalars['DateTime']['output'];
  /** [A-Z][A-Z0-9_]*, e.g. PHASE_FAILED */
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  payload?: Maybe<Scalars['JSON']['output']>;
  phase?: Maybe<Phase>;
  /** null (with an error at this path) if the run is gone */
  run?: Maybe<Run>;
};

export type DashboardEventInput = {
  /** [A-Z][A-Z0-9_]*, at most 64 characters */
  eventType: Scalars['String']['input'];
  message?: InputMaybe<Scalars['String']['input']>;
  payload?: InputMaybe<Scalars['JSON']['input']>;
  phaseId?: InputMaybe<Scalars['String']['input']>;
  runId: Scalars['ID']['input'];
};

export type DeltaStats = {
  __typename?: 'DeltaStats';
  mean?: Maybe<Scalars['Float']['output']>;
  median?: Maybe<Scalars['Float']['output']>;
};

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

/**
 * Failures (PHASE_FAILED / RUN_FAILED events) whose messages are the same once paths, line and column
 * numbers, quoted names, hex addresses, UUIDs, timestamps, IP addresses and long numbers are replaced by
 * placeholders.
 */
export type FailurePattern = {
  __typename?: 'FailurePattern';
  confidence: PatternConfidence;
  /** Source of the anchored regular expression that the generated detector uses. */
  detector: Scalars['String']['output'];
  errorType: FailureErrorType;
  firstSeenAt: Scalars['DateTime']['output'];
  /** The most frequent words of the messages (quoted names included; paths and numbers left out). */
  keywords: Array<Scalars['String']['output']>;
  lastSeenAt: Scalars['DateTime']['output'];
  /** The message with placeholders such as <PATH>, <LINE>, <ID>. */
  normalizedMessage: Scalars['String']['output'];
  /** Number of failure events in the group. */
  occurrences: Scalars['Int']['output'];
  /** {errorType in lower case}_{first 8 hex of the signature}, e.g. import_error_1a2b3c4d */
  patternId: Scalars['ID']['output'];
  /** Distinct phase ids of the phase failures, sorted (RUN_FAILED events have none). */
  phaseIds: Array<Scalars['String']['output']>;
  /** Distinct runs, sorted. */
  runIds: Array<Scalars['ID']['output']>;
  /** The oldest message of the group, as recorded. */
  sampleMessage: Scalars['String']['output'];
  /** First 16 hex digits of the SHA-256 of normalizedMessage. */
  signature: Scalars['String']['output'];
};

/** The rollout guide's kill switches; both default OFF. */
export type FeatureFlag =
  /** AUTOPACK_ENABLE_CONSOLIDATED_METRICS: consolidated metrics dashboard */
  | 'CONSOLIDATED_METRICS'
  /** AUTOPACK_ENABLE_PHASE6_METRICS: Phase 6 P3 token telemetry collection */
  | 'PHASE6_METRICS';

export type FeatureFlagState = {
  __typename?: 'FeatureFlagState';
  changedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who set the override (overrides only). */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** The effective value on this server. */
  enabled: Scalars['Boolean']['output'];
  /** The environment variable's value (what clearFeatureFlag returns to). */
  envEnabled: Scalars['Boolean']['output'];
  /** The environment variable that sets it ("0" off, "1" on). */
  envVar: Scalars['String']['output'];
  flag: FeatureFlag;
  /** Schema coordinates of the fields gated by @killSwitch(flag: ...), e.g. Run.consolidatedMetrics. */
  gates: Array<Scalars['String']['output']>;
  /** Why the override was set (overrides only). */
  reason?: Maybe<Scalars['String']['output']>;
  source: FlagSource;
};

export type FlagSource =
  /** the environment variable (the default) */
  | 'ENV'
  /** a runtime override set with setFeatureFlag or `autopack flags`, until the next server start */
  | 'OVERRIDE';

export type Health = {
  __typename?: 'Health';
  /** connected, or error: <reason> */
  database: Scalars['String']['output'];
  /** Each kill switch with its source (environment or runtime override). */
  flags: Array<FeatureFlagState>;
  killSwitches: KillSwitches;
  /** disabled (no QDRANT_HOST), connected, unhealthy (status N) or error: <reason> */
  qdrant: Scalars['String']['output'];
  status: HealthStatus;
  timestamp: Scalars['DateTime']['output'];
  version: Scalars['String']['output'];
};

export type HealthStatus =
  | 'healthy'
  | 'unhealthy';

export type IntegrityReport = {
  __typename?: 'IntegrityReport';
  checkedAt: Scalars['DateTime']['output'];
  metricsRowsChecked: Scalars['SafeInt']['output'];
  metricsViolationCount: Scalars['SafeInt']['output'];
  /** The first 1000 bad phase_metrics rows, by id; metricsViolationCount counts all of them. */
  metricsViolations: Array<MetricsViolation>;
  /** true when nothing is wrong */
  ok: Scalars['Boolean']['output'];
  /** The run checked; null when the whole database was checked. */
  runId?: Maybe<Scalars['ID']['output']>;
  runViolationCount: Scalars['SafeInt']['output'];
  /** The first 1000 inconsistent runs, by id; runViolationCount counts all of them. */
  runViolations: Array<RunTokensViolation>;
  runsChecked: Scalars['SafeInt']['output'];
};

export type KeyRole =
  /** AUTOPACK_API_KEY, or any caller when no key is configured: queries and mutations */
  | 'ADMIN'
  /** AUTOPACK_READ_API_KEY: queries only */
  | 'READ';

export type KillSwitches = {
  __typename?: 'KillSwitches';
  consolidatedMetrics: Scalars['Boolean']['output'];
  phase6Metrics: Scalars['Boolean']['output'];
};

/** A phase_metrics row that breaks the telemetry rules (written behind the service's back). */
export type MetricsViolation = {
  __typename?: 'MetricsViolation';
  baseTokens: Scalars['SafeInt']['output'];
  /** retrieval + second opinion + evidence request + base */
  categorySum: Scalars['SafeInt']['output'];
  createdAt: Scalars['DateTime']['output'];
  evidenceRequestTokens: Scalars['SafeInt']['output'];
  kind: MetricsViolationKind;
  metricsId: Scalars['ID']['output'];
  phaseId: Scalars['String']['output'];
  retrievalTokens: Scalars['SafeInt']['output'];
  runId: Scalars['ID']['output'];
  secondOpinionTokens: Scalars['SafeInt']['output'];
  totalTokens: Scalars['SafeInt']['output'];
};

export type MetricsViolationKind =
  /** a category is negative */
  | 'NEGATIVE_CATEGORY'
  /** total_tokens differs from the sum of the four categories (double counting) */
  | 'TOTAL_MISMATCH';

export type MigrationStatus = {
  __typename?: 'MigrationStatus';
  applied: Array<AppliedMigration>;
  /** Names of the migrations not yet applied to the server's database. */
  pending: Array<Scalars['String']['output']>;
  /** true when no migration is pending */
  upToDate: Scalars['Boolean']['output'];
};

/** The root mutation type: each capability extends it in its own schema file. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Removes the override: the switch returns to its environment value on every server. Also `autopack flags clear FLAG`. Admin. */
  clearFeatureFlag: FeatureFlagState;
  /** Creates a run with its phases (state RUN_CREATED). */
  createRun: Run;
  /** Queues a run in RUN_CREATED for execution and returns at once (state QUEUED); a server's dispatcher runs it. */
  executeRun: Run;
  /**
   * Deletes phase_metrics and dashboard_events rows older than `retentionDays` (default
   * AUTOPACK_METRICS_RETENTION_DAYS, 1..36500) in bounded batches. Runs, phases and A/B results are never
   * purged. `dryRun` only counts.
   */
  purgeExpiredTelemetry: RetentionReport;
  /** A free-form dashboard event. Returns null when TELEMETRY_DB_ENABLED=0 (the event is logged instead). */
  recordDashboardEvent?: Maybe<DashboardEvent>;
  /** Stores telemetry samples (up to 1000 per call, all or nothing). */
  recordPhaseMetrics?: Maybe<Array<PhaseMetrics>>;
  /** Replays every selected finished run, at most batchSize executing at a time. */
  replayCampaign: ReplayCampaignResult;
  /** Replays a finished run: a copy with the same identity and phases, queued with the Phase 6 features on. */
  replayRun: Run;
  /** Compares two finished runs and stores the result (also when invalid, for audit) unless dryRun. */
  runAbAnalysis: AbTestResult;
  /**
   * Overrides a kill switch at runtime on every server (applied within seconds, no restart) until the next
   * server start: the environment is the configuration of record, and any server's start clears every stored
   * override (logged with its value, who set it and why). For changes between restarts; a lasting change goes
   * in the environment (AUTOPACK_ENABLE_*). Also `autopack flags on|off FLAG --reason R`. Admin.
   */
  setFeatureFlag: FeatureFlagState;
  /** Phase progress, reported by executors while the run is executing. */
  updatePhase: Phase;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationClearFeatureFlagArgs = {
  flag: FeatureFlag;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationCreateRunArgs = {
  input: CreateRunInput;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationExecuteRunArgs = {
  id: Scalars['ID']['input'];
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationPurgeExpiredTelemetryArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  retentionDays?: InputMaybe<Scalars['Int']['input']>;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationRecordDashboardEventArgs = {
  input: DashboardEventInput;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationRecordPhaseMetricsArgs = {
  input: Array<PhaseMetricsInput>;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationReplayCampaignArgs = {
  input: ReplayCampaignInput;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationReplayRunArgs = {
  id: Scalars['ID']['input'];
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationRunAbAnalysisArgs = {
  input: AbAnalysisInput;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationSetFeatureFlagArgs = {
  enabled: Scalars['Boolean']['input'];
  flag: FeatureFlag;
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** The root mutation type: each capability extends it in its own schema file. */
export type MutationUpdatePhaseArgs = {
  input: UpdatePhaseInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Opaque cursor of the last node; pass it as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** HIGH: 5 or more occurrences, MEDIUM: 3 or more, LOW: fewer. */
export type PatternConfidence =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type Phase = {
  __typename?: 'Phase';
  attempts: Scalars['Int']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Dashboard events of the phase, newest first. `limit` is 1..1000 (default 20). */
  events: Array<DashboardEvent>;
  id: Scalars['ID']['output'];
  lastFailureReason?: Maybe<Scalars['String']['output']>;
  /** Telemetry samples of the phase, newest first. `limit` is 1..1000 (default 20). */
  metrics: Array<PhaseMetrics>;
  name: Scalars['String']['output'];
  phaseId: Scalars['String']['output'];
  phaseIndex: Scalars['Int']['output'];
  /** null (with an error at this path) if the run is gone */
  run?: Maybe<Run>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  state: PhaseState;
  tokensUsed: Scalars['SafeInt']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


export type PhaseEventsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type PhaseMetricsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type PhaseInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** [A-Za-z0-9._-]{1,128}, unique within the run */
  phaseId: Scalars['String']['input'];
  /** Position in the run (default: position in the list) */
  phaseIndex?: InputMaybe<Scalars['Int']['input']>;
};

/** One telemetry sample: tokens of one phase in the four Phase 6 P3 categories. */
export type PhaseMetrics = {
  __typename?: 'PhaseMetrics';
  baseTokens: Scalars['SafeInt']['output'];
  createdAt: Scalars['DateTime']['output'];
  evidenceRequestTokens: Scalars['SafeInt']['output'];
  id: Scalars['ID']['output'];
  /** null (with an error at this path) if the phase is gone */
  phase?: Maybe<Phase>;
  retrievalTokens: Scalars['SafeInt']['output'];
  /** null (with an error at this path) if the run is gone */
  run?: Maybe<Run>;
  secondOpinionTokens: Scalars['SafeInt']['output'];
  /** Always the sum of the four categories (the database refuses anything else). */
  totalTokens: Scalars['SafeInt']['output'];
};

export type PhaseMetricsInput = {
  baseTokens?: Scalars['SafeInt']['input'];
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  evidenceRequestTokens?: Scalars['SafeInt']['input'];
  phaseId: Scalars['String']['input'];
  retrievalTokens?: Scalars['SafeInt']['input'];
  runId: Scalars['ID']['input'];
  secondOpinionTokens?: Scalars['SafeInt']['input'];
  /** Optional; when given it must equal the sum of the four categories. */
  totalTokens?: InputMaybe<Scalars['SafeInt']['input']>;
};

export type PhaseState =
  | 'CI_RUNNING'
  | 'COMPLETE'
  | 'EXECUTING'
  | 'FAILED'
  | 'GATE'
  | 'QUEUED'
  | 'SKIPPED';

export type PurgedTable = {
  __typename?: 'PurgedTable';
  /** Rows deleted (in a dry run: rows that would be deleted). */
  rows: Scalars['SafeInt']['output'];
  /** phase_metrics or dashboard_events */
  table: Scalars['String']['output'];
};

/** The root query type: each capability extends it in its own schema file. */
export type Query = {
  __typename?: 'Query';
  /** A/B results newest first; `limit` is 1..1000. */
  abTestResults: Array<AbTestResult>;
  abTestSummary: AbTestSummary;
  /**
   * Aggregated Phase 6 telemetry of one run (the dashboard's REST route runs this). Checks, in order: kill
   * switch, arguments (limit 1..10000, offset >= 0), run exists (NOT_FOUND "Run not found: ID").
   */
  consolidatedMetrics?: Maybe<ConsolidatedMetrics>;
  /** Dashboard events newest first, optionally of one run and/or one type ([A-Z][A-Z0-9_]*). `limit` is 1..1000. */
  dashboardEvents: Array<DashboardEvent>;
  /**
   * Recurring failures with at least `minOccurrences` (1..1000) events, of one run or of all, most frequent
   * first (then oldest). An unknown run is NOT_FOUND. `autopack patterns --generate-code` turns them into
   * detectors, tests and backlog entries. `limit` (1..1000) keeps the most frequent ones.
   */
  failurePatterns?: Maybe<Array<FailurePattern>>;
  /** Each kill switch, its environment variable, its state and the fields it gates. */
  featureFlags: Array<FeatureFlagState>;
  /** Service health: database, Qdrant and kill switch states. */
  health: Health;
  /**
   * The rollout guide's data validation: every phase_metrics row (total = sum of the four categories, no
   * negative category) and every run (tokensUsed = sum of its phases' tokensUsed), of one run or of all.
   */
  integrityReport?: Maybe<IntegrityReport>;
  /** Applied and pending migrations of the server's database (`autopack migrate status`). */
  migrationStatus: MigrationStatus;
  run?: Maybe<Run>;
  /** Runs created at or after `since`, counted by state (states with no run left out), most frequent first. */
  runStateCounts: Array<RunStateCount>;
  /** Runs newest first, optionally of one state. `first` is 1..100; page with `after` (a cursor) or `offset`. */
  runs: RunConnection;
  /**
   * `autopack migrate verify` on the server's database: migrations applied, every table and column, the
   * rollout guide's expected indexes and the query plans of its critical queries.
   */
  schemaVerification: Array<SchemaCheck>;
  viewer: Viewer;
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryAbTestResultsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  testId?: InputMaybe<Scalars['String']['input']>;
  validOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryAbTestSummaryArgs = {
  testId: Scalars['String']['input'];
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryConsolidatedMetricsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  runId: Scalars['ID']['input'];
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryDashboardEventsArgs = {
  eventType?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  runId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryFailurePatternsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  minOccurrences?: InputMaybe<Scalars['Int']['input']>;
  runId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryIntegrityReportArgs = {
  runId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryRunStateCountsArgs = {
  since: Scalars['DateTime']['input'];
};


/** The root query type: each capability extends it in its own schema file. */
export type QueryRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<RunState>;
};

export type ReplayCampaignInput = {
  /** Replays executing at a time (1..100). */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  /** List what would be replayed; write nothing. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** First UTC day (YYYY-MM-DD, inclusive) of the runs' creation time. */
  fromDate?: InputMaybe<Scalars['String']['input']>;
  /** Also select runs that are themselves replays. */
  includeReplays?: InputMaybe<Scalars['Boolean']['input']>;
  runIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** FAILED (every DONE_FAILED_* state; the default when no runIds are given) or one RunState. */
  state?: InputMaybe<Scalars['String']['input']>;
  /** Last UTC day (YYYY-MM-DD, inclusive). */
  toDate?: InputMaybe<Scalars['String']['input']>;
};

/** A replay campaign's replays counted by state. */
export type ReplayCampaignProgress = {
  __typename?: 'ReplayCampaignProgress';
  campaignId: Scalars['ID']['output'];
  /** Every replay has finished. */
  done: Scalars['Boolean']['output'];
  failed: Scalars['Int']['output'];
  /** Finished in any DONE_* state (succeeded + failed). */
  finished: Scalars['Int']['output'];
  queued: Scalars['Int']['output'];
  running: Scalars['Int']['output'];
  /** Replays the campaign created (one per selected run). */
  selected: Scalars['Int']['output'];
  succeeded: Scalars['Int']['output'];
  /** Created, waiting for a free batch slot. */
  waiting: Scalars['Int']['output'];
};

export type ReplayCampaignResult = {
  __typename?: 'ReplayCampaignResult';
  /** null for a dry run or an empty selection */
  campaignId?: Maybe<Scalars['ID']['output']>;
  dryRun: Scalars['Boolean']['output'];
  /** The replays created (the first batchSize queued, the rest queued as earlier ones finish). */
  replays: Array<Run>;
  /** The runs selected for replay, oldest first. */
  selected: Array<Run>;
};

export type ReplayComparison = {
  __typename?: 'ReplayComparison';
  deltas: ReplayDeltas;
  generatedAt: Scalars['DateTime']['output'];
  original: RunOutcomeSummary;
  originalRunId: Scalars['ID']['output'];
  replay: RunOutcomeSummary;
  replayRunId: Scalars['ID']['output'];
};

export type ReplayDeltas = {
  __typename?: 'ReplayDeltas';
  phaseCompleteDelta: Scalars['Int']['output'];
  phaseFailedDelta: Scalars['Int']['output'];
  /** replay minus original */
  tokenDelta: Scalars['SafeInt']['output'];
};

export type RetentionReport = {
  __typename?: 'RetentionReport';
  /** Rows created before this instant are purged. */
  cutoff: Scalars['DateTime']['output'];
  dryRun: Scalars['Boolean']['output'];
  retentionDays: Scalars['Int']['output'];
  tables: Array<PurgedTable>;
};

export type Run = {
  __typename?: 'Run';
  /** The replay campaign that created this run, if any. */
  campaignId?: Maybe<Scalars['ID']['output']>;
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Aggregated Phase 6 telemetry of the run (newest `limit` samples after `offset`). */
  consolidatedMetrics?: Maybe<ConsolidatedMetrics>;
  createdAt: Scalars['DateTime']['output'];
  /** Dashboard events of the run, newest first. `limit` is 1..1000. */
  events: Array<DashboardEvent>;
  failureReason?: Maybe<Scalars['String']['output']>;
  gitCommitSha?: Maybe<Scalars['String']['output']>;
  goal?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  modelMappingHash?: Maybe<Scalars['String']['output']>;
  /** Phases in phase order. */
  phases: Array<Phase>;
  /** When executeRun queued it. */
  queuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** On a finished replay: how it did against the run it replays. Null otherwise. */
  replayComparison?: Maybe<ReplayComparison>;
  /** The run this one replays, if it is a replay. */
  replayOf?: Maybe<Run>;
  /** Replays of this run, oldest first (the first `limit`, 1..1000). */
  replays: Array<Run>;
  runScope: Scalars['String']['output'];
  safetyProfile: Scalars['String']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  state: RunState;
  status: RunStatus;
  tokenCap: Scalars['SafeInt']['output'];
  tokensUsed: Scalars['SafeInt']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /**
   * Increases with every committed change to the run or anything under it (phases, events, telemetry), in
   * commit order. Subscriptions never send a run with a version lower than or equal to one already sent.
   */
  version: Scalars['Int']['output'];
};


export type RunConsolidatedMetricsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type RunEventsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type RunReplaysArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type RunConnection = {
  __typename?: 'RunConnection';
  nodes: Array<Run>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type RunOutcomeSummary = {
  __typename?: 'RunOutcomeSummary';
  phasesComplete: Scalars['Int']['output'];
  phasesFailed: Scalars['Int']['output'];
  state: RunState;
  tokensUsed: Scalars['SafeInt']['output'];
  totalPhases: Scalars['Int']['output'];
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

export type RunStateCount = {
  __typename?: 'RunStateCount';
  count: Scalars['Int']['output'];
  state: RunState;
};

export type RunStatus = {
  __typename?: 'RunStatus';
  completedPhases: Scalars['Int']['output'];
  executingPhases: Scalars['Int']['output'];
  failedPhases: Scalars['Int']['output'];
  /** completed / total * 100 (0 when the run has no phases) */
  percentComplete: Scalars['Float']['output'];
  totalPhases: Scalars['Int']['output'];
};

/** A run whose stored tokensUsed differs from the sum of its phases' tokensUsed. */
export type RunTokensViolation = {
  __typename?: 'RunTokensViolation';
  phasesTokensUsed: Scalars['SafeInt']['output'];
  runId: Scalars['ID']['output'];
  tokensUsed: Scalars['SafeInt']['output'];
};

/** One line of `autopack migrate verify`. */
export type SchemaCheck = {
  __typename?: 'SchemaCheck';
  /** What was found: a missing column or index, or the query plan. */
  detail?: Maybe<Scalars['String']['output']>;
  label: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
};

/**
 * Live updates, over GraphQL over WebSocket (graphql-ws, on /graphql) or GraphQL over Server-Sent Events
 * (graphql-sse, on /graphql/stream); never over a plain HTTP request. Each field lives with its capability.
 * A value whose `errors` carry the code CHANGES_MISSED means this server may have missed changes (it lost its
 * database change feed and reconnected): query the current state again; the subscription goes on.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Each dashboard event as it is recorded (optionally of one run and/or one type), exactly once, in commit order. */
  dashboardEventAdded: DashboardEvent;
  /** A kill switch's new state each time its effective value or override changes on this server. */
  featureFlagChanged: FeatureFlagState;
  /** Each Phase 6 telemetry sample of the run as it is recorded, exactly once. Gated by PHASE6_METRICS. */
  phaseMetricsRecorded?: Maybe<PhaseMetrics>;
  /** A phase of the run each time its progress (state, tokens, attempts) changes, in commit order. */
  phaseUpdated: Phase;
  /** The campaign's progress now, then again each time a count changes. NOT_FOUND for an unknown campaign. */
  replayCampaignProgress: ReplayCampaignProgress;
  /**
   * The run after each committed change of its row (state, tokens, timestamps), in commit order, each version
   * at most once. Changes committed in quick succession may arrive as one value (the newest; `version` says
   * which). NOT_FOUND when the run does not exist.
   */
  runUpdated: Run;
  /** Any run created or changed (optionally only those now in `state`), with the guarantees of runUpdated. */
  runsUpdated: Run;
};


/**
 * Live updates, over GraphQL over WebSocket (graphql-ws, on /graphql) or GraphQL over Server-Sent Events
 * (graphql-sse, on /graphql/stream); never over a plain HTTP request. Each field lives with its capability.
 * A value whose `errors` carry the code CHANGES_MISSED means this server may have missed changes (it lost its
 * database change feed and reconnected): query the current state again; the subscription goes on.
 */
export type SubscriptionDashboardEventAddedArgs = {
  eventType?: InputMaybe<Scalars['String']['input']>;
  runId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Live updates, over GraphQL over WebSocket (graphql-ws, on /graphql) or GraphQL over Server-Sent Events
 * (graphql-sse, on /graphql/stream); never over a plain HTTP request. Each field lives with its capability.
 * A value whose `errors` carry the code CHANGES_MISSED means this server may have missed changes (it lost its
 * database change feed and reconnected): query the current state again; the subscription goes on.
 */
export type SubscriptionPhaseMetricsRecordedArgs = {
  runId: Scalars['ID']['input'];
};


/**
 * Live updates, over GraphQL over WebSocket (graphql-ws, on /graphql) or GraphQL over Server-Sent Events
 * (graphql-sse, on /graphql/stream); never over a plain HTTP request. Each field lives with its capability.
 * A value whose `errors` carry the code CHANGES_MISSED means this server may have missed changes (it lost its
 * database change feed and reconnected): query the current state again; the subscription goes on.
 */
export type SubscriptionPhaseUpdatedArgs = {
  runId: Scalars['ID']['input'];
};


/**
 * Live updates, over GraphQL over WebSocket (graphql-ws, on /graphql) or GraphQL over Server-Sent Events
 * (graphql-sse, on /graphql/stream); never over a plain HTTP request. Each field lives with its capability.
 * A value whose `errors` carry the code CHANGES_MISSED means this server may have missed changes (it lost its
 * database change feed and reconnected): query the current state again; the subscription goes on.
 */
export type SubscriptionReplayCampaignProgressArgs = {
  campaignId: Scalars['ID']['input'];
};


/**
 * Live updates, over GraphQL over WebSocket (graphql-ws, on /graphql) or GraphQL over Server-Sent Events
 * (graphql-sse, on /graphql/stream); never over a plain HTTP request. Each field lives with its capability.
 * A value whose `errors` carry the code CHANGES_MISSED means this server may have missed changes (it lost its
 * database change feed and reconnected): query the current state again; the subscription goes on.
 */
export type SubscriptionRunUpdatedArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Live updates, over GraphQL over WebSocket (graphql-ws, on /graphql) or GraphQL over Server-Sent Events
 * (graphql-sse, on /graphql/stream); never over a plain HTTP request. Each field lives with its capability.
 * A value whose `errors` carry the code CHANGES_MISSED means this server may have missed changes (it lost its
 * database change feed and reconnected): query the current state again; the subscription goes on.
 */
export type SubscriptionRunsUpdatedArgs = {
  state?: InputMaybe<RunState>;
};

export type UpdatePhaseInput = {
  /** Why the phase failed (the PHASE_FAILED event's message). */
  failureReason?: InputMaybe<Scalars['String']['input']>;
  phaseId: Scalars['String']['input'];
  runId: Scalars['ID']['input'];
  /** QUEUED -> EXECUTING | SKIPPED; EXECUTING -> GATE | CI_RUNNING | COMPLETE | FAILED; GATE -> CI_RUNNING | COMPLETE | FAILED; CI_RUNNING -> COMPLETE | FAILED; FAILED -> EXECUTING (retry) */
  state?: InputMaybe<PhaseState>;
  /** Tokens used by the phase so far (absolute, not an increment). The run's tokensUsed is the sum over its phases. */
  tokensUsed?: InputMaybe<Scalars['SafeInt']['input']>;
};

/** The caller as the server sees it (the operator console shows and hides actions by it). */
export type Viewer = {
  __typename?: 'Viewer';
  /** false when the server has no AUTOPACK_API_KEY (development): everything is open */
  keyRequired: Scalars['Boolean']['output'];
  role: KeyRole;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ABTestResult: ResolverTypeWrapper<ABTestResultMapper>;
  ABTestSummary: ResolverTypeWrapper<ABTestSummaryMapper>;
  AbAnalysisInput: AbAnalysisInput;
  AppliedMigration: ResolverTypeWrapper<AppliedMigration>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ConsolidatedMetrics: ResolverTypeWrapper<ConsolidatedMetricsMapper>;
  CreateRunInput: CreateRunInput;
  DashboardEvent: ResolverTypeWrapper<DashboardEventMapper>;
  DashboardEventInput: DashboardEventInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeltaStats: ResolverTypeWrapper<DeltaStats>;
  FailureErrorType: FailureErrorType;
  FailurePattern: ResolverTypeWrapper<FailurePattern>;
  FeatureFlag: FeatureFlag;
  FeatureFlagState: ResolverTypeWrapper<FeatureFlagState>;
  FlagSource: FlagSource;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Health: ResolverTypeWrapper<HealthMapper>;
  HealthStatus: HealthStatus;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IntegrityReport: ResolverTypeWrapper<IntegrityReport>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  KeyRole: KeyRole;
  KillSwitches: ResolverTypeWrapper<KillSwitches>;
  MetricsViolation: ResolverTypeWrapper<MetricsViolation>;
  MetricsViolationKind: MetricsViolationKind;
  MigrationStatus: ResolverTypeWrapper<MigrationStatus>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PatternConfidence: PatternConfidence;
  Phase: ResolverTypeWrapper<PhaseMapper>;
  PhaseInput: PhaseInput;
  PhaseMetrics: ResolverTypeWrapper<PhaseMetricsMapper>;
  PhaseMetricsInput: PhaseMetricsInput;
  PhaseState: PhaseState;
  PurgedTable: ResolverTypeWrapper<PurgedTable>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReplayCampaignInput: ReplayCampaignInput;
  ReplayCampaignProgress: ResolverTypeWrapper<ReplayCampaignProgressMapper>;
  ReplayCampaignResult: ResolverTypeWrapper<ReplayCampaignResultMapper>;
  ReplayComparison: ResolverTypeWrapper<ReplayComparisonMapper>;
  ReplayDeltas: ResolverTypeWrapper<ReplayDeltas>;
  RetentionReport: ResolverTypeWrapper<RetentionReport>;
  Run: ResolverTypeWrapper<RunMapper>;
  RunConnection: ResolverTypeWrapper<RunConnectionMapper>;
  RunOutcomeSummary: ResolverTypeWrapper<RunOutcomeSummary>;
  RunState: RunState;
  RunStateCount: ResolverTypeWrapper<RunStateCount>;
  RunStatus: ResolverTypeWrapper<RunStatusMapper>;
  RunTokensViolation: ResolverTypeWrapper<RunTokensViolation>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SchemaCheck: ResolverTypeWrapper<SchemaCheck>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdatePhaseInput: UpdatePhaseInput;
  Viewer: ResolverTypeWrapper<Viewer>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ABTestResult: ABTestResultMapper;
  ABTestSummary: ABTestSummaryMapper;
  AbAnalysisInput: AbAnalysisInput;
  AppliedMigration: AppliedMigration;
  Boolean: Scalars['Boolean']['output'];
  ConsolidatedMetrics: ConsolidatedMetricsMapper;
  CreateRunInput: CreateRunInput;
  DashboardEvent: DashboardEventMapper;
  DashboardEventInput: DashboardEventInput;
  DateTime: Scalars['DateTime']['output'];
  DeltaStats: DeltaStats;
  FailurePattern: FailurePattern;
  FeatureFlagState: FeatureFlagState;
  Float: Scalars['Float']['output'];
  Health: HealthMapper;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  IntegrityReport: IntegrityReport;
  JSON: Scalars['JSON']['output'];
  KillSwitches: KillSwitches;
  MetricsViolation: MetricsViolation;
  MigrationStatus: MigrationStatus;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Phase: PhaseMapper;
  PhaseInput: PhaseInput;
  PhaseMetrics: PhaseMetricsMapper;
  PhaseMetricsInput: PhaseMetricsInput;
  PurgedTable: PurgedTable;
  Query: Record<PropertyKey, never>;
  ReplayCampaignInput: ReplayCampaignInput;
  ReplayCampaignProgress: ReplayCampaignProgressMapper;
  ReplayCampaignResult: ReplayCampaignResultMapper;
  ReplayComparison: ReplayComparisonMapper;
  ReplayDeltas: ReplayDeltas;
  RetentionReport: RetentionReport;
  Run: RunMapper;
  RunConnection: RunConnectionMapper;
  RunOutcomeSummary: RunOutcomeSummary;
  RunStateCount: RunStateCount;
  RunStatus: RunStatusMapper;
  RunTokensViolation: RunTokensViolation;
  SafeInt: Scalars['SafeInt']['output'];
  SchemaCheck: SchemaCheck;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdatePhaseInput: UpdatePhaseInput;
  Viewer: Viewer;
}>;

export type CostDirectiveArgs = {
  weight: Scalars['String']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type KillSwitchDirectiveArgs = {
  flag: FeatureFlag;
};

export type KillSwitchDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = KillSwitchDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  requireOneSlicingArgument?: Maybe<Scalars['Boolean']['input']>;
  sizedFields?: Maybe<Array<Scalars['String']['input']>>;
  slicingArguments?: Maybe<Array<Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AbTestResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ABTestResult'] = ResolversParentTypes['ABTestResult']> = ResolversObject<{
  controlCommitSha?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  controlModelHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  controlPhasesComplete?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  controlPhasesFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  controlRun?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType>;
  controlTotalPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  controlTotalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  isValid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  successRateDelta?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  testId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeDeltaSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tokenDelta?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  treatmentCommitSha?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  treatmentModelHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  treatmentPhasesComplete?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  treatmentPhasesFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  treatmentRun?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType>;
  treatmentTotalPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  treatmentTotalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  validityErrors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AbTestSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ABTestSummary'] = ResolversParentTypes['ABTestSummary']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  successRateDelta?: Resolver<ResolversTypes['DeltaStats'], ParentType, ContextType>;
  testId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeDeltaSeconds?: Resolver<ResolversTypes['DeltaStats'], ParentType, ContextType>;
  tokenDelta?: Resolver<ResolversTypes['DeltaStats'], ParentType, ContextType>;
}>;

export type AppliedMigrationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AppliedMigration'] = ResolversParentTypes['AppliedMigration']> = ResolversObject<{
  executedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConsolidatedMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsolidatedMetrics'] = ResolversParentTypes['ConsolidatedMetrics']> = ResolversObject<{
  baseTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  evidenceRequestTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  phasesWithMetrics?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retrievalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  secondOpinionTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  totalPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type DashboardEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DashboardEvent'] = ResolversParentTypes['DashboardEvent']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  payload?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  phase?: Resolver<Maybe<ResolversTypes['Phase']>, ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeltaStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeltaStats'] = ResolversParentTypes['DeltaStats']> = ResolversObject<{
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  median?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type FailurePatternResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailurePattern'] = ResolversParentTypes['FailurePattern']> = ResolversObject<{
  confidence?: Resolver<ResolversTypes['PatternConfidence'], ParentType, ContextType>;
  detector?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  errorType?: Resolver<ResolversTypes['FailureErrorType'], ParentType, ContextType>;
  firstSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  keywords?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  normalizedMessage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurrences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  patternId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  phaseIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  runIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  sampleMessage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FeatureFlagStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeatureFlagState'] = ResolversParentTypes['FeatureFlagState']> = ResolversObject<{
  changedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  changedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  envEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  envVar?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  flag?: Resolver<ResolversTypes['FeatureFlag'], ParentType, ContextType>;
  gates?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['FlagSource'], ParentType, ContextType>;
}>;

export type HealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Health'] = ResolversParentTypes['Health']> = ResolversObject<{
  database?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  flags?: Resolver<Array<ResolversTypes['FeatureFlagState']>, ParentType, ContextType>;
  killSwitches?: Resolver<ResolversTypes['KillSwitches'], ParentType, ContextType>;
  qdrant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  timestamp?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IntegrityReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IntegrityReport'] = ResolversParentTypes['IntegrityReport']> = ResolversObject<{
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  metricsRowsChecked?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  metricsViolationCount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  metricsViolations?: Resolver<Array<ResolversTypes['MetricsViolation']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  runId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  runViolationCount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  runViolations?: Resolver<Array<ResolversTypes['RunTokensViolation']>, ParentType, ContextType>;
  runsChecked?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type KillSwitchesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KillSwitches'] = ResolversParentTypes['KillSwitches']> = ResolversObject<{
  consolidatedMetrics?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phase6Metrics?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type MetricsViolationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MetricsViolation'] = ResolversParentTypes['MetricsViolation']> = ResolversObject<{
  baseTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  categorySum?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evidenceRequestTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MetricsViolationKind'], ParentType, ContextType>;
  metricsId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  phaseId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retrievalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  secondOpinionTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type MigrationStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MigrationStatus'] = ResolversParentTypes['MigrationStatus']> = ResolversObject<{
  applied?: Resolver<Array<ResolversTypes['AppliedMigration']>, ParentType, ContextType>;
  pending?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  upToDate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  clearFeatureFlag?: Resolver<ResolversTypes['FeatureFlagState'], ParentType, ContextType, RequireFields<MutationClearFeatureFlagArgs, 'flag'>>;
  createRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationCreateRunArgs, 'input'>>;
  executeRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationExecuteRunArgs, 'id'>>;
  purgeExpiredTelemetry?: Resolver<ResolversTypes['RetentionReport'], ParentType, ContextType, RequireFields<MutationPurgeExpiredTelemetryArgs, 'dryRun'>>;
  recordDashboardEvent?: Resolver<Maybe<ResolversTypes['DashboardEvent']>, ParentType, ContextType, RequireFields<MutationRecordDashboardEventArgs, 'input'>>;
  recordPhaseMetrics?: Resolver<Maybe<Array<ResolversTypes['PhaseMetrics']>>, ParentType, ContextType, RequireFields<MutationRecordPhaseMetricsArgs, 'input'>>;
  replayCampaign?: Resolver<ResolversTypes['ReplayCampaignResult'], ParentType, ContextType, RequireFields<MutationReplayCampaignArgs, 'input'>>;
  replayRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationReplayRunArgs, 'id'>>;
  runAbAnalysis?: Resolver<ResolversTypes['ABTestResult'], ParentType, ContextType, RequireFields<MutationRunAbAnalysisArgs, 'input'>>;
  setFeatureFlag?: Resolver<ResolversTypes['FeatureFlagState'], ParentType, ContextType, RequireFields<MutationSetFeatureFlagArgs, 'enabled' | 'flag'>>;
  updatePhase?: Resolver<ResolversTypes['Phase'], ParentType, ContextType, RequireFields<MutationUpdatePhaseArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PhaseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Phase'] = ResolversParentTypes['Phase']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['DashboardEvent']>, ParentType, ContextType, RequireFields<PhaseEventsArgs, 'limit'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastFailureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['PhaseMetrics']>, ParentType, ContextType, RequireFields<PhaseMetricsArgs, 'limit'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phaseId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phaseIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['PhaseState'], ParentType, ContextType>;
  tokensUsed?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type PhaseMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PhaseMetrics'] = ResolversParentTypes['PhaseMetrics']> = ResolversObject<{
  baseTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evidenceRequestTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  phase?: Resolver<Maybe<ResolversTypes['Phase']>, ParentType, ContextType>;
  retrievalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType>;
  secondOpinionTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type PurgedTableResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PurgedTable'] = ResolversParentTypes['PurgedTable']> = ResolversObject<{
  rows?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  abTestResults?: Resolver<Array<ResolversTypes['ABTestResult']>, ParentType, ContextType, RequireFields<QueryAbTestResultsArgs, 'limit' | 'validOnly'>>;
  abTestSummary?: Resolver<ResolversTypes['ABTestSummary'], ParentType, ContextType, RequireFields<QueryAbTestSummaryArgs, 'testId'>>;
  consolidatedMetrics?: Resolver<Maybe<ResolversTypes['ConsolidatedMetrics']>, ParentType, ContextType, RequireFields<QueryConsolidatedMetricsArgs, 'limit' | 'offset' | 'runId'>>;
  dashboardEvents?: Resolver<Array<ResolversTypes['DashboardEvent']>, ParentType, ContextType, RequireFields<QueryDashboardEventsArgs, 'limit'>>;
  failurePatterns?: Resolver<Maybe<Array<ResolversTypes['FailurePattern']>>, ParentType, ContextType, RequireFields<QueryFailurePatternsArgs, 'limit' | 'minOccurrences'>>;
  featureFlags?: Resolver<Array<ResolversTypes['FeatureFlagState']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['Health'], ParentType, ContextType>;
  integrityReport?: Resolver<Maybe<ResolversTypes['IntegrityReport']>, ParentType, ContextType, Partial<QueryIntegrityReportArgs>>;
  migrationStatus?: Resolver<ResolversTypes['MigrationStatus'], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType, RequireFields<QueryRunArgs, 'id'>>;
  runStateCounts?: Resolver<Array<ResolversTypes['RunStateCount']>, ParentType, ContextType, RequireFields<QueryRunStateCountsArgs, 'since'>>;
  runs?: Resolver<ResolversTypes['RunConnection'], ParentType, ContextType, RequireFields<QueryRunsArgs, 'first'>>;
  schemaVerification?: Resolver<Array<ResolversTypes['SchemaCheck']>, ParentType, ContextType>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
}>;

export type ReplayCampaignProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplayCampaignProgress'] = ResolversParentTypes['ReplayCampaignProgress']> = ResolversObject<{
  campaignId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  finished?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  selected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  succeeded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waiting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ReplayCampaignResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplayCampaignResult'] = ResolversParentTypes['ReplayCampaignResult']> = ResolversObject<{
  campaignId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  replays?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType>;
  selected?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType>;
}>;

export type ReplayComparisonResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplayComparison'] = ResolversParentTypes['ReplayComparison']> = ResolversObject<{
  deltas?: Resolver<ResolversTypes['ReplayDeltas'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  original?: Resolver<ResolversTypes['RunOutcomeSummary'], ParentType, ContextType>;
  originalRunId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  replay?: Resolver<ResolversTypes['RunOutcomeSummary'], ParentType, ContextType>;
  replayRunId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ReplayDeltasResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplayDeltas'] = ResolversParentTypes['ReplayDeltas']> = ResolversObject<{
  phaseCompleteDelta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phaseFailedDelta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tokenDelta?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type RetentionReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetentionReport'] = ResolversParentTypes['RetentionReport']> = ResolversObject<{
  cutoff?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  retentionDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['PurgedTable']>, ParentType, ContextType>;
}>;

export type RunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Run'] = ResolversParentTypes['Run']> = ResolversObject<{
  campaignId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  consolidatedMetrics?: Resolver<Maybe<ResolversTypes['ConsolidatedMetrics']>, ParentType, ContextType, RequireFields<RunConsolidatedMetricsArgs, 'limit' | 'offset'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['DashboardEvent']>, ParentType, ContextType, RequireFields<RunEventsArgs, 'limit'>>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gitCommitSha?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  goal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modelMappingHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phases?: Resolver<Array<ResolversTypes['Phase']>, ParentType, ContextType>;
  queuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  replayComparison?: Resolver<Maybe<ResolversTypes['ReplayComparison']>, ParentType, ContextType>;
  replayOf?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType>;
  replays?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType, RequireFields<RunReplaysArgs, 'limit'>>;
  runScope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  safetyProfile?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['RunState'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  tokenCap?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  tokensUsed?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RunConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunConnection'] = ResolversParentTypes['RunConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RunOutcomeSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunOutcomeSummary'] = ResolversParentTypes['RunOutcomeSummary']> = ResolversObject<{
  phasesComplete?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phasesFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['RunState'], ParentType, ContextType>;
  tokensUsed?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  totalPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RunStateCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunStateCount'] = ResolversParentTypes['RunStateCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['RunState'], ParentType, ContextType>;
}>;

export type RunStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunStatus'] = ResolversParentTypes['RunStatus']> = ResolversObject<{
  completedPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  executingPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percentComplete?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RunTokensViolationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunTokensViolation'] = ResolversParentTypes['RunTokensViolation']> = ResolversObject<{
  phasesTokensUsed?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tokensUsed?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SchemaCheckResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SchemaCheck'] = ResolversParentTypes['SchemaCheck']> = ResolversObject<{
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  dashboardEventAdded?: SubscriptionResolver<ResolversTypes['DashboardEvent'], "dashboardEventAdded", ParentType, ContextType, Partial<SubscriptionDashboardEventAddedArgs>>;
  featureFlagChanged?: SubscriptionResolver<ResolversTypes['FeatureFlagState'], "featureFlagChanged", ParentType, ContextType>;
  phaseMetricsRecorded?: SubscriptionResolver<Maybe<ResolversTypes['PhaseMetrics']>, "phaseMetricsRecorded", ParentType, ContextType, RequireFields<SubscriptionPhaseMetricsRecordedArgs, 'runId'>>;
  phaseUpdated?: SubscriptionResolver<ResolversTypes['Phase'], "phaseUpdated", ParentType, ContextType, RequireFields<SubscriptionPhaseUpdatedArgs, 'runId'>>;
  replayCampaignProgress?: SubscriptionResolver<ResolversTypes['ReplayCampaignProgress'], "replayCampaignProgress", ParentType, ContextType, RequireFields<SubscriptionReplayCampaignProgressArgs, 'campaignId'>>;
  runUpdated?: SubscriptionResolver<ResolversTypes['Run'], "runUpdated", ParentType, ContextType, RequireFields<SubscriptionRunUpdatedArgs, 'id'>>;
  runsUpdated?: SubscriptionResolver<ResolversTypes['Run'], "runsUpdated", ParentType, ContextType, Partial<SubscriptionRunsUpdatedArgs>>;
}>;

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = ResolversObject<{
  keyRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['KeyRole'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  ABTestResult?: AbTestResultResolvers<ContextType>;
  ABTestSummary?: AbTestSummaryResolvers<ContextType>;
  AppliedMigration?: AppliedMigrationResolvers<ContextType>;
  ConsolidatedMetrics?: ConsolidatedMetricsResolvers<ContextType>;
  DashboardEvent?: DashboardEventResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeltaStats?: DeltaStatsResolvers<ContextType>;
  FailurePattern?: FailurePatternResolvers<ContextType>;
  FeatureFlagState?: FeatureFlagStateResolvers<ContextType>;
  Health?: HealthResolvers<ContextType>;
  IntegrityReport?: IntegrityReportResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  KillSwitches?: KillSwitchesResolvers<ContextType>;
  MetricsViolation?: MetricsViolationResolvers<ContextType>;
  MigrationStatus?: MigrationStatusResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Phase?: PhaseResolvers<ContextType>;
  PhaseMetrics?: PhaseMetricsResolvers<ContextType>;
  PurgedTable?: PurgedTableResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReplayCampaignProgress?: ReplayCampaignProgressResolvers<ContextType>;
  ReplayCampaignResult?: ReplayCampaignResultResolvers<ContextType>;
  ReplayComparison?: ReplayComparisonResolvers<ContextType>;
  ReplayDeltas?: ReplayDeltasResolvers<ContextType>;
  RetentionReport?: RetentionReportResolvers<ContextType>;
  Run?: RunResolvers<ContextType>;
  RunConnection?: RunConnectionResolvers<ContextType>;
  RunOutcomeSummary?: RunOutcomeSummaryResolvers<ContextType>;
  RunStateCount?: RunStateCountResolvers<ContextType>;
  RunStatus?: RunStatusResolvers<ContextType>;
  RunTokensViolation?: RunTokensViolationResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SchemaCheck?: SchemaCheckResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = GraphQLContext> = ResolversObject<{
  cost?: CostDirectiveResolver<any, any, ContextType>;
  killSwitch?: KillSwitchDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
}>;
