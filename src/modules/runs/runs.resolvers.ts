import { found } from '../../shared/errors';
import { executeRun } from './lifecycle';
import { recordDashboardEvent, updatePhase } from './phases';
import { createRun, getRun, listRuns, requireRun } from './service';
import { deliveredAs, follow } from '../live/resolve';
import type { PhaseRecord } from '../records';
import type { Run } from '../../db/entities';
import { summarizeStatus } from './status';
import { checkLimit } from '../../shared/validation';
import { MAX_DASHBOARD_EVENTS } from '../events/list';
import type { Resolvers } from '../../graphql/generated/types';


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
    events: (run, { limit }, { loaders }) => loaders.eventsByRun(checkLimit(limit ?? 100, 'limit', MAX_DASHBOARD_EVENTS)).load(run.id),
  },
  Phase: {
    run: async (phase, _, { loaders }) => found(await loaders.run.load(phase.run.id), `Run not found: ${phase.run.id}`),
    metrics: (phase, _, { loaders }) => loaders.metricsByPhase.load(phase.id),
    events: (phase, _, { loaders }) => loaders.eventsByPhase.load(phase.id),
  },
};
