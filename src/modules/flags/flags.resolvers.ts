import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { FeatureFlagName } from '../../config';
import type { GraphQLContext } from '../../graphql/context';
import type { Resolvers } from '../../graphql/generated/types';
import { gatedFields } from './kill-switch.directive';
import { delivered, follow } from '../live/resolve';
import type { Delivery } from '../live/topics';
import { clearFlagOverride, setFlagOverride, type FlagDetail } from './overrides';

const gatesCache = new WeakMap<GraphQLSchema, ReturnType<typeof gatedFields>>();

/** Each flag as this request sees it, with the fields it gates (read from the schema's directives). */
export function flagStates(ctx: GraphQLContext, info: GraphQLResolveInfo) {
  if (!gatesCache.has(info.schema)) gatesCache.set(info.schema, gatedFields(info.schema));
  const gates = gatesCache.get(info.schema)!;
  return ctx.flagStore.details().map((d) => ({ ...d, enabled: ctx.flags[d.flag], gates: gates.get(d.flag) ?? [] }));
}

async function changed(ctx: GraphQLContext, info: GraphQLResolveInfo, flag: FeatureFlagName) {
  await ctx.flagStore.refresh();
  ctx.flags = ctx.flagStore.state();
  return flagStates(ctx, info).find((f) => f.flag === flag)!;
}

export const flagResolvers: Resolvers = {
  Query: {
    featureFlags: (_, __, ctx, info) => flagStates(ctx, info),
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
};
