import { found } from '../../shared/errors';
import { executeRun } from './lifecycle';
import { updatePhase } from './phases';
import { createRun, listRuns, requireRun } from './service';
import { deliveredAs, follow } from '../live/resolve';
import { runShapeOf, type PhaseRecord } from './records';
import type { Run } from '../../db/entities';
import { summarizeStatus } from './status';
import { ID_PATTERN } from '../../shared/validation';
import { selectedFields, selectedFieldsOf, selectsField } from '../../graphql/selection';
import { metricsColumns, phaseMetricsLimit } from '../telemetry/records';
import type { Resolvers } from '../../graphql/generated/types';
import { runStateCounts } from './state-counts';
import { pageNestedOf, primeLoaders } from './runs.lookahead';
import type { PageNested } from './page-nested';
import type { FlagState } from '../flags/flags';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * pageNestedOf's answer depends on the selection, the variables and the consolidated metrics switch: for an
 * operation without variables it is worked out once per document field (Apollo's document cache and
 * graphql-jit hand every execution of a document the same field nodes) and switch state.
 */
const nestedMemo = new WeakMap<GraphQLResolveInfo['fieldNodes'], Map<boolean, PageNested | null>>();

function pageNested(info: GraphQLResolveInfo, flags: FlagState): PageNested | null {
  if (info.operation.variableDefinitions?.length) return pageNestedOf(info, flags);
  let byFlag = nestedMemo.get(info.fieldNodes);
  if (!byFlag) nestedMemo.set(info.fieldNodes, (byFlag = new Map()));
  const on = flags.CONSOLIDATED_METRICS;
  let nested = byFlag.get(on);
  if (nested === undefined) byFlag.set(on, (nested = pageNestedOf(info, flags)));
  return nested;
}

export const runResolvers: Resolvers = {
  Query: {
    // An id no run can have is not found without asking the database.
    run: (_, { id }, { loaders }) => (ID_PATTERN.test(id) ? loaders.run.load(id) : null),
    runStateCounts: (_, { since }, { em }) => runStateCounts(em, since),
    // The nodes' nested fields are read in the page's statement and handed to their loaders (runs.lookahead.ts).
    // Only the columns the nodes' fields read (records.ts runShapeOf).
    runs: async (_, args, { reads, flags, loaders }, info) => {
      const want = { totalCount: selectsField(info, 'totalCount'), nested: pageNested(info, flags), shape: runShapeOf(selectedFieldsOf(info, 'nodes')) };
      const page = await listRuns(reads, args, want);
      primeLoaders(loaders, page);
      return page;
    },
  },
  Mutation: {
    createRun: (_, { input }, { em }) => createRun(em, input),
    executeRun: async (_, { id }, ctx) => {
      const run = await executeRun(ctx.em, ctx, id);
      ctx.wakeDispatcher?.();
      return run;
    },
    updatePhase: (_, { input }, ctx) => updatePhase(ctx.em, ctx, input),
  },
  RunConnection: {
    // Counted only when selected (listRuns was told so): null here would be a bug of ours, not an answer.
    totalCount: (page) => {
      if (page.totalCount === null) throw new Error('runs: totalCount selected but not counted');
      return page.totalCount;
    },
  },
  // Each subscription checks its arguments first (NOT_FOUND for an unknown run), then follows the feed.
  Subscription: {
    runUpdated: {
      subscribe: async (_, { id }, ctx) => (await requireRun(ctx.em, id), follow(ctx, { kind: 'run', runId: id })),
      resolve: deliveredAs<Run>(),
    },
    runsUpdated: {
      subscribe: (_, { state }, ctx) => follow(ctx, { kind: 'runs', state: state ?? null }),
      resolve: deliveredAs<Run>(),
    },
    phaseUpdated: {
      subscribe: async (_, { runId }, ctx) => (await requireRun(ctx.em, runId), follow(ctx, { kind: 'phase', runId })),
      resolve: deliveredAs<PhaseRecord>(),
    },
  },
  Run: {
    replayOf: (run, _, { loaders }) => (run.replayOf ? loaders.run.load(run.replayOf.id) : null),
    phases: (run, _, { loaders }) => loaders.phasesByRun.load(run.id),
    status: async (run, _, { loaders }) => summarizeStatus(await loaders.phasesByRun.load(run.id)),
  },
  Phase: {
    run: async (phase, _, { loaders }) => found(await loaders.run.load(phase.run.id), `Run not found: ${phase.run.id}`),
    // Only the columns behind the selected fields (record properties are named like the GraphQL fields).
    metrics: (phase, { limit }, { loaders }, info) => loaders.metricsByPhase(metricsColumns(selectedFields(info)), phaseMetricsLimit(limit)).load(phase.id),
  },
};
