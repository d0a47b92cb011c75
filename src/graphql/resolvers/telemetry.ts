import type { Phase as PhaseEntity, Run as RunEntity } from '../../db/entities';
import { ServiceError } from '../../modules/errors';
import type { Resolvers } from '../generated/types';

// consolidatedMetrics and recordPhaseMetrics are gated by @killSwitch in the SDL; their services land with
// the telemetry issue. Until then an enabled switch answers NOT_IMPLEMENTED, nothing else.
const notImplemented = (what: string) => {
  throw new ServiceError('NOT_IMPLEMENTED', `${what} is not implemented yet`);
};

export const telemetryResolvers: Resolvers = {
  Mutation: {
    recordPhaseMetrics: () => notImplemented('recordPhaseMetrics'),
  },
  Run: {
    consolidatedMetrics: () => notImplemented('consolidatedMetrics'),
  },
  PhaseMetrics: {
    run: async (m, _, { loaders }) => (await loaders.run.load(m.run.id)) as RunEntity,
    phase: async (m, _, { loaders }) => (await loaders.phase.load(m.phase.id)) as PhaseEntity,
  },
  DashboardEvent: {
    run: async (e, _, { loaders }) => (await loaders.run.load(e.run.id)) as RunEntity,
    phase: (e, _, { loaders }) => (e.phase ? loaders.phase.load(e.phase.id) : null),
  },
};
