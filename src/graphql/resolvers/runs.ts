import type { Run as RunEntity } from '../../db/entities';
import { executeRun } from '../../modules/runs/lifecycle';
import { recordDashboardEvent, updatePhase } from '../../modules/runs/phases';
import { createRun, getRun, listRuns } from '../../modules/runs/service';
import { runStateCounts } from '../../modules/runs/state-counts';
import { summarizeStatus } from '../../modules/runs/status';
import { checkLimit } from '../../modules/validation';
import { MAX_DASHBOARD_EVENTS } from '../../modules/telemetry/dashboard-events';
import type { Resolvers } from '../generated/types';


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
    recordDashboardEvent: (_, { input }, ctx) => recordDashboardEvent(ctx.em, ctx, input),
  },
  Run: {
    replayOf: (run, _, { loaders }) => (run.replayOf ? loaders.run.load(run.replayOf.id) : null),
    phases: (run, _, { loaders }) => loaders.phasesByRun.load(run.id),
    status: async (run, _, { loaders }) => summarizeStatus(await loaders.phasesByRun.load(run.id)),
    events: (run, { limit }, { loaders }) => loaders.eventsByRun(checkLimit(limit ?? 100, 'limit', MAX_DASHBOARD_EVENTS)).load(run.id),
  },
  Phase: {
    run: async (phase, _, { loaders }) => (await loaders.run.load(phase.run.id)) as RunEntity,
    metrics: (phase, _, { loaders }) => loaders.metricsByPhase.load(phase.id),
    events: (phase, _, { loaders }) => loaders.eventsByPhase.load(phase.id),
  },
};
