import type { Run as RunEntity } from '../../db/entities';
import { abTestSummary, listAbResults, runAbAnalysis } from '../../modules/experiments/service';
import type { Resolvers } from '../generated/types';

export const experimentResolvers: Resolvers = {
  Query: {
    abTestResults: (_, args, { em }) => listAbResults(em, args),
    abTestSummary: (_, { testId }, { em }) => abTestSummary(em, testId),
  },
  Mutation: {
    runAbAnalysis: async (_, { input }, { em }) => (await runAbAnalysis(em, input)).result,
  },
  ABTestResult: {
    controlRun: async (r, _, { loaders }) => (await loaders.run.load(r.controlRun.id)) as RunEntity,
    treatmentRun: async (r, _, { loaders }) => (await loaders.run.load(r.treatmentRun.id)) as RunEntity,
  },
};
