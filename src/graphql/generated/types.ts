import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { Run as RunEntity, Phase as PhaseEntity, PhaseMetrics as PhaseMetricsEntity, DashboardEvent as DashboardEventEntity } from '../../db/entities';
import { HealthReport } from '../../modules/ops/health';
import { RunStatusSummary } from '../../modules/runs/status';
import { ConsolidatedMetricsSummary } from '../../modules/telemetry/consolidated';
import { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO 8601 date-time in UTC, e.g. 2026-11-27T16:44:16.000Z */
  DateTime: { input: Date; output: Date; }
  /** Arbitrary JSON value */
  JSON: { input: unknown; output: unknown; }
  /** Integer in the safe JavaScript range (-(2^53 - 1) .. 2^53 - 1). All token counts use it. */
  SafeInt: { input: number; output: number; }
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
  run: Run;
};

export type DashboardEventInput = {
  /** [A-Z][A-Z0-9_]*, at most 64 characters */
  eventType: Scalars['String']['input'];
  message?: InputMaybe<Scalars['String']['input']>;
  payload?: InputMaybe<Scalars['JSON']['input']>;
  phaseId?: InputMaybe<Scalars['String']['input']>;
  runId: Scalars['ID']['input'];
};

/** The rollout guide's kill switches; both default OFF. */
export type FeatureFlag =
  /** AUTOPACK_ENABLE_CONSOLIDATED_METRICS: consolidated metrics dashboard */
  | 'CONSOLIDATED_METRICS'
  /** AUTOPACK_ENABLE_PHASE6_METRICS: Phase 6 P3 token telemetry collection */
  | 'PHASE6_METRICS';

export type FeatureFlagState = {
  __typename?: 'FeatureFlagState';
  enabled: Scalars['Boolean']['output'];
  /** The environment variable that sets it ("0" off, "1" on). */
  envVar: Scalars['String']['output'];
  flag: FeatureFlag;
  /** Schema coordinates of the fields gated by @killSwitch(flag: ...), e.g. Run.consolidatedMetrics. */
  gates: Array<Scalars['String']['output']>;
};

