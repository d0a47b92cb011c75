import type { Run as RunEntity } from '../../db/entities';
import { executeRun } from '../../modules/runs/lifecycle';
import { recordDashboardEvent, updatePhase } from '../../modules/runs/phases';
import { createRun, getRun, listRuns } from '../../modules/runs/service';
import { summarizeStatus } from '../../modules/runs/status';
import { MAX_NESTED_LIMIT } from '../../modules/batch';
import { checkLimit } from '../../modules/validation';
import { MAX_DASHBOARD_EVENTS } from '../../modules/telemetry/dashboard-events';
import type { Resolvers } from '../generated/types';


export const runResolvers: Resolvers = {
  Query: {
    run: (_, { id }, { em }) => getRun(em, id),
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
    metrics: (phase, { limit }, { loaders }) => loaders.metricsByPhase(checkLimit(limit ?? 20, 'limit', MAX_NESTED_LIMIT)).load(phase.id),
    events: (phase, { limit }, { loaders }) => loaders.eventsByPhase(checkLimit(limit ?? 20, 'limit', MAX_NESTED_LIMIT)).load(phase.id),
  },
};
