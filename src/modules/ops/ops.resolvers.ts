import { checkHealth } from './health';
import { flagStates } from '../flags/flags.resolvers';
import type { Resolvers } from '../../graphql/generated/types';

export const opsResolvers: Resolvers = {
  Query: {
    health: (_, __, { health, config, flags }) => checkHealth(health, config, flags),
    viewer: (_, __, { role, config }) => ({ role: role === 'admin' ? 'ADMIN' : 'READ', keyRequired: config.apiKey !== null }),
  },
  Health: {
    flags: (_, __, ctx, info) => flagStates(ctx, info),
  },
};
