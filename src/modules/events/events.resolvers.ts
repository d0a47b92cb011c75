import { found } from '../../shared/errors';
import { checkLimit } from '../../shared/validation';
import type { Resolvers } from '../../graphql/generated/types';
import { MAX_NESTED_LIMIT } from '../../db/reads';
import { listDashboardEvents, MAX_DASHBOARD_EVENTS } from './list';
import { recordDashboardEvent } from './record';

export const eventResolvers: Resolvers = {
  Query: {
    dashboardEvents: (_, args, { em }) => listDashboardEvents(em, args),
  },
  Mutation: {
    recordDashboardEvent: (_, { input }, ctx) => recordDashboardEvent(ctx.em, ctx, input),
  },
  Run: {
    events: (run, { limit }, { loaders }) => loaders.eventsByRun(checkLimit(limit ?? 100, 'limit', MAX_DASHBOARD_EVENTS)).load(run.id),
  },
  Phase: {
    events: (phase, { limit }, { loaders }) => loaders.eventsByPhase(checkLimit(limit ?? 20, 'limit', MAX_NESTED_LIMIT)).load(phase.id),
  },
  DashboardEvent: {
    run: async (e, _, { loaders }) => found(await loaders.run.load(e.run.id), `Run not found: ${e.run.id}`),
    phase: (e, _, { loaders }) => (e.phase ? loaders.phase.load(e.phase.id) : null),
  },
};
