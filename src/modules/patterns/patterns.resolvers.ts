import { analyzeFailures } from './analyze';
import type { Resolvers } from '../../graphql/generated/types';

export const patternResolvers: Resolvers = {
  Query: {
    failurePatterns: async (_, { runId, minOccurrences }, { em }) => (await analyzeFailures(em, { runId, minOccurrences })).patterns,
  },
};