export type Health = {
  __typename?: 'Health';
  /** connected, or error: <reason> */
  database: Scalars['String']['output'];
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

export type KillSwitches = {
  __typename?: 'KillSwitches';
  consolidatedMetrics: Scalars['Boolean']['output'];
  phase6Metrics: Scalars['Boolean']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates a run with its phases (state RUN_CREATED). */
  createRun: Run;
  /** Queues a run in RUN_CREATED for execution and returns at once (state QUEUED); a server's dispatcher runs it. */
  executeRun: Run;
  /** A free-form dashboard event. Returns null when TELEMETRY_DB_ENABLED=0 (the event is logged instead). */
  recordDashboardEvent?: Maybe<DashboardEvent>;
  /** Stores telemetry samples (up to 1000 per call, all or nothing). */
  recordPhaseMetrics: Array<PhaseMetrics>;
  /** Phase progress, reported by executors while the run is executing. */
  updatePhase: Phase;
};


export type MutationCreateRunArgs = {
  input: CreateRunInput;
};


export type MutationExecuteRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordDashboardEventArgs = {
  input: DashboardEventInput;
};


export type MutationRecordPhaseMetricsArgs = {
  input: Array<PhaseMetricsInput>;
};


export type MutationUpdatePhaseArgs = {
  input: UpdatePhaseInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Opaque cursor of the last node; pass it as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Phase = {
  __typename?: 'Phase';
  attempts: Scalars['Int']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Dashboard events of the phase, newest first. */
  events: Array<DashboardEvent>;
  id: Scalars['ID']['output'];
  lastFailureReason?: Maybe<Scalars['String']['output']>;
  /** Telemetry samples of the phase, newest first. */
  metrics: Array<PhaseMetrics>;
  name: Scalars['String']['output'];
  phaseId: Scalars['String']['output'];
  phaseIndex: Scalars['Int']['output'];
  run: Run;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  state: PhaseState;
  tokensUsed: Scalars['SafeInt']['output'];
  updatedAt: Scalars['DateTime']['output'];
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
  phase: Phase;
  retrievalTokens: Scalars['SafeInt']['output'];
  run: Run;
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

export type Query = {
  __typename?: 'Query';
  /** Each kill switch, its environment variable, its state and the fields it gates. */
  featureFlags: Array<FeatureFlagState>;
  /** Service health: database, Qdrant and kill switch states. */
  health: Health;
  run?: Maybe<Run>;
  /** Runs newest first, optionally of one state. `first` is 1..100; page with `after` (a cursor) or `offset`. */
  runs: RunConnection;
};


export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<RunState>;
};

export type Run = {
  __typename?: 'Run';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Aggregated Phase 6 telemetry of the run (newest `limit` samples after `offset`). */
  consolidatedMetrics: ConsolidatedMetrics;
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
  /** The run this one replays, if it is a replay. */
  replayOf?: Maybe<Run>;
  runScope: Scalars['String']['output'];
  safetyProfile: Scalars['String']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  state: RunState;
  status: RunStatus;
  tokenCap: Scalars['SafeInt']['output'];
  tokensUsed: Scalars['SafeInt']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


export type RunConsolidatedMetricsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type RunEventsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type RunConnection = {
  __typename?: 'RunConnection';
  nodes: Array<Run>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
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

export type RunStatus = {
  __typename?: 'RunStatus';
  completedPhases: Scalars['Int']['output'];
  executingPhases: Scalars['Int']['output'];
  failedPhases: Scalars['Int']['output'];
  /** completed / total * 100 (0 when the run has no phases) */
  percentComplete: Scalars['Float']['output'];
  totalPhases: Scalars['Int']['output'];
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
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ConsolidatedMetrics: ResolverTypeWrapper<ConsolidatedMetricsSummary>;
  CreateRunInput: CreateRunInput;
  DashboardEvent: ResolverTypeWrapper<DashboardEventEntity>;
  DashboardEventInput: DashboardEventInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FeatureFlag: FeatureFlag;
  FeatureFlagState: ResolverTypeWrapper<FeatureFlagState>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Health: ResolverTypeWrapper<HealthReport>;
  HealthStatus: HealthStatus;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  KillSwitches: ResolverTypeWrapper<KillSwitches>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Phase: ResolverTypeWrapper<PhaseEntity>;
  PhaseInput: PhaseInput;
  PhaseMetrics: ResolverTypeWrapper<PhaseMetricsEntity>;
  PhaseMetricsInput: PhaseMetricsInput;
  PhaseState: PhaseState;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Run: ResolverTypeWrapper<RunEntity>;
  RunConnection: ResolverTypeWrapper<Omit<RunConnection, 'nodes'> & { nodes: Array<ResolversTypes['Run']> }>;
  RunState: RunState;
  RunStatus: ResolverTypeWrapper<RunStatusSummary>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  UpdatePhaseInput: UpdatePhaseInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Boolean: Scalars['Boolean']['output'];
  ConsolidatedMetrics: ConsolidatedMetricsSummary;
  CreateRunInput: CreateRunInput;
  DashboardEvent: DashboardEventEntity;
  DashboardEventInput: DashboardEventInput;
  DateTime: Scalars['DateTime']['output'];
  FeatureFlagState: FeatureFlagState;
  Float: Scalars['Float']['output'];
  Health: HealthReport;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  KillSwitches: KillSwitches;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Phase: PhaseEntity;
  PhaseInput: PhaseInput;
  PhaseMetrics: PhaseMetricsEntity;
  PhaseMetricsInput: PhaseMetricsInput;
  Query: Record<PropertyKey, never>;
  Run: RunEntity;
  RunConnection: Omit<RunConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Run']> };
  RunStatus: RunStatusSummary;
  SafeInt: Scalars['SafeInt']['output'];
  String: Scalars['String']['output'];
  UpdatePhaseInput: UpdatePhaseInput;
}>;

export type KillSwitchDirectiveArgs = {
  flag: FeatureFlag;
};

export type KillSwitchDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = KillSwitchDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

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
  run?: Resolver<ResolversTypes['Run'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FeatureFlagStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeatureFlagState'] = ResolversParentTypes['FeatureFlagState']> = ResolversObject<{
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  envVar?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  flag?: Resolver<ResolversTypes['FeatureFlag'], ParentType, ContextType>;
  gates?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type HealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Health'] = ResolversParentTypes['Health']> = ResolversObject<{
  database?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  killSwitches?: Resolver<ResolversTypes['KillSwitches'], ParentType, ContextType>;
  qdrant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  timestamp?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type KillSwitchesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KillSwitches'] = ResolversParentTypes['KillSwitches']> = ResolversObject<{
  consolidatedMetrics?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phase6Metrics?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationCreateRunArgs, 'input'>>;
  executeRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationExecuteRunArgs, 'id'>>;
  recordDashboardEvent?: Resolver<Maybe<ResolversTypes['DashboardEvent']>, ParentType, ContextType, RequireFields<MutationRecordDashboardEventArgs, 'input'>>;
  recordPhaseMetrics?: Resolver<Array<ResolversTypes['PhaseMetrics']>, ParentType, ContextType, RequireFields<MutationRecordPhaseMetricsArgs, 'input'>>;
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
  events?: Resolver<Array<ResolversTypes['DashboardEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastFailureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['PhaseMetrics']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phaseId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phaseIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['Run'], ParentType, ContextType>;
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
  phase?: Resolver<ResolversTypes['Phase'], ParentType, ContextType>;
  retrievalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['Run'], ParentType, ContextType>;
  secondOpinionTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  featureFlags?: Resolver<Array<ResolversTypes['FeatureFlagState']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['Health'], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType, RequireFields<QueryRunArgs, 'id'>>;
  runs?: Resolver<ResolversTypes['RunConnection'], ParentType, ContextType, RequireFields<QueryRunsArgs, 'first'>>;
}>;

export type RunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Run'] = ResolversParentTypes['Run']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  consolidatedMetrics?: Resolver<ResolversTypes['ConsolidatedMetrics'], ParentType, ContextType, RequireFields<RunConsolidatedMetricsArgs, 'limit' | 'offset'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['DashboardEvent']>, ParentType, ContextType, RequireFields<RunEventsArgs, 'limit'>>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gitCommitSha?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  goal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modelMappingHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phases?: Resolver<Array<ResolversTypes['Phase']>, ParentType, ContextType>;
  queuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  replayOf?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType>;
  runScope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  safetyProfile?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['RunState'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  tokenCap?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  tokensUsed?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type RunConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunConnection'] = ResolversParentTypes['RunConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RunStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunStatus'] = ResolversParentTypes['RunStatus']> = ResolversObject<{
  completedPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  executingPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percentComplete?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalPhases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  ConsolidatedMetrics?: ConsolidatedMetricsResolvers<ContextType>;
  DashboardEvent?: DashboardEventResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FeatureFlagState?: FeatureFlagStateResolvers<ContextType>;
  Health?: HealthResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  KillSwitches?: KillSwitchesResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Phase?: PhaseResolvers<ContextType>;
  PhaseMetrics?: PhaseMetricsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Run?: RunResolvers<ContextType>;
  RunConnection?: RunConnectionResolvers<ContextType>;
  RunStatus?: RunStatusResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = GraphQLContext> = ResolversObject<{
  killSwitch?: KillSwitchDirectiveResolver<any, any, ContextType>;
}>;
