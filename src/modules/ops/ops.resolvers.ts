import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { FeatureFlagName } from '../../config';
import { clearFlagOverride, setFlagOverride } from '../flags/overrides';
import { checkHealth } from './health';
import type { GraphQLContext } from '../../graphql/context';
import { gatedFields } from '../flags/kill-switch.directive';
import type { Resolvers } from '../../graphql/generated/types';
import { delivered, follow } from '../live/resolve';
import type { FlagDetail } from '../flags/overrides';
import type { Delivery } from '../live/topics';

const gatesCache = new WeakMap<GraphQLSchema, ReturnType<typeof gatedFields>>();

/** Each flag as this request sees it, with the fields it gates (read from the schema's directives). */
function flagStates(ctx: GraphQLContext, info: GraphQLResolveInfo) {
  if (!gatesCache.has(info.schema)) gatesCache.set(info.schema, gatedFields(info.schema));
  const gates = gatesCache.get(info.schema)!;
  return ctx.flagStore.details().map((d) => ({ ...d, enabled: ctx.flags[d.flag], gates: gates.get(d.flag) ?? [] }));
}

async function changed(ctx: GraphQLContext, info: GraphQLResolveInfo, flag: FeatureFlagName) {
  await ctx.flagStore.refresh();
  ctx.flags = ctx.flagStore.state();
  return flagStates(ctx, info).find((f) => f.flag === flag)!;
}

export const opsResolvers: Resolvers = {
  Query: {
    health: (_, __, { health, config, flags }) => checkHealth(health, config, flags),
    featureFlags: (_, __, ctx, info) => flagStates(ctx, info),
    viewer: (_, __, { role, config }) => ({ role: role === 'admin' ? 'ADMIN' : 'READ', keyRequired: config.apiKey !== null }),
  },
  Mutation: {
    setFeatureFlag: async (_, { flag, enabled, reason }, ctx, info) => {
      await setFlagOverride(ctx.em, flag, enabled, reason, ctx.actor);
      return changed(ctx, info, flag);
    },
    clearFeatureFlag: async (_, { flag }, ctx, info) => {
      await clearFlagOverride(ctx.em, flag);
      return changed(ctx, info, flag);
    },
  },
  Subscription: {
    featureFlagChanged: {
      subscribe: (_, __, ctx) => follow(ctx, { kind: 'flags' }),
      resolve: (d: Delivery, _: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) => {
        const detail = delivered<FlagDetail>(d, ctx);
        if (!gatesCache.has(info.schema)) gatesCache.set(info.schema, gatedFields(info.schema));
        return { ...detail, gates: gatesCache.get(info.schema)!.get(detail.flag) ?? [] };
      },
    },
  },
  Health: {
    flags: (_, __, ctx, info) => flagStates(ctx, info),
  },
};
