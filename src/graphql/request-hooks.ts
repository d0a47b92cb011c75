// Our per-request checks and bookkeeping (limits, read-only keys, error codes, the response ceiling) as plain
// functions, run by ONE Apollo plugin whose listener is built once. Apollo calls each plugin's requestDidStart
// and then every hook of every listener through Promise.all at each stage of every request: with nine plugins
// that was about 40 promises and nine listener objects per request, 11-15 µs of CPU for `{ __typename }`
// (a third of Apollo's whole pipeline; Node's promise hooks are on once MikroORM has run a transaction).
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener, GraphQLServerContext } from '@apollo/server';

type Listener<T extends BaseContext> = GraphQLRequestListener<T>;
type StageContext<T extends BaseContext, K extends 'didResolveOperation' | 'didEncounterErrors' | 'willSendResponse' | 'parsingDidStart'> = Parameters<
  NonNullable<Listener<T>[K]>
>[0];

/** One plugin's hooks, synchronous: throwing refuses the request as a rejected hook does. */
export interface RequestHooks<T extends BaseContext> {
  serverWillStart?(service: GraphQLServerContext): void;
  /** After parsing (only documents not in Apollo's document cache are parsed); `error` when it failed. */
  parsingDidEnd?(ctx: StageContext<T, 'parsingDidStart'>, error?: Error): void;
  didResolveOperation?(ctx: StageContext<T, 'didResolveOperation'>): void;
  didEncounterErrors?(ctx: StageContext<T, 'didEncounterErrors'>): void;
  willSendResponse?(ctx: StageContext<T, 'willSendResponse'>): void;
}

/**
 * Runs each hook in order, as Apollo runs separate plugins' hooks: every one runs even when an earlier one
 * throws (the operation name is still recorded for a refused request), and the first failure is thrown.
 */
function runAll<C>(hooks: ((ctx: C) => void)[], ctx: C): void {
  let failure: { error: unknown } | undefined;
  for (const hook of hooks) {
    try {
      hook(ctx);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/** One Apollo plugin running `all` in their order at each stage. */
export function requestHooksPlugin<T extends BaseContext>(all: readonly RequestHooks<T>[]): ApolloServerPlugin<T> {
  // (each hook keeps its object as `this`)
  const pick = <K extends keyof RequestHooks<T>>(name: K) =>
    all.flatMap((h) => (h[name] ? [(h[name] as (...args: unknown[]) => void).bind(h) as NonNullable<RequestHooks<T>[K]>] : []));
  const resolved = pick('didResolveOperation');
  const errors = pick('didEncounterErrors');
  const sending = pick('willSendResponse');
  const parsed = pick('parsingDidEnd');
  const listener: Listener<T> = {};
  if (resolved.length) listener.didResolveOperation = async (ctx) => runAll(resolved, ctx);
  if (errors.length) listener.didEncounterErrors = async (ctx) => runAll(errors, ctx);
  if (sending.length) listener.willSendResponse = async (ctx) => runAll(sending, ctx);
  if (parsed.length)
    listener.parsingDidStart = async (ctx) => async (error?: Error) =>
      runAll(
        parsed.map((hook) => (c: typeof ctx) => hook(c, error)),
        ctx,
      );
  const ready = Promise.resolve(listener);
  return {
    async serverWillStart(service) {
      for (const h of all) h.serverWillStart?.(service);
    },
    requestDidStart: () => ready,
  };
}
