// Live data. A page's query follows the GraphQL subscriptions it names: their values land in the normalized
// cache (a changed run updates its row by itself), and a value the cache cannot place (a new run, a new
// event in a list) asks the query again. Polling is the fallback: every few seconds while the
// subscription socket is not open, while a subscription failed, or while the last answer was a passing
// failure (server restarting, database down: only asking again tells that it is over).
import { useEffect, useRef, useState } from 'react';
import { createRequest, useClient, useQuery, type AnyVariables, type TypedDocumentNode, type UseQueryArgs, type UseQueryResponse } from 'urql';
import { errorCode } from './client';
import { graphql } from './gql';
import { isTransient } from './database';
import { useSocketOpen } from './socket';

const POLL_MS = 2500;
/**
 * Live pages still ask again this often. The server registers a subscription a moment after the page's
 * query was answered: a change committed in between is sent to nobody, and this is what catches it.
 */
const SAFETY_NET_MS = 30_000;

// A switch turned on makes what was refused with FEATURE_DISABLED available: the pages that were told so ask
// again, and subscriptions refused for it register again (urql shares one subscription among all hooks).
const SwitchFlipped = graphql(`
  subscription SwitchFlipped {
    featureFlagChanged {
      flag
      enabled
    }
  }
`);

/** A count of kill switch changes seen since the page opened (0 while none; followed only while `wanted`). */
function useSwitchFlips(wanted: boolean): number {
  const client = useClient();
  const [flips, setFlips] = useState(0);
  useEffect(() => {
    if (!wanted) return;
    const subscription = client.subscription(SwitchFlipped, {}).subscribe((r) => {
      if (r.data) setFlips((n) => n + 1);
    });
    return () => subscription.unsubscribe();
  }, [client, wanted]);
  return flips;
}

/** A subscription a page follows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list holds sources of different documents; follow() types each
export interface LiveSource<Data = any, Variables extends AnyVariables = any> {
  query: TypedDocumentNode<Data, Variables>;
  variables?: Variables;
  /**
   * Whether this value needs the page's query asked again (default: yes), for what normalization cannot
   * do: a run that joins or leaves the list, an event for a list. Called with the latest closure.
   */
  refresh?(data: Data): boolean;
}

/** A LiveSource with `refresh` typed by the subscription's document. */
export function follow<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables?: Variables,
  refresh?: (data: Data) => boolean,
): LiveSource<Data, Variables> {
  return { query, variables, refresh };
}

interface LiveOptions {
  /** the fallback's interval (default 2.5 s); with no `live` sources, the only way the data stays fresh */
  pollMs?: number;
  live?: LiveSource[];
}

export function useLiveQuery<Data, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
  { pollMs = POLL_MS, live = [] }: LiveOptions = {},
): UseQueryResponse<Data, Variables> {
  const response = useQuery<Data, Variables>(args);
  const [result, reexecute] = response;
  // A passing failure (server restarting, database down) keeps showing the last good answer next to the
  // error; other errors (a kill switch off, a bad id) replace it, since they are the news.
  const last = useRef<{ key: number; data: Data } | null>(null);
  const key = result.operation?.key;
  const transient = isTransient(result.error);
  if (result.data != null && !transient && key !== undefined) last.current = { key, data: result.data };
  const paused = args.pause ?? false;

  // Asks again at once, or once the answer in flight is in: values arriving in a burst cost one query each
  // round trip, not one each.
  const busy = result.fetching || !!result.stale;
  const wanted = useRef(false);
  const refresh = useRef(() => {});
  refresh.current = () => {
    if (paused) return;
    if (busy) wanted.current = true;
    else reexecute({ requestPolicy: 'network-only' });
  };
  useEffect(() => {
    if (!busy && wanted.current) {
      wanted.current = false;
      reexecute({ requestPolicy: 'network-only' });
    }
  }, [busy, reexecute]);

  const [refused, setRefused] = useState(false);
  const disabled = errorCode(result.error) === 'FEATURE_DISABLED' || refused;
  const flips = useSwitchFlips(disabled && !paused);
  useEffect(() => {
    if (flips > 0) refresh.current();
  }, [flips]);
  const following = useSubscriptions(paused ? [] : live, () => refresh.current(), setRefused, flips);
  const fast = !following || transient;
  // Following again after a lost socket: what changed meanwhile was sent to nobody.
  const wasFollowing = useRef(following);
  useEffect(() => {
    if (!wasFollowing.current && following && result.data != null) refresh.current();
    wasFollowing.current = following;
  }, [following, result.data]);

  const intervalMs = fast ? pollMs : SAFETY_NET_MS;
  useEffect(() => {
    if (paused) return;
    const poll = () => {
      if (document.visibilityState === 'visible') refresh.current();
    };
    const timer = window.setInterval(poll, intervalMs);
    document.addEventListener('visibilitychange', poll);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [intervalMs, paused]);

  if (transient && last.current && last.current.key === key) {
    return [{ ...result, data: last.current.data }, reexecute];
  }
  return response;
}

/**
 * Subscribes to `sources` through the client (so values reach the cache) and calls `onRefresh` when one
 * asks for it. Returns whether the page may rely on them: the socket is open and none has failed.
 * CHANGES_MISSED (the server may have missed changes) asks for a refresh; FEATURE_DISABLED (a kill switch
 * is off, so nothing of the kind is recorded) is not a failure: it is reported to `onRefused`, and the
 * subscriptions register again when `generation` changes.
 */
function useSubscriptions(sources: LiveSource[], onRefresh: () => void, onRefused: (refused: boolean) => void, generation: number): boolean {
  const client = useClient();
  const socketOpen = useSocketOpen();
  const [failed, setFailed] = useState(false);
  const latest = useRef(sources);
  latest.current = sources;
  const onRefreshRef = useRef(onRefresh);
  onRefreshRef.current = onRefresh;
  const keys = sources.map((s) => createRequest(s.query, s.variables).key).join(',');

  const onRefusedRef = useRef(onRefused);
  onRefusedRef.current = onRefused;

  // `generation` changes when a switch flipped while one of them was refused: all register again.
  useEffect(() => {
    setFailed(false);
    onRefusedRef.current(false);
    const subscriptions = latest.current.map((source, i) =>
      client.subscription(source.query, source.variables ?? {}).subscribe((result) => {
        const code = errorCode(result.error);
        if (code === 'CHANGES_MISSED') return onRefreshRef.current();
        if (code === 'FEATURE_DISABLED') return onRefusedRef.current(true);
        if (result.error) return setFailed(true);
        const current = latest.current[i] ?? source;
        if (result.data != null && (current.refresh?.(result.data) ?? true)) onRefreshRef.current();
      }),
    );
    return () => subscriptions.forEach((s) => s.unsubscribe());
  }, [client, keys, generation]);

  return sources.length > 0 && socketOpen && !failed;
}
