import { startCampaign } from './campaign';
import { replayRun } from './clone';
import { compareReplay } from './comparison';
import type { Resolvers } from '../../graphql/generated/types';
import { MAX_NESTED_LIMIT } from '../../db/reads';
import { checkLimit } from '../../shared/validation';
import { deliveredAs, follow } from '../live/resolve';
import { requireCampaignProgress, type CampaignProgress } from './progress';
import { isFinished } from '../../db/entities/enums';

export const replayResolvers: Resolvers = {
  Mutation: {
    replayRun: async (_, { id }, ctx) => {
      const replay = await replayRun(ctx.em, ctx, id);
      ctx.wakeDispatcher?.();
      return replay;
    },
    replayCampaign: async (_, { input }, ctx) => {
      const result = await startCampaign(ctx.em, ctx, input);
      if (result.replays.length) ctx.wakeDispatcher?.();
      return result;
    },
  },
  Subscription: {
    replayCampaignProgress: {
      subscribe: async (_, { campaignId }, ctx) => {
        await requireCampaignProgress(ctx.em, campaignId); // NOT_FOUND before anything is registered
        const sub = await follow(ctx, { kind: 'campaign', campaignId });
        // The first value is read once the subscription has started, so no change falls in between.
        await ctx.live!.feed.startCampaign(sub, () => requireCampaignProgress(ctx.em.fork(), campaignId));
        return sub;
      },
      resolve: deliveredAs<CampaignProgress>(),
    },
  },
  Run: {
    replays: (run, { limit }, { loaders }) => loaders.replaysOf(checkLimit(limit ?? 100, 'limit', MAX_NESTED_LIMIT)).load(run.id),
    campaignId: (run) => run.campaign?.id ?? null,
    replayComparison: async (run, _, { loaders }) => {
      if (!run.replayOf || !isFinished(run.state)) return null;
      const [original, originalPhases, replayPhases] = await Promise.all([
        loaders.run.load(run.replayOf.id),
        loaders.phasesByRun.load(run.replayOf.id),
        loaders.phasesByRun.load(run.id),
      ]);
      return original ? compareReplay(original, originalPhases, run, replayPhases) : null;
    },
  },
};
