import type { GraphQLSchema } from 'graphql';
import { FLAG_ENV_VARS } from '../../config';
import { FLAG_NAMES } from '../../modules/flags';
import { checkHealth } from '../../modules/ops/health';
import { gatedFields } from '../directives/killSwitch';
import type { Resolvers } from '../generated/types';

const gatesCache = new WeakMap<GraphQLSchema, ReturnType<typeof gatedFields>>();

export const opsResolvers: Resolvers = {
  Query: {
    health: (_, __, { orm, config, flags }) => checkHealth(orm, config, flags),
    featureFlags: (_, __, { flags }, info) => {
      if (!gatesCache.has(info.schema)) gatesCache.set(info.schema, gatedFields(info.schema));
      const gates = gatesCache.get(info.schema)!;
      return FLAG_NAMES.map((flag) => ({ flag, envVar: FLAG_ENV_VARS[flag], enabled: flags[flag], gates: gates.get(flag) ?? [] }));
    },
  },
};
