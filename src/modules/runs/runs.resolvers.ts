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
import { preloadedMetrics, preloadedPhases } from './page-nested';

export const runResolvers: Resolvers = {
  Query: {
    // An id no run can have is not found without asking the database.
    run: (_, { id }, { loaders }) => (ID_PATTERN.test(id) ? loaders.run.load(id) : null),
    runStateCounts: (_, { since }, { em }) => runStateCounts(em, since),
    // The nodes' nested fields are read in the page's statement and carried by its records (runs.lookahead.ts,
    // page-nested.ts); otherwise only the columns the nodes' fields read (records.ts runShapeOf).
    runs: async (_, args, { reads, flags, loaders }, info) => {
      const want = { totalCount: selectsField(info, 'totalCount'), nested: pageNestedOf(info, flags), shape: runShapeOf(selectedFieldsOf(info, 'nodes')) };
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
    // A page's runs answer from what the page read (page-nested.ts), synchronously; others through the loader.
    phases: (run, _, { loaders }) => preloadedPhases(run) ?? loaders.phasesByRun.load(run.id),
    status: (run, _, { loaders }) => {
      const phases = preloadedPhases(run);
      return phases ? summarizeStatus(phases) : loaders.phasesByRun.load(run.id).then(summarizeStatus);
    },
  },
  Phase: {
    run: async (phase, _, { loaders }) => found(await loaders.run.load(phase.run.id), `Run not found: ${phase.run.id}`),
    // Only the columns behind the selected fields (record properties are named like the GraphQL fields).
    metrics: (phase, { limit }, { loaders }, info) => {
      const columns = metricsColumns(selectedFields(info));
      const max = phaseMetricsLimit(limit);
      return preloadedMetrics(phase, columns, max) ?? loaders.metricsByPhase(columns, max).load(phase.id);
    },
  },
};
