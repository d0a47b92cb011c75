import { found } from '../../shared/errors';
import type { Resolvers } from '../../graphql/generated/types';
import { listDashboardEvents, phaseEventsLimit, runEventsLimit } from './list';
import { recordDashboardEvent } from './record';
import { preloadedPhaseEvents, preloadedRunEvents } from '../runs/page-nested';

export const eventResolvers: Resolvers = {
  Query: {
    dashboardEvents: (_, args, { em }) => listDashboardEvents(em, args),
  },
  Mutation: {
    recordDashboardEvent: (_, { input }, ctx) => recordDashboardEvent(ctx.em, ctx, input),
  },
  Run: {
    // A page's runs and phases answer from what the page read (runs/page-nested.ts); others through the loader.
    events: (run, { limit }, { loaders }) => {
      const max = runEventsLimit(limit);
      return preloadedRunEvents(run, max) ?? loaders.eventsByRun(max).load(run.id);
    },
  },
  Phase: {
    events: (phase, { limit }, { loaders }) => {
      const max = phaseEventsLimit(limit);
      return preloadedPhaseEvents(phase, max) ?? loaders.eventsByPhase(max).load(phase.id);
    },
  },
  DashboardEvent: {
    run: async (e, _, { loaders }) => found(await loaders.run.load(e.run.id), `Run not found: ${e.run.id}`),
    phase: (e, _, { loaders }) => (e.phase ? loaders.phase.load(e.phase.id) : null),
  },
};
