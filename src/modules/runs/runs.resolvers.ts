import { found } from '../../shared/errors';
import { executeRun } from './lifecycle';
import { updatePhase } from './phases';
import { createRun, getRun, listRuns } from './service';
import { summarizeStatus } from './status';
import { checkLimit } from '../../shared/validation';
import type { Resolvers } from '../../graphql/generated/types';
import { MAX_NESTED_LIMIT } from '../batch';
import { runStateCounts } from './state-counts';

export const runResolvers: Resolvers = {
  Query: {
    run: (_, { id }, { em }) => getRun(em, id),
    runStateCounts: (_, { since }, { em }) => runStateCounts(em, since),
    runs: async (_, args, { em }) => {
      const page = await listRuns(em, args);
      return { nodes: page.nodes, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
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
  Run: {
    replayOf: (run, _, { loaders }) => (run.replayOf ? loaders.run.load(run.replayOf.id) : null),
    phases: (run, _, { loaders }) => loaders.phasesByRun.load(run.id),
    status: async (run, _, { loaders }) => summarizeStatus(await loaders.phasesByRun.load(run.id)),
  },
  Phase: {
    run: async (phase, _, { loaders }) => found(await loaders.run.load(phase.run.id), `Run not found: ${phase.run.id}`),
    metrics: (phase, { limit }, { loaders }) => loaders.metricsByPhase(checkLimit(limit ?? 20, 'limit', MAX_NESTED_LIMIT)).load(phase.id),
  },
};
