import { found } from '../../shared/errors';
import { abTestSummary, listAbResults, runAbAnalysis } from './service';
import type { Resolvers } from '../../graphql/generated/types';

export const experimentResolvers: Resolvers = {
  Query: {
    abTestResults: (_, args, { em }) => listAbResults(em, args),
    abTestSummary: (_, { testId }, { em }) => abTestSummary(em, testId),
  },
  Mutation: {
    runAbAnalysis: async (_, { input }, { em }) => (await runAbAnalysis(em, input)).result,
  },
  ABTestResult: {
    controlRun: async (r, _, { loaders }) => found(await loaders.run.load(r.controlRun.id), `Run not found: ${r.controlRun.id}`),
    treatmentRun: async (r, _, { loaders }) => found(await loaders.run.load(r.treatmentRun.id), `Run not found: ${r.treatmentRun.id}`),
  },
};
