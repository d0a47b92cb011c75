import { found } from '../../shared/errors';
import type { Resolvers } from '../../graphql/generated/types';
import { listDashboardEvents, phaseEventsLimit, runEventsLimit } from './list';
import { recordDashboardEvent } from './record';

export const eventResolvers: Resolvers = {
  Query: {
    dashboardEvents: (_, args, { em }) => listDashboardEvents(em, args),
  },
  Mutation: {
    recordDashboardEvent: (_, { input }, ctx) => recordDashboardEvent(ctx.em, ctx, input),
  },
  Run: {
    events: (run, { limit }, { loaders }) => loaders.eventsByRun(runEventsLimit(limit)).load(run.id),
  },
  Phase: {
    events: (phase, { limit }, { loaders }) => loaders.eventsByPhase(phaseEventsLimit(limit)).load(phase.id),
  },
  DashboardEvent: {
    run: async (e, _, { loaders }) => found(await loaders.run.load(e.run.id), `Run not found: ${e.run.id}`),
    phase: (e, _, { loaders }) => (e.phase ? loaders.phase.load(e.phase.id) : null),
  },
};
