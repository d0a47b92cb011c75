import { analyzeFailures } from './analyze';
import type { Resolvers } from '../../graphql/generated/types';
import { checkLimit } from '../../shared/validation';

const MAX_PATTERNS = 1000;

export const patternResolvers: Resolvers = {
  Query: {
    failurePatterns: async (_, { runId, minOccurrences, limit }, { em }) => {
      const top = checkLimit(limit ?? 100, 'limit', MAX_PATTERNS);
      return (await analyzeFailures(em, { runId, minOccurrences })).patterns.slice(0, top);
    },
  },
};
