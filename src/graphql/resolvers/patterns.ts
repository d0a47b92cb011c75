import { analyzeFailures } from '../../modules/patterns/analyze';
import type { Resolvers } from '../generated/types';

export const patternResolvers: Resolvers = {
  Query: {
    failurePatterns: async (_, { runId, minOccurrences }, { em }) => (await analyzeFailures(em, { runId, minOccurrences })).patterns,
  },
};
