// The glue between subscription fields (in each capability's resolvers) and the feed: `follow` registers a
// subscription, `delivered` turns one queued value into the field's value for one subscriber.
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ServiceError } from '../../shared/errors';
import type { Subscription } from './subscription';
import type { Delivery, Topic } from './topics';

/**
 * Registers a subscription on this server's feed (only live transports carry one); resolves once it has
 * started, so it is sent exactly what is committed from then on.
 */
export async function follow(ctx: GraphQLContext, topic: Topic): Promise<Subscription> {
  if (!ctx.live) throw new ServiceError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket (/graphql) and Server-Sent Events (/graphql/stream) only');
  const sub = ctx.live.feed.subscribe(ctx.live.connection, topic);
  await sub.started;
  return sub;
}

/**
 * The value for this subscriber. Its nested fields resolve through the EntityManager and loaders the value was
 * read with (one set per change, shared by its subscribers), never a cache kept since the subscription began.
 */
export function delivered<T>(d: Delivery, ctx: GraphQLContext): T {
  if (d.missed !== undefined) throw new GraphQLError(d.missed, { extensions: { code: 'CHANGES_MISSED' } });
  if (d.em) ctx.em = d.em;
  if (d.loaders) ctx.loaders = d.loaders;
  return d.value as T;
}

/** A subscription field's `resolve`: the delivered value, typed as the field's. */
export const deliveredAs =
  <T>() =>
  (d: Delivery, _args: unknown, ctx: GraphQLContext): T =>
    delivered<T>(d, ctx);
