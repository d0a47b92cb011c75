// Read-only views of the server's own database schema, so remote checks (`autopack rollout-check`) can
// confirm what `autopack migrate status|verify` would say without database access.
import { migrationState } from './migrations';
import { verifySchema } from './verify';
import type { Resolvers } from '../../graphql/generated/types';

export const opsStatusResolvers: Resolvers = {
  Query: {
    migrationStatus: async (_, __, { orm }) => {
      const state = await migrationState(orm);
      return { ...state, upToDate: state.pending.length === 0 };
    },
    schemaVerification: (_, __, { orm }) => verifySchema(orm),
  },
};
